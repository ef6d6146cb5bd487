package io.analytics.gateway.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One structured line (JSON) per connection event and per statement: who, from where, what (the
 * statement's fingerprint, literals removed), how many rows, how long and with which outcome. The
 * lines go to the logger {@code io.analytics.audit}, which {@link AuditFile} sends to a rotated file.
 */
public final class AuditLog {
  private static final Logger AUDIT = LoggerFactory.getLogger("io.analytics.audit");
  private static final ObjectMapper JSON = new ObjectMapper();

  public void connectionOpened(String user, InetAddress address, String application, boolean tls, String role) {
    ObjectNode line = line("connect", user, address);
    line.put("application", application);
    line.put("tls", tls);
    line.put("role", role);
    write(line);
  }

  public void loginFailed(String user, InetAddress address, String reason) {
    ObjectNode line = line("login_failed", user, address);
    line.put("reason", reason);
    write(line);
  }

  public void connectionClosed(String user, InetAddress address, long durationMillis) {
    ObjectNode line = line("disconnect", user, address);
    line.put("duration_ms", durationMillis);
    write(line);
  }

  /** @param outcome "ok", or the SQLSTATE of the error (42501 for a refusal) */
  public void statement(String user, InetAddress address, String fingerprint, long rows, long durationMillis, String outcome) {
    ObjectNode line = line("statement", user, address);
    line.put("statement", fingerprint);
    line.put("rows", rows);
    line.put("duration_ms", durationMillis);
    line.put("outcome", outcome);
    write(line);
  }

  private static ObjectNode line(String event, String user, InetAddress address) {
    ObjectNode line = JSON.createObjectNode();
    line.put("time", Instant.now().toString());
    line.put("event", event);
    line.put("user", user);
    line.put("address", address.getHostAddress());
    return line;
  }

  private static void write(ObjectNode line) {
    if (AUDIT.isInfoEnabled()) {
      AUDIT.info(line.toString());
    }
  }
}
