package io.analytics.gateway.cli;

import io.analytics.engine.script.ScriptRunner;
import io.analytics.engine.warehouse.WarehouseConnection;
import io.analytics.gateway.types.FloatText;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A value read from DuckDB's JDBC driver as PostgreSQL's text output writes it (what psql prints):
 * {@code 2025-01-02 09:30:00+00} rather than {@code 2025-01-02T09:30Z}, {@code t} and {@code f},
 * {@code {1,2}} for arrays, {@code 1e+20} for a large double (as the gateway's own encoders write them), {@code \x..} for bytea. The gateway's
 * results need none of this: pgjdbc already hands out the server's text.
 */
final class PostgresText {
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  private PostgresText() {}

  /** How a CLI command reads result values on this connection: pgjdbc's text already is PostgreSQL's. */
  static ScriptRunner.ColumnText columnText(WarehouseConnection connection) {
    return connection.viaGateway() ? ScriptRunner.ColumnText.DRIVER : PostgresText::of;
  }

  /** Column {@code column} of the current row as PostgreSQL text, or null for SQL NULL. */
  static String of(ResultSet rows, int column) throws SQLException {
    Object value = rows.getObject(column);
    if (value == null) {
      return null;
    }
    String type = rows.getMetaData().getColumnTypeName(column);
    return type.equals("FLOAT") ? FloatText.float4(((Number) value).floatValue(), 1) : of(value, rows.getString(column));
  }

  private static String of(Object value, String driverText) throws SQLException {
    if (value instanceof OffsetDateTime timestamp) {
      OffsetDateTime utc = timestamp.withOffsetSameInstant(ZoneOffset.UTC);
      return DATE_TIME.format(utc) + fraction(utc.getNano()) + "+00";
    }
    if (value instanceof Timestamp timestamp) {
      LocalDateTime local = timestamp.toLocalDateTime();
      return DATE_TIME.format(local) + fraction(local.getNano());
    }
    if (value instanceof LocalDateTime local) {
      return DATE_TIME.format(local) + fraction(local.getNano());
    }
    if (value instanceof LocalTime time) {
      return TIME.format(time) + fraction(time.getNano());
    }
    if (value instanceof Boolean bool) {
      return bool ? "t" : "f";
    }
    if (value instanceof Double number) {
      return FloatText.float8(number, 1);
    }
    if (value instanceof Array array) {
      return array((Object[]) array.getArray());
    }
    if (value instanceof java.sql.Blob blob) {
      return "\\x" + HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
    }
    return driverText;
  }

  /** ".5", ".123456" or nothing: PostgreSQL prints fractional seconds without trailing zeros. */
  private static String fraction(int nanos) {
    int micros = nanos / 1000;
    if (micros == 0) {
      return "";
    }
    String digits = String.format(Locale.ROOT, "%06d", micros);
    return "." + digits.replaceAll("0+$", "");
  }

  private static String array(Object[] elements) throws SQLException {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < elements.length; i++) {
      out.append(i > 0 ? "," : "");
      Object element = elements[i];
      if (element == null) {
        out.append("NULL");
      } else {
        String text = of(element, String.valueOf(element));
        out.append(element instanceof Array ? text : arrayElement(text));
      }
    }
    return out.append('}').toString();
  }

  /** An array element, double-quoted when PostgreSQL's array output would quote it. */
  private static String arrayElement(String text) {
    boolean quote = text.isEmpty() || text.equalsIgnoreCase("NULL") || text.chars().anyMatch(
        c -> c == ',' || c == '{' || c == '}' || c == '"' || c == '\\' || Character.isWhitespace(c));
    return quote ? "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : text;
  }
}
