#!/bin/sh
# Prepares the platform home on the volume, then runs the analytics command (serve by default).
#   ANALYTICS_HOME      platform home (default /data)
#   ANALYTICS_DEMO=1    write the demo lake on first start
#   ANALYTICS_USER / ANALYTICS_PASSWORD   create (or update) that login; connections from outside the
#                       container need a configured user, as the gateway trusts only loopback otherwise
#   ANALYTICS_ROLE      its role (default analyst)
set -eu
home="${ANALYTICS_HOME:-/data}"
run() { exec java --add-opens=java.base/java.nio=ALL-UNNAMED ${ANALYTICS_JAVA_OPTS:-} -jar /opt/analytics/analytics.jar --home "$home" "$@"; }
cli() { java --add-opens=java.base/java.nio=ALL-UNNAMED -jar /opt/analytics/analytics.jar --home "$home" "$@"; }

if [ "${ANALYTICS_DEMO:-0}" = "1" ]; then
  cli init --demo
else
  cli init
fi
if [ -n "${ANALYTICS_USER:-}" ] && [ -n "${ANALYTICS_PASSWORD:-}" ]; then
  printf '%s\n' "$ANALYTICS_PASSWORD" | cli user add "$ANALYTICS_USER" --role "${ANALYTICS_ROLE:-analyst}"
fi
run "$@"
