package io.analytics.gateway.audit;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
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

  private final InstantText time = new InstantText();

  public void connectionOpened(String user, InetAddress address, String application, boolean tls, String role) {
    Line line = line("connect", user, address);
    line.put("application", application);
    line.put("tls", tls);
    line.put("role", role);
    write(line);
  }

  public void loginFailed(String user, InetAddress address, String reason) {
    Line line = line("login_failed", user, address);
    line.put("reason", reason);
    write(line);
  }

  public void connectionClosed(String user, InetAddress address, long durationMillis) {
    Line line = line("disconnect", user, address);
    line.put("duration_ms", durationMillis);
    write(line);
  }

  /** @param outcome "ok", or the SQLSTATE of the error (42501 for a refusal) */
  public void statement(String user, InetAddress address, String fingerprint, long rows, long durationMillis, String outcome) {
    statement(user, address, fingerprint, rows, durationMillis, outcome, null);
  }

  /**
   * @param text the statement's whole text, for a statement refused by the guard or rejected by the
   *     lexer (what was attempted matters more there than keeping literals out of the log); else null
   */
  public void statement(
      String user, InetAddress address, String fingerprint, long rows, long durationMillis, String outcome, String text) {
    Line line = line("statement", user, address);
    line.put("statement", fingerprint);
    if (text != null) {
      line.put("text", text);
    }
    line.put("rows", rows);
    line.put("duration_ms", durationMillis);
    line.put("outcome", outcome);
    write(line);
  }

  private Line line(String event, String user, InetAddress address) {
    Line line = new Line();
    line.put("time", time.of(Instant.now()));
    line.put("event", event);
    line.put("user", user);
    line.put("address", address.getHostAddress());
    return line;
  }

  private static void write(Line line) {
    if (AUDIT.isInfoEnabled()) {
      AUDIT.info(line.toString());
    }
  }

  /** One JSON object written field by field: a line per statement should not cost a tree of nodes. */
  private static final class Line {
    private final StringBuilder json = new StringBuilder(256).append('{');

    void put(String name, String value) {
      name(name).append('"');
      JsonStringEncoder.getInstance().quoteAsString(value, json);
      json.append('"');
    }

    void put(String name, long value) {
      name(name).append(value);
    }

    void put(String name, boolean value) {
      name(name).append(value);
    }

    private StringBuilder name(String name) {
      return json.append(json.length() > 1 ? ",\"" : "\"").append(name).append("\":");
    }

    @Override
    public String toString() {
      return json + "}";
    }
  }
}
