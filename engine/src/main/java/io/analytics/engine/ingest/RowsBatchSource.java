package io.analytics.engine.ingest;

import static io.analytics.engine.duckdb.SqlIdentifiers.quote;
import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.lake.BatchIds;
import io.analytics.engine.lake.LakeSession;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;

/**
 * Rows handed over as maps. They are appended as text into a temporary table (with their position
 * in {@code __row}) and typed by the schema's TRY_CASTs like any CSV, so a bad value is a rejected
 * row rather than an exception.
 */
final class RowsBatchSource implements BatchSource {
  private final List<String> columns;
  private final List<Map<String, Object>> rows;

  RowsBatchSource(List<String> columns, List<Map<String, Object>> rows) {
    this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
    this.rows = requireNonNull(rows, "rows is null");
  }

  @Override
  public String contentHash() {
    MessageDigest digest = BatchIds.sha256();
    digest.update(String.join("\u001f", columns).getBytes(StandardCharsets.UTF_8));
    for (Map<String, Object> row : rows) {
      digest.update((byte) 0x1e);
      for (String column : columns) {
        String text = text(row.get(column));
        digest.update(text == null ? "\u0000".getBytes(StandardCharsets.UTF_8) : text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0x1f);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  @Override
  public String description() {
    return rows.size() + " rows";
  }

  @Override
  public boolean hasRowNumbers() {
    return true;
  }

  @Override
  public void register(LakeSession session, String name, boolean allText) {
    StringBuilder ddl = new StringBuilder("CREATE OR REPLACE TEMP TABLE ").append(quote(name)).append(" (");
    for (String column : columns) {
      ddl.append(quote(column)).append(" VARCHAR, ");
    }
    ddl.append(quote(ValidationQuery.ROW_NUMBER_COLUMN)).append(" BIGINT)");
    session.execute(ddl.toString());
    try (DuckDBAppender appender = session.connection().createAppender("temp", "main", name)) {
      long number = 0;
      for (Map<String, Object> row : rows) {
        appender.beginRow();
        for (String column : columns) {
          appender.append(text(row.get(column)));
        }
        appender.append(++number);
        appender.endRow();
      }
      appender.flush();
    } catch (SQLException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot load rows into DuckDB: " + e.getMessage(), e);
    }
  }

  /** The text DuckDB casts back to the value: ISO-8601 for times, plain notation for decimals. */
  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof ZonedDateTime zoned) {
      return zoned.toOffsetDateTime().toString();
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toString();
    }
    return value.toString();
  }
}
