package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.analytics.gateway.testing.ClientScript;
import io.analytics.gateway.testing.GatewayExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * pgcli (Debian's package, which .ci/run installs) against a live gateway through pgcli's own
 * library: connecting as pgcli does, its start-up completion refresh (the catalog queries pgcli
 * sends), completing the lake's table and column names, and the special commands. The script,
 * gateway/src/test/clients/python/pgcli_checks.py, runs every check and reports each.
 */
class PgcliWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @Test
  void pgcliConnectsRefreshesAndDescribesTables() {
    ClientScript.Result result = checks();
    assertThat(result.passedChecks()).as(result.toString()).contains(
        "connect", "refresh schemata", "refresh types", "refresh databases", "\\d table", "\\l", "\\dn");
  }

  /**
   * pgcli lists relations with {@code relkind = ANY(%s)} and a Python list (untyped array
   * parameters), and reads functions with {@code proargtypes::regtype[]::text[]} (type names from an
   * oidvector).
   */
  @Test
  void pgcliCompletesTableNamesAndListsTables() {
    ClientScript.Result result = checks();
    assertThat(result.passedChecks()).as(result.toString()).contains(
        "refresh tables", "refresh views", "refresh functions", "completes table names", "completes column names", "\\dt", "\\d");
  }

  private static ClientScript.Result checks() {
    String python = ClientScript.pythonWith("pgcli", "pgspecial", "prompt_toolkit");
    assumeTrue(python != null, "python3 with pgcli is not installed");
    ClientScript.Result result = ClientScript.run(gateway.host(), gateway.port(), Map.of(),
        python, ClientScript.CLIENTS.resolve("python").resolve("pgcli_checks.py").toString());
    assertThat(result.exitCode()).as(result.toString()).isZero();
    return result;
  }
}
