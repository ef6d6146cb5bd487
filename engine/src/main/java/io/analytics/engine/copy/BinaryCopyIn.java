package io.analytics.engine.copy;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.pgtypes.CopyBinaryReader;
import io.analytics.engine.pgtypes.CopyColumn;
import io.analytics.engine.pgtypes.PgCodec;
import io.analytics.engine.pgtypes.PgCodecs;
import io.analytics.engine.session.EngineSession;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code COPY table FROM STDIN (FORMAT binary)}: loads a stream in PostgreSQL's binary COPY format
 * into a table with one INSERT that pulls the decoded rows batch by batch, so the load is atomic
 * (a malformed row anywhere leaves the table unchanged) and the data is never all in memory.
 */
public final class BinaryCopyIn {
  private static final int BATCH_ROWS = 8_192;
  private static final int NUMERIC = 1700;

  private final String table;
  private final List<String> columnList;
  private final List<CopyColumn> columns;

  /**
   * @param table the target table as the client named it (already checked to exist)
   * @param columnList the client's column list, empty for all columns
   * @param columns the target columns with the PostgreSQL type (OID and typmod) the client sends them as
   */
  public BinaryCopyIn(String table, List<String> columnList, List<TargetColumn> columns) {
    this.table = requireNonNull(table, "table is null");
    this.columnList = List.copyOf(requireNonNull(columnList, "columnList is null"));
    List<CopyColumn> copyColumns = new ArrayList<>();
    for (TargetColumn column : requireNonNull(columns, "columns is null")) {
      PgCodec codec = PgCodecs.forOid(column.oid(), column.typmod()).orElseThrow(() ->
          new PlatformException(SqlState.FEATURE_NOT_SUPPORTED,
              "COPY in binary format does not support column \"" + column.name() + "\" (type OID " + column.oid() + ")"));
      boolean unconstrained = column.oid() == NUMERIC && column.typmod() == ExactUnconstrainedNumeric.TYPMOD;
      copyColumns.add(new CopyColumn(column.name(), unconstrained ? new ExactUnconstrainedNumeric(codec) : codec, column.typmod()));
    }
    this.columns = List.copyOf(copyColumns);
  }

  /** A column of the target table and the PostgreSQL type its values arrive in. */
  public record TargetColumn(String name, int oid, int typmod) {
    public TargetColumn {
      requireNonNull(name, "name is null");
    }
  }

  /** Loads the binary COPY data {@code data} opens; returns the number of rows inserted. */
  public long load(EngineSession engine, Supplier<InputStream> data) {
    String streamName = "__copy_in_" + UUID.randomUUID().toString().replace("-", "");
    String target = columnList.isEmpty() ? table : table + " (" + String.join(", ", columnList) + ")";
    String sql = "INSERT INTO " + target + " SELECT * FROM \"" + streamName + "\"";
    CopyBinaryReader[] reader = new CopyBinaryReader[1];
    try {
      return engine.executeReadingArrow(sql, streamName, allocator -> {
        reader[0] = new CopyBinaryReader(allocator, data.get(), columns, BATCH_ROWS);
        return reader[0];
      });
    } catch (PlatformException e) {
      // DuckDB reports a decoding failure only as its message: the reader knows what it was.
      PlatformException failure = reader[0] == null ? null : reader[0].failure();
      if (failure != null && e.sqlState() != SqlState.QUERY_CANCELED && e.sqlState() != SqlState.ADMIN_SHUTDOWN) {
        throw failure;
      }
      throw e;
    }
  }
}
