package io.analytics.engine.postgres.cdc;

import static io.analytics.engine.postgres.PgIdentifiers.literal;
import static io.analytics.engine.postgres.PgIdentifiers.quote;
import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.duckdb.DuckDbErrors;
import io.analytics.engine.postgres.SourceColumn;
import io.analytics.engine.postgres.SourceTable;
import io.analytics.engine.postgres.SyncStateTables;
import io.analytics.engine.postgres.cdc.PgOutputMessage.Relation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * Applies a pgoutput stream to a source's mirrors in source commit order: each source transaction
 * becomes one DuckDB transaction that also moves the source's recorded LSN, so after a crash the
 * stream resumes exactly after the last transaction applied. Transactions at or before that LSN
 * (sent again because the source had not yet heard our confirmation) are skipped.
 */
public final class ChangeApplier implements AutoCloseable {
  private final Connection duck;
  private final String source;
  private final Predicate<SourceTable> sameShapeAtSource;
  private final Map<Integer, MirrorTarget> targets = new HashMap<>();
  private final AppliedChanges changes;
  private long appliedLsn;
  private boolean inTransaction;
  private boolean skipping;

  /** Thrown when a table's shape changed at the source: its mirror must be copied again. */
  public static final class ShapeChanged extends RuntimeException {
    ShapeChanged(String message) {
      super(message);
    }
  }

  /**
   * @param appliedLsn the LSN recorded with the mirrors
   * @param sameShapeAtSource confirms, from the source's catalog, that a table whose Relation message
   *     does not match its mirror's recorded shape (a domain column, say) has not really changed
   */
  public ChangeApplier(Connection duck, String source, long appliedLsn, Predicate<SourceTable> sameShapeAtSource,
      ChangeCaptureListener listener) {
    this.duck = requireNonNull(duck, "duck is null");
    this.source = requireNonNull(source, "source is null");
    this.changes = new AppliedChanges(duck, source, listener);
    this.sameShapeAtSource = requireNonNull(sameShapeAtSource, "sameShapeAtSource is null");
    this.appliedLsn = appliedLsn;
  }

  public long appliedLsn() {
    return appliedLsn;
  }

  public boolean inTransaction() {
    return inTransaction || skipping;
  }

  /** Applies one message; returns the LSN to confirm to the source when it committed a transaction. */
  public OptionalLong apply(PgOutputMessage message) {
    try {
      if (message instanceof PgOutputMessage.Begin begin) {
        return begin(begin);
      }
      if (message instanceof PgOutputMessage.Commit commit) {
        return commit(commit);
      }
      if (message instanceof Relation relation) {
        relation(relation);
      } else if (skipping) {
        return OptionalLong.empty();
      } else if (message instanceof PgOutputMessage.Insert insert) {
        target(insert.relation()).insert(insert.row());
        changes.changed(insert.relation());
      } else if (message instanceof PgOutputMessage.Update update) {
        target(update.relation()).update(update.oldKey(), update.row());
        changes.changed(update.relation());
      } else if (message instanceof PgOutputMessage.Delete delete) {
        target(delete.relation()).delete(delete.oldKey());
        changes.changed(delete.relation());
      } else if (message instanceof PgOutputMessage.Truncate truncate) {
        for (int relation : truncate.relations()) {
          target(relation).truncate();
          changes.changed(relation);
        }
      }
      return OptionalLong.empty();
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, null);
    }
  }

  private OptionalLong begin(PgOutputMessage.Begin begin) {
    if (begin.finalLsn() < appliedLsn) {
      skipping = true;
      return OptionalLong.empty();
    }
    SyncStateTables.run(duck, "BEGIN TRANSACTION");
    inTransaction = true;
    changes.began();
    return OptionalLong.empty();
  }

  private OptionalLong commit(PgOutputMessage.Commit commit) {
    if (skipping) {
      skipping = false;
      return OptionalLong.of(appliedLsn);
    }
    if (!inTransaction) {
      throw new PlatformException(SqlState.PROTOCOL_VIOLATION, "pgoutput stream: a Commit without its Begin");
    }
    ChangeCaptureState.recordApplied(duck, source, commit.endLsn(), commit.commitTime());
    SyncStateTables.run(duck, "COMMIT");
    inTransaction = false;
    appliedLsn = commit.endLsn();
    changes.committed();
    return OptionalLong.of(appliedLsn);
  }

  /** Abandons a transaction half applied (the stream broke): the source sends it again. */
  public void rollback() {
    if (inTransaction) {
      SyncStateTables.run(duck, "ROLLBACK");
    }
    inTransaction = false;
    skipping = false;
  }

  private void relation(Relation relation) {
    SourceTable table = new SourceTable(relation.namespace(), relation.name(),
        relation.columns().stream().map(c -> new SourceColumn(c.name(), "oid " + c.typeOid(), c.typeOid(), c.typmod()))
            .toList(),
        relation.columns().stream().filter(PgOutputMessage.Column::key).map(PgOutputMessage.Column::name).toList());
    String recorded = SyncStateTables.mirrorState(duck, source, table.mirrorName()).map(s -> s[0]).orElse(null);
    if (recorded == null) {
      throw new ShapeChanged(table.qualifiedName() + " is streamed but has no mirror");
    }
    if (!recorded.equals(table.signature()) && !sameShapeAtSource.test(table)) {
      throw new ShapeChanged(table.qualifiedName() + " changed at the source (columns " + describe(relation) + ")");
    }
    MirrorTarget old = targets.remove(relation.oid());
    if (old != null) {
      old.close();
    }
    List<String> names = relation.columns().stream().map(PgOutputMessage.Column::name).toList();
    List<Integer> key = new ArrayList<>();
    for (int i = 0; i < relation.columns().size(); i++) {
      if (relation.columns().get(i).key()) {
        key.add(i);
      }
    }
    String mirror = quote(source) + "." + quote(table.mirrorName());
    targets.put(relation.oid(), new MirrorTarget(duck, mirror, names, mirrorTypes(table.mirrorName(), names), key));
    changes.relation(relation.oid(), table.mirrorName());
  }

  private List<String> mirrorTypes(String mirror, List<String> names) {
    String sql = "SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = current_database()"
        + " AND schema_name = " + literal(source) + " AND table_name = " + literal(mirror);
    Map<String, String> types = new HashMap<>();
    try (Statement statement = duck.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        types.put(rows.getString(1), rows.getString(2));
      }
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, sql);
    }
    List<String> ordered = new ArrayList<>();
    for (String name : names) {
      String type = types.get(name);
      if (type == null) {
        throw new ShapeChanged(source + "." + mirror + " has no column " + name);
      }
      ordered.add(type);
    }
    return ordered;
  }

  private static String describe(Relation relation) {
    return relation.columns().stream().map(c -> c.name() + " oid " + c.typeOid()).toList().toString();
  }

  private MirrorTarget target(int relation) {
    MirrorTarget target = targets.get(relation);
    if (target == null) {
      throw new PlatformException(SqlState.PROTOCOL_VIOLATION, "pgoutput stream: a change of relation " + relation
          + " before its Relation message");
    }
    return target;
  }

  @Override
  public void close() {
    targets.values().forEach(MirrorTarget::close);
    targets.clear();
  }
}
