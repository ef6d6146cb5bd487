package io.analytics.engine.postgres.cdc;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A logical replication message of PostgreSQL's {@code pgoutput} plugin, protocol version 1, as
 * {@link PgOutputDecoder} reads it. LSNs are PostgreSQL's 64-bit WAL positions.
 */
public sealed interface PgOutputMessage {
  /** A source transaction starts; {@code finalLsn} is where its commit record is. */
  record Begin(long finalLsn, Instant commitTime, int xid) implements PgOutputMessage {}

  /** The transaction that began ends; streaming may resume at {@code endLsn}. */
  record Commit(long commitLsn, long endLsn, Instant commitTime) implements PgOutputMessage {}

  /** A table's shape, sent before its first change in a stream and again after every change to it. */
  record Relation(int oid, String namespace, String name, char replicaIdentity, List<Column> columns)
      implements PgOutputMessage {
    public Relation {
      requireNonNull(namespace, "namespace is null");
      requireNonNull(name, "name is null");
      columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }
  }

  /** A column of a {@link Relation}: whether it is part of the key, its name, type OID and modifier. */
  record Column(boolean key, String name, int typeOid, int typmod) {
    public Column {
      requireNonNull(name, "name is null");
    }
  }

  record Insert(int relation, Tuple row) implements PgOutputMessage {}

  /**
   * {@code oldKey} is the old key when the key changed (or the whole old row with REPLICA IDENTITY
   * FULL), null otherwise.
   */
  record Update(int relation, Tuple oldKey, Tuple row) implements PgOutputMessage {}

  /** {@code oldKey}: the deleted row's key (or whole row with REPLICA IDENTITY FULL). */
  record Delete(int relation, Tuple oldKey) implements PgOutputMessage {}

  record Truncate(List<Integer> relations, boolean cascade, boolean restartIdentity) implements PgOutputMessage {
    public Truncate {
      relations = List.copyOf(requireNonNull(relations, "relations is null"));
    }
  }

  /** Origin, Type and logical decoding messages: nothing for a mirror to do. */
  record Ignored(char kind) implements PgOutputMessage {}

  /** One row's values in text format, in the relation's column order. */
  record Tuple(List<Value> values) {
    public Tuple {
      values = List.copyOf(requireNonNull(values, "values is null"));
    }
  }

  /**
   * A column value: {@code text} (PostgreSQL's text output), SQL NULL, or an unchanged TOASTed value
   * the update did not send (the mirror keeps what it has).
   */
  record Value(Kind kind, String text) {
    public enum Kind { TEXT, NULL, UNCHANGED_TOAST }

    public static final Value NULL = new Value(Kind.NULL, null);
    public static final Value UNCHANGED = new Value(Kind.UNCHANGED_TOAST, null);

    public static Value text(String text) {
      return new Value(Kind.TEXT, requireNonNull(text, "text is null"));
    }
  }
}
