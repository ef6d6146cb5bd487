package io.analytics.gateway.types;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Registry of PostgreSQL types (temporary stand-in: text only). */
public final class PgTypes {
  static final PgType TEXT = new PgType(25, "text", (short) -1, 1009, 0, 'S', false, ',');
  static final PgType INT8 = new PgType(20, "int8", (short) 8, 1016, 0, 'N', true, ',');
  static final PgType INT4 = new PgType(23, "int4", (short) 4, 1007, 0, 'N', true, ',');

  private PgTypes() {}

  public static PgType byOid(int oid) {
    return findByOid(oid).orElseThrow(() -> new PlatformException(SqlState.UNDEFINED_OBJECT, "type " + oid + " does not exist"));
  }

  public static Optional<PgType> findByOid(int oid) {
    return all().stream().filter(t -> t.oid() == oid).findFirst();
  }

  public static Collection<PgType> all() {
    return List.of(TEXT, INT8, INT4);
  }

  public static ColumnType forDuckDbType(String duckDbTypeName) {
    return switch (duckDbTypeName) {
      case "INTEGER" -> new ColumnType(INT4, -1);
      case "BIGINT" -> new ColumnType(INT8, -1);
      default -> new ColumnType(TEXT, -1);
    };
  }
}
