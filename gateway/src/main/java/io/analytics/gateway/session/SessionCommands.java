package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.SearchPathConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.session.EngineSession;
import io.analytics.gateway.protocol.BackendMessages.FieldDescription;
import io.analytics.gateway.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs SET, SHOW and RESET of session parameters (and the statements the gateway accepts or refuses
 * outright), sending ParameterStatus where PostgreSQL does and keeping DuckDB's own TimeZone and
 * search_path in step.
 */
final class SessionCommands {
  private static final int TEXT_OID = 25;
  private static final int BOOL_OID = 16;
  /** PostgreSQL's void, the type of functions called for their effect (pg_notify). */
  private static final int VOID_OID = 2278;

  /** Delivers pg_cancel_backend / pg_terminate_backend to another session; returns whether it was allowed and found. */
  @FunctionalInterface
  interface BackendSignaller {
    boolean signal(int pid, boolean terminate);
  }

  private final SessionParameters parameters;
  private final EngineSession engine;
  private final ResultReceiver receiver;
  private final BackendSignaller signaller;
  private final SearchPathRouting searchPathRouting;

  private final java.util.function.Function<String, List<String>> explainNotes;
  /** Whether DuckDB's TimeZone has been set from the session's on this connection. */
  private boolean timeZoneMirrored;

  SessionCommands(SessionParameters parameters, EngineSession engine, ResultReceiver receiver) {
    this(parameters, engine, receiver, (pid, terminate) -> false, SearchPathRouting.DIRECT, sql -> List.of());
  }

  /** @param explainNotes lines EXPLAIN adds after DuckDB's plan (what the result cache would do) */
  SessionCommands(SessionParameters parameters, EngineSession engine, ResultReceiver receiver, BackendSignaller signaller,
      SearchPathRouting searchPathRouting, java.util.function.Function<String, List<String>> explainNotes) {
    this.explainNotes = requireNonNull(explainNotes, "explainNotes is null");
    this.signaller = signaller;
    this.parameters = requireNonNull(parameters, "parameters is null");
    this.engine = requireNonNull(engine, "engine is null");
    this.receiver = requireNonNull(receiver, "receiver is null");
    this.searchPathRouting = requireNonNull(searchPathRouting, "searchPathRouting is null");
  }

  /** Applies a startup-packet parameter; ParameterStatus for it is sent with the greeting. */
  void setFromStartup(String name, String value) {
    String canonical = parameters.set(name, value);
    mirrorIntoDuckDb(canonical);
  }

  /** Sets DuckDB's search_path from the session's, also when the client never set one (a replica routes even the default). */
  void applySearchPath() {
    mirrorIntoDuckDb("search_path");
  }

  /**
   * Sets DuckDB's TimeZone from the session's when the startup packet named none: a connection
   * would otherwise compute in its instance's default zone, which DuckDB lets a writer change for
   * everyone ({@code SET GLOBAL TimeZone}, settable on the locked writers' instance).
   */
  void applyTimeZone() {
    if (!timeZoneMirrored) {
      mirrorIntoDuckDb("TimeZone");
    }
  }

  /** The RowDescription fields a command returns, or null when it returns no rows. */
  List<FieldDescription> describe(SessionCommand command) {
    if (command instanceof SessionCommand.ShowParameter show) {
      if (show.name() == null) {
        return List.of(textField("name"), textField("setting"), textField("description"));
      }
      return List.of(textField(SessionParameters.canonicalName(show.name())));
    }
    if (command instanceof SessionCommand.Explain) {
      return List.of(textField("QUERY PLAN"));
    }
    if (command instanceof SessionCommand.Signal signal) {
      return List.of(new FieldDescription(signal.function(), 0, (short) 0, BOOL_OID, (short) 1, -1, (short) 0));
    }
    if (command instanceof SessionCommand.SetConfig) {
      return List.of(textField("set_config"));
    }
    if (command instanceof SessionCommand.NotifyCall) {
      return List.of(new FieldDescription("pg_notify", 0, (short) 0, VOID_OID, (short) 4, -1, (short) 0));
    }
    return null;
  }

