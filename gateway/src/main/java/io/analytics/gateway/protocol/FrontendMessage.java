package io.analytics.gateway.protocol;

import java.util.List;
import java.util.Map;

/** A message from the client, decoded from its frame; acting on it is the session's job. */
public sealed interface FrontendMessage {

  /** The first message: protocol version and startup parameters (user, database, options...). */
  record Startup(int protocolVersion, Map<String, String> parameters) implements FrontendMessage {
    public Startup {
      parameters = Map.copyOf(parameters);
    }

    public int majorVersion() {
      return protocolVersion >>> 16;
    }

    public int minorVersion() {
      return protocolVersion & 0xFFFF;
    }
  }

  /** Asks whether the server speaks TLS; answered with a single byte. */
  record SslRequest() implements FrontendMessage {}

  /** Asks whether the server speaks GSSAPI encryption; answered with a single byte. */
  record GssEncRequest() implements FrontendMessage {}

  /** Sent on a fresh connection to cancel the query of another one. */
  record CancelRequest(int processId, int secretKey) implements FrontendMessage {}

  /** A 'p' message; its meaning (password, SASL initial or SASL response) depends on the phase. */
  record PasswordMessage(byte[] body) implements FrontendMessage {}

  /** Simple query: one string holding zero or more statements. */
  record Query(String sql) implements FrontendMessage {}

  /** Extended query: prepare a named or unnamed statement. Type OID 0 means unspecified. */
  record Parse(String statementName, String sql, List<Integer> parameterTypes)
      implements FrontendMessage {
    public Parse {
      parameterTypes = List.copyOf(parameterTypes);
    }
  }

  /**
   * Extended query: bind parameter values to a prepared statement, creating a portal. A null
   * element of {@code parameterValues} is SQL NULL.
   */
  record Bind(
      String portalName,
      String statementName,
      List<Short> parameterFormats,
      List<byte[]> parameterValues,
      List<Short> resultFormats)
      implements FrontendMessage {
    public Bind {
      parameterFormats = List.copyOf(parameterFormats);
      parameterValues = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parameterValues));
      resultFormats = List.copyOf(resultFormats);
    }

    /** The format code of parameter {@code index}, per the protocol's 0/1/n rule. */
    public short parameterFormat(int index) {
      return formatFor(parameterFormats, index);
    }

    /** The format code of result column {@code index}, per the protocol's 0/1/n rule. */
    public short resultFormat(int index) {
      return formatFor(resultFormats, index);
    }

    private static short formatFor(List<Short> formats, int index) {
      if (formats.isEmpty()) {
        return 0;
      }
      return formats.size() == 1 ? formats.get(0) : formats.get(index);
    }
  }

  /** Extended query: describe a statement ('S') or a portal ('P'). */
  record Describe(char kind, String name) implements FrontendMessage {}

  /** Extended query: run a portal, returning at most {@code maxRows} rows (0 = all). */
  record Execute(String portalName, int maxRows) implements FrontendMessage {}

  /** Extended query: close a statement ('S') or a portal ('P'). */
  record Close(char kind, String name) implements FrontendMessage {}

  /** Extended query: end of a batch; the server answers ReadyForQuery. */
  record Sync() implements FrontendMessage {}

  /** Extended query: send what is pending now. */
  record Flush() implements FrontendMessage {}

  /** The client is leaving. */
  record Terminate() implements FrontendMessage {}

  /** COPY FROM STDIN: a chunk of data. */
  record CopyData(byte[] data) implements FrontendMessage {}

  /** COPY FROM STDIN: the end of the data. */
  record CopyDone() implements FrontendMessage {}

  /** COPY FROM STDIN: the client aborts the copy. */
  record CopyFail(String reason) implements FrontendMessage {}

  /** The legacy fast-path function call, which the gateway refuses. */
  record FunctionCall() implements FrontendMessage {}
}
