package io.analytics.engine.pgtypes;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one registry of PostgreSQL types the platform speaks: one {@link PgTypeDefinition} per type
 * (OID, name, array OID, length, category, DuckDB mapping, parameter casts, binary COPY codec), and
 * the typmod rules of numeric. See docs/TYPES.md for the reasons behind each mapping.
 */
public final class PgTypeRegistry {
  public static final PgTypeDefinition BOOL = type(16, "bool", 1000, 1, 'B', "boolean",
      List.of("BOOLEAN", "BOOL"), "BOOLEAN", "BOOLEAN[]", new NumberCodecs.Bool());
  public static final PgTypeDefinition INT2 = type(21, "int2", 1005, 2, 'N', "smallint",
      List.of("SMALLINT", "TINYINT", "UTINYINT", "INT1", "INT2"), "SMALLINT", "SMALLINT[]", new NumberCodecs.Int2());
  public static final PgTypeDefinition INT4 = type(23, "int4", 1007, 4, 'N', "integer",
      List.of("INTEGER", "USMALLINT", "INT", "INT4"), "INTEGER", "INTEGER[]", new NumberCodecs.Int4());
  public static final PgTypeDefinition INT8 = type(20, "int8", 1016, 8, 'N', "bigint",
      List.of("BIGINT", "UINTEGER", "INT8"), "BIGINT", "BIGINT[]", new NumberCodecs.Int8());
  public static final PgTypeDefinition OID = type(26, "oid", 1028, 4, 'N', "oid", List.of(), "UINTEGER", null, null);
  public static final PgTypeDefinition FLOAT4 = type(700, "float4", 1021, 4, 'N', "real",
      List.of("FLOAT", "REAL", "FLOAT4"), "FLOAT", "FLOAT[]", new NumberCodecs.Float4());
  public static final PgTypeDefinition FLOAT8 = type(701, "float8", 1022, 8, 'N', "double precision",
      List.of("DOUBLE", "FLOAT8"), "DOUBLE", "DOUBLE[]", new NumberCodecs.Float8());
  /** No PostgreSQL integer holds DuckDB's UBIGINT and HUGEINT: they are numeric. */
  public static final PgTypeDefinition NUMERIC = type(1700, "numeric", 1231, -1, 'N', "numeric",
      List.of("DECIMAL", "NUMERIC", "UBIGINT", "HUGEINT", "UHUGEINT"), "DECIMAL(38,10)", null, new NumberCodecs.Numeric());
  public static final PgTypeDefinition TEXT = type(25, "text", 1009, -1, 'S', "text",
      List.of("VARCHAR", "TEXT", "STRING", "CHAR", "BPCHAR", "ENUM", "NULL", "\"NULL\"", "UNKNOWN", "INVALID"), null,
      "VARCHAR[]", new TextCodecs.TextCodec("text", "VARCHAR", false));
  public static final PgTypeDefinition VARCHAR = type(1043, "varchar", 1015, -1, 'S', "character varying",
      List.of(), null, "VARCHAR[]", new TextCodecs.TextCodec("varchar", "VARCHAR", false));
  public static final PgTypeDefinition BPCHAR = type(1042, "bpchar", 1014, -1, 'S', "character",
      List.of(), null, null, new TextCodecs.TextCodec("bpchar", "VARCHAR", false));
  public static final PgTypeDefinition NAME = type(19, "name", 1003, 64, 'S', "name",
      List.of(), null, null, new TextCodecs.TextCodec("name", "VARCHAR", false));
  public static final PgTypeDefinition CHAR = type(18, "char", 1002, 1, 'S', "\"char\"", List.of(), null, null, null);
  public static final PgTypeDefinition UNKNOWN = type(705, "unknown", 0, -2, 'S', "unknown", List.of(), null, null, null);
  public static final PgTypeDefinition BYTEA = type(17, "bytea", 1001, -1, 'U', "bytea",
      List.of("BLOB", "BYTEA", "VARBINARY"), "BLOB", null, new TextCodecs.Bytea());
  public static final PgTypeDefinition DATE = type(1082, "date", 1182, 4, 'D', "date",
      List.of("DATE"), "DATE", "DATE[]", new TimeCodecs.Date());
  /** DuckDB's Arrow export drops a TIME WITH TIME ZONE's offset: it travels as time. */
  public static final PgTypeDefinition TIME = type(1083, "time", 1183, 8, 'D', "time without time zone",
      List.of("TIME", "TIME WITH TIME ZONE", "TIMETZ", "TIME_NS"), "TIME", null, new TimeCodecs.Time());
  public static final PgTypeDefinition TIMESTAMP = type(1114, "timestamp", 1115, 8, 'D', "timestamp without time zone",
      List.of("TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS", "DATETIME"), "TIMESTAMP", "TIMESTAMP[]",
      new TimeCodecs.Timestamp(false));
  public static final PgTypeDefinition TIMESTAMPTZ = type(1184, "timestamptz", 1185, 8, 'D', "timestamp with time zone",
      List.of("TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ"), "TIMESTAMPTZ", "TIMESTAMPTZ[]", new TimeCodecs.Timestamp(true));
  public static final PgTypeDefinition INTERVAL = type(1186, "interval", 1187, 16, 'T', "interval",
      List.of("INTERVAL"), "INTERVAL", null, new TimeCodecs.Interval());
  public static final PgTypeDefinition UUID = type(2950, "uuid", 2951, 16, 'U', "uuid",
      List.of("UUID"), "UUID", "UUID[]", new TextCodecs.Uuid());
  /** DuckDB's nested types reach clients as JSON documents. */
  public static final PgTypeDefinition JSON = type(114, "json", 199, -1, 'U', "json",
      List.of("JSON", "STRUCT", "MAP", "UNION"), "JSON", null, new TextCodecs.TextCodec("json", "JSON", false));
  /** jsonb as the gateway's JSON support defines it in DuckDB: a union tagged jsonb (see gateway.json.JsonMacros). */
  public static final PgTypeDefinition JSONB = type(3802, "jsonb", 3807, -1, 'U', "jsonb",
      List.of(), "UNION(jsonb VARCHAR)", null, new TextCodecs.TextCodec("jsonb", "JSON", true));
  public static final PgTypeDefinition VARBIT = type(1562, "varbit", 1563, -1, 'V', "bit varying",
      List.of("BIT", "BITSTRING"), null, null, null);

