package io.analytics.engine.session;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Arrow's C data interface cannot import a field name of 32 KiB or more (BufferUnderflowException),
 * and DuckDB names an unaliased expression by its text, so {@code SELECT length('...40,000 chars...')}
 * could not be read. Such a query is run wrapped, with its columns renamed to names of at most 63
 * bytes (PostgreSQL's identifier length); the names clients see are given by the gateway.
 */
final class LongColumnNames {
  /** Names at least this long (in bytes) are renamed; well under Arrow's limit of 32,767. */
  static final int LIMIT = 16_384;
  private static final int KEPT = 63;

  private LongColumnNames() {}

  static boolean present(List<ResultColumn> columns) {
    for (ResultColumn column : columns) {
      if (column.name().getBytes(StandardCharsets.UTF_8).length >= LIMIT) {
        return true;
      }
    }
    return false;
  }

  /** {@code sql} wrapped so that its columns carry short, distinct names. */
  static String wrap(String sql, List<ResultColumn> columns) {
    StringBuilder wrapped = new StringBuilder("SELECT * FROM (").append(sql).append("\n) AS long_named(");
    Set<String> used = new HashSet<>();
    for (int i = 0; i < columns.size(); i++) {
      String name = columns.get(i).name();
      String shortName = name.length() > KEPT ? name.substring(0, KEPT) : name;
      if (!used.add(shortName)) {
        shortName = "column" + (i + 1);
        used.add(shortName);
      }
      wrapped.append(i > 0 ? ", " : "").append('"').append(shortName.replace("\"", "\"\"")).append('"');
    }
    return wrapped.append(')').toString();
  }
}
