package io.analytics.engine.postgres;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.pgtypes.CopyColumn;
import io.analytics.engine.pgtypes.PgCodec;
import io.analytics.engine.pgtypes.PgCodecs;
import io.analytics.engine.pgtypes.PgTypeDefinition;
import io.analytics.engine.pgtypes.PgTypeRegistry;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL type a DuckDB column becomes when an export creates the target table: the type the
 * registry sends it to clients as ({@link PgTypeRegistry#forDuckDbName}), with two choices of its
 * own for stored data: a DuckDB JSON column becomes jsonb (the type PostgreSQL users index and query
 * documents with), and the integers beyond bigint become numeric(38,0).
 */
final class DuckDbToPgTypes {
  private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),\\s*(\\d+)\\)");

  private DuckDbToPgTypes() {}

  static CopyColumn column(String name, String duckDbType) {
    String type = duckDbType.trim().toUpperCase(Locale.ROOT);
    boolean array = type.endsWith("[]");
    String element = array ? type.substring(0, type.length() - 2) : type;
    int typmod = -1;
    Optional<PgTypeDefinition> pgType;
    Matcher decimal = DECIMAL.matcher(element);
    if (decimal.matches()) {
      pgType = Optional.of(PgTypeRegistry.NUMERIC);
      typmod = PgTypeRegistry.numericTypmod(Integer.parseInt(decimal.group(1)), Integer.parseInt(decimal.group(2)));
    } else if (element.equals("JSON")) {
      pgType = Optional.of(PgTypeRegistry.JSONB);
    } else {
      pgType = element.contains("(") ? Optional.empty() : PgTypeRegistry.forDuckDbName(element);
      if (pgType.filter(t -> t == PgTypeRegistry.NUMERIC).isPresent()) {
        typmod = PgTypeRegistry.numericTypmod(38, 0);
      }
    }
    Optional<PgCodec> codec = pgType.flatMap(t -> array ? PgCodecs.arrayOf(t.oid()) : t.codec());
    if (codec.isEmpty() || element.endsWith("[]") || element.equals("DECIMAL") || element.equals("NUMERIC")) {
      throw new PlatformException(SqlState.FEATURE_NOT_SUPPORTED,
          "column \"" + name + "\" has DuckDB type " + duckDbType + ", which has no PostgreSQL equivalent here;"
              + " cast it in the query (to VARCHAR or JSON, say)");
    }
    return new CopyColumn(name, codec.get(), typmod);
  }
}