  void run(SqlStatement statement, SessionCommand command, boolean describeRows) {
    if (command instanceof SessionCommand.SetParameter set) {
      set(set.name(), set.value());
      receiver.commandComplete("SET");
    } else if (command instanceof SessionCommand.ResetParameter reset) {
      reset(reset);
    } else if (command instanceof SessionCommand.ShowParameter show) {
      show(show, describeRows);
    } else if (command instanceof SessionCommand.Explain explain) {
      explain(explain, describeRows);
    } else if (command instanceof SessionCommand.Signal signal) {
      boolean delivered = signaller.signal(signal.pid(), signal.terminate());
      oneValueRow(command, describeRows, delivered ? "t" : "f");
    } else if (command instanceof SessionCommand.SetConfig setConfig) {
      // is_local is taken as a session-wide change, as SET LOCAL is: the gateway keeps one set of parameters.
      oneValueRow(command, describeRows, set(setConfig.name(), setConfig.value()));
    } else if (command instanceof SessionCommand.NotifyCall) {
      // The notification itself was queued by the session (StatementRunner.Hooks.notifyChannel).
      oneValueRow(command, describeRows, "");
    } else if (command instanceof SessionCommand.Ignored ignored) {
      receiver.commandComplete(ignored.tag());
    } else if (command instanceof SessionCommand.Unsupported unsupported) {
      throw new PlatformException(SqlState.FEATURE_NOT_SUPPORTED, unsupported.what() + " are not supported by this server");
    } else {
      throw new PlatformException(SqlState.INTERNAL_ERROR, "unexpected command " + command);
    }
  }

  private void reset(SessionCommand.ResetParameter reset) {
    if (reset.name() == null) {
      resetAll();
    } else {
      changed(parameters.reset(reset.name()));
    }
    receiver.commandComplete("RESET");
  }

  private void show(SessionCommand.ShowParameter show, boolean describeRows) {
    if (describeRows) {
      receiver.rowDescription(describe(show));
    }
    if (show.name() == null) {
      Map<String, String> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      all.putAll(parameters.all());
      for (Map.Entry<String, String> entry : all.entrySet()) {
        receiver.textRow(entry.getKey(), entry.getValue(), "");
      }
    } else {
      receiver.textRow(parameters.get(show.name()));
    }
    receiver.commandComplete("SHOW");
  }

  private void explain(SessionCommand.Explain explain, boolean describeRows) {
    List<String> lines = new java.util.ArrayList<>(engine.explain(explain.sql()));
    lines.addAll(explainNotes.apply(explain.sql()));
    if (describeRows) {
      receiver.rowDescription(describe(explain));
    }
    for (String line : lines) {
      receiver.textRow(line);
    }
    receiver.commandComplete("EXPLAIN");
  }

  /** A command that answers as a SELECT of one value (pg_cancel_backend, set_config, pg_notify). */
  private void oneValueRow(SessionCommand command, boolean describeRows, String value) {
    if (describeRows) {
      receiver.rowDescription(describe(command));
    }
    receiver.textRow(value);
    receiver.commandComplete("SELECT 1");
  }


  /** SET name TO value (null = DEFAULT), with ParameterStatus where PostgreSQL sends one; returns the value now in force. */
  String set(String name, String value) {
    String canonical = value == null ? parameters.reset(name) : parameters.set(name, value);
    changed(canonical);
    return parameters.get(canonical);
  }

  /** RESET ALL (also part of DISCARD ALL), reporting each parameter that changed. */
  void resetAll() {
    for (String name : parameters.settableNames()) {
      String before = parameters.get(name);
      parameters.reset(name);
      if (!before.equals(parameters.get(name))) {
        changed(name);
      }
    }
  }

  private void changed(String canonical) {
    mirrorIntoDuckDb(canonical);
    if (SessionParameters.isReported(canonical)) {
      receiver.parameterStatus(canonical, parameters.get(canonical));
    }
  }

  /** DuckDB evaluates time-zone-aware functions and name resolution itself, so it must agree. */
  private void mirrorIntoDuckDb(String canonical) {
    if (canonical.equals("TimeZone")) {
      timeZoneMirrored = true;
      if (io.analytics.gateway.dialect.LockedConfiguration.freezesTimeZone(engine)) {
        return; // DuckDB computes in UTC there; the gateway still writes values in the session's zone
      }
      String zone = parameters.timeZone().getId();
      engine.execute("SET TimeZone = '" + zone.replace("'", "''") + "'");
    } else if (canonical.equals("search_path")) {
      List<String> schemas = SearchPathConfig.duckDbSchemas(parameters.get("search_path"));
      try {
        setDuckDbSearchPath(schemas);
      } catch (PlatformException e) {
        // PostgreSQL accepts schemas that do not exist (yet); DuckDB does not: those are left out.
        List<String> existing = engine.firstColumn("SELECT DISTINCT schema_name FROM duckdb_schemas()");
        List<String> kept = schemas.stream().filter(existing::contains).toList();
        setDuckDbSearchPath(kept.isEmpty() ? List.of("main") : kept);
      }
    }
  }

  private void setDuckDbSearchPath(List<String> schemas) {
    engine.execute("SET search_path = '" + searchPathRouting.duckDbSearchPath(schemas).replace("'", "''") + "'");
  }

  private static FieldDescription textField(String name) {
    return new FieldDescription(name, 0, (short) 0, TEXT_OID, (short) -1, -1, (short) 0);
  }
}
