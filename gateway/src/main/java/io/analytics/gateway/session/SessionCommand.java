package io.analytics.gateway.session;

import java.util.List;
import java.util.Map;

/** A statement the gateway answers itself instead of passing it to DuckDB. */
public sealed interface SessionCommand {

  /** BEGIN / START TRANSACTION (with its modes), COMMIT / END, ROLLBACK / ABORT. */
  record TransactionControl(Kind kind, String tag, TransactionModes modes) implements SessionCommand {
    public enum Kind {
      BEGIN,
      COMMIT,
      ROLLBACK
    }

    public TransactionControl(Kind kind, String tag) {
      this(kind, tag, TransactionModes.NONE);
    }

    public TransactionControl {
      java.util.Objects.requireNonNull(modes, "modes is null");
    }
  }

  /** SAVEPOINT name, RELEASE [SAVEPOINT] name, ROLLBACK [WORK] TO [SAVEPOINT] name (see SavepointEmulation). */
  record SavepointCommand(Action action, String name) implements SessionCommand {
    public enum Action {
      SAVEPOINT("SAVEPOINT"),
      RELEASE("RELEASE"),
      ROLLBACK_TO("ROLLBACK");

      private final String tag;

      Action(String tag) {
        this.tag = tag;
      }

      /** The command tag PostgreSQL answers with. */
      public String tag() {
        return tag;
      }
    }
  }

  /**
   * SET TRANSACTION modes (this transaction) or SET SESSION CHARACTERISTICS AS TRANSACTION modes
   * (the session's defaults).
   */
  record SetTransaction(TransactionModes modes, boolean sessionDefaults) implements SessionCommand {}

  /** SET name TO value (value null = DEFAULT). */
  record SetParameter(String name, String value) implements SessionCommand {}

  /** SHOW name, or SHOW ALL when name is null. */
  record ShowParameter(String name) implements SessionCommand {}

  /** RESET name, or RESET ALL when name is null. */
  record ResetParameter(String name) implements SessionCommand {}

  /** DISCARD ALL / PLANS / SEQUENCES / TEMP. */
  record Discard(String what) implements SessionCommand {}

  /** DEALLOCATE [PREPARE] name, or ALL when name is null. */
  record Deallocate(String name) implements SessionCommand {}

  /** LISTEN channel. */
  record Listen(String channel) implements SessionCommand {}

  /** UNLISTEN channel, or UNLISTEN * when channel is null. */
  record Unlisten(String channel) implements SessionCommand {}

  /** NOTIFY channel [, 'payload']. */
  record Notify(String channel, String payload) implements SessionCommand {}

  /** A statement accepted and ignored, answered with its tag (LISTEN, SET TRANSACTION ...). */
  /** SELECT pg_notify('channel', 'payload'): NOTIFY, answering one row. */
  record NotifyCall(String channel, String payload) implements SessionCommand {}

  record Ignored(String tag) implements SessionCommand {}

  /** A statement PostgreSQL has and the gateway refuses with 0A000. */
  record Unsupported(String what) implements SessionCommand {}

  /**
   * COPY ... TO STDOUT or COPY ... FROM STDIN.
   *
   * @param source the table name, or for TO STDOUT a parenthesised query
   * @param columns the column list, or empty
   * @param options lower-cased option names to values ("format", "header", "delimiter", "null",
   *     "quote", "escape")
   */
  record Copy(boolean toClient, String source, List<String> columns, Map<String, String> options)
      implements SessionCommand {
    public Copy {
      columns = List.copyOf(columns);
      options = Map.copyOf(options);
    }

    public String format() {
      return options.getOrDefault("format", "text");
    }
  }

  /** EXPLAIN [ANALYZE] of a statement: DuckDB's plan as rows of one "QUERY PLAN" column, as psql shows it. */
  record Explain(String sql) implements SessionCommand {}

  /** SELECT pg_cancel_backend(pid) / pg_terminate_backend(pid), answered from the gateway's sessions. */
  record Signal(String function, int pid, boolean terminate) implements SessionCommand {}

  /**
   * {@code SELECT set_config('name', 'value', is_local)}: sets a session parameter like SET and
   * answers with the value now in force, as poolers and drivers expect.
   */
  record SetConfig(String name, String value, boolean local) implements SessionCommand {}

  /** DECLARE name [SCROLL] CURSOR [WITH HOLD] FOR query: a named portal over the query's rows. */
  record DeclareCursor(String name, io.analytics.gateway.sql.SqlStatement query, boolean hold, boolean binary, boolean scroll)
      implements SessionCommand {}

  /**
   * FETCH (or MOVE, which only moves) a cursor: FORWARD or BACKWARD up to {@code count} rows (0 means
   * ALL), or to the ABSOLUTE or RELATIVE row {@code count}.
   */
  record FetchCursor(String name, long count, boolean move, FetchDirection direction) implements SessionCommand {
    FetchCursor(String name, long count, boolean move) {
      this(name, count, move, FetchDirection.FORWARD);
    }
  }

  /** Where a FETCH goes: PostgreSQL's NEXT, PRIOR, FIRST and LAST are FORWARD 1, BACKWARD 1, ABSOLUTE 1 and ABSOLUTE -1. */
  enum FetchDirection {
    FORWARD, BACKWARD, ABSOLUTE, RELATIVE
  }

  /** CLOSE name, or CLOSE ALL when name is null. */
  record CloseCursor(String name) implements SessionCommand {}
}