  /**
   * pg_index's and pg_proc's vectors: only catalog select lists produce them, so they are outside
   * {@link #all()} (and the gateway's pg_type), sent as text only.
   */
  public static final PgTypeDefinition INT2VECTOR = type(22, "int2vector", 1006, -1, 'A', "int2vector", List.of(), null, null, null);
  public static final PgTypeDefinition OIDVECTOR = type(30, "oidvector", 1013, -1, 'A', "oidvector", List.of(), null, null, null);
  /**
   * The pseudo-type of functions that return nothing (pg_notify): a select list calling one is given
   * DuckDB's union {@code UNION(void VARCHAR)} holding empty text; outside {@link #all()}, since no
   * DuckDB value is of it, but in the gateway's pg_type (types.PgTypes), as pgjdbc looks its name up.
   */
  public static final PgTypeDefinition VOID = type(2278, "void", 0, 4, 'P', "void", List.of(), null, null, null);

  private static final List<PgTypeDefinition> ALL = List.of(
      BOOL, INT2, INT4, INT8, OID, FLOAT4, FLOAT8, NUMERIC, TEXT, VARCHAR, BPCHAR, NAME, CHAR, UNKNOWN, BYTEA,
      DATE, TIME, TIMESTAMP, TIMESTAMPTZ, INTERVAL, UUID, JSON, JSONB, VARBIT);
  private static final Map<Integer, PgTypeDefinition> BY_OID = index();
  private static final Map<Integer, PgTypeDefinition> BY_ARRAY_OID = arrayIndex();
  private static final Map<String, PgTypeDefinition> BY_DUCKDB_NAME = duckDbIndex();

  private PgTypeRegistry() {}

  private static PgTypeDefinition type(int oid, String name, int arrayOid, int typlen, char category, String sqlName,
      List<String> duckDbNames, String parameterCast, String arrayParameterCast, PgCodec codec) {
    return new PgTypeDefinition(oid, name, arrayOid, typlen, category, sqlName, duckDbNames, parameterCast,
        arrayParameterCast, codec);
  }

  private static Map<Integer, PgTypeDefinition> index() {
    Map<Integer, PgTypeDefinition> byOid = new LinkedHashMap<>();
    for (PgTypeDefinition type : ALL) {
      if (byOid.putIfAbsent(type.oid(), type) != null) {
        throw new IllegalStateException("duplicate type OID " + type.oid());
      }
    }
    return Map.copyOf(byOid);
  }

  private static Map<Integer, PgTypeDefinition> arrayIndex() {
    Map<Integer, PgTypeDefinition> byArrayOid = new HashMap<>();
    for (PgTypeDefinition type : ALL) {
      if (type.arrayOid() != 0 && (BY_OID.containsKey(type.arrayOid()) || byArrayOid.put(type.arrayOid(), type) != null)) {
        throw new IllegalStateException("duplicate type OID " + type.arrayOid());
      }
    }
    return Map.copyOf(byArrayOid);
  }

  private static Map<String, PgTypeDefinition> duckDbIndex() {
    Map<String, PgTypeDefinition> byName = new HashMap<>();
    for (PgTypeDefinition type : ALL) {
      for (String duckDbName : type.duckDbNames()) {
        if (byName.put(duckDbName, type) != null) {
          throw new IllegalStateException("DuckDB type " + duckDbName + " maps to two PostgreSQL types");
        }
      }
    }
    return Map.copyOf(byName);
  }

  /** Every scalar type, in pg_type's order here; each one's array type is {@link PgTypeDefinition#arrayOid()}. */
  public static List<PgTypeDefinition> all() {
    return ALL;
  }

  public static Optional<PgTypeDefinition> byOid(int oid) {
    return Optional.ofNullable(BY_OID.get(oid));
  }

  /** The element type of the array type with this OID. */
  public static Optional<PgTypeDefinition> byArrayOid(int arrayOid) {
    return Optional.ofNullable(BY_ARRAY_OID.get(arrayOid));
  }

  /** The type a DuckDB base type name (without parameters: {@code DECIMAL}, {@code STRUCT}) is sent as. */
  public static Optional<PgTypeDefinition> forDuckDbName(String baseName) {
    return Optional.ofNullable(BY_DUCKDB_NAME.get(baseName.strip().toUpperCase(Locale.ROOT)));
  }

  /** The typmod PostgreSQL stores for numeric(precision, scale). */
  public static int numericTypmod(int precision, int scale) {
    return ((precision << 16) | scale) + 4;
  }

  /** A numeric typmod's precision, or {@code unconstrained} for none. */
  public static int numericPrecision(int typmod, int unconstrained) {
    return typmod < 4 ? unconstrained : ((typmod - 4) >> 16) & 0xffff;
  }

  /** A numeric typmod's scale, or {@code unconstrained} for none. */
  public static int numericScale(int typmod, int unconstrained) {
    return typmod < 4 ? unconstrained : (typmod - 4) & 0xffff;
  }
}
