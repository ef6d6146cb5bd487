package io.analytics.gateway.types;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.pgtypes.PgTypeRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wire form of the registry's PostgreSQL types ({@link PgTypeRegistry}): one {@link PgType} per
 * type, with its writers and parameter decoders, and the mapping from DuckDB's column types to them
 * (the registry's). See docs/TYPES.md for the table and the reasons behind each choice.
 */
public final class PgTypes {
  public static final PgType BOOL = new BoolType();
  public static final PgType INT2 = IntegerType.int2();
  public static final PgType INT4 = IntegerType.int4();
  public static final PgType INT8 = IntegerType.int8();
  public static final PgType OID = IntegerType.objectId();
  public static final PgType FLOAT4 = FloatType.float4();
  public static final PgType FLOAT8 = FloatType.float8();
  public static final PgType NUMERIC = new NumericType();
  public static final PgType TEXT = TextType.text();
  public static final PgType VARCHAR = TextType.varchar();
  public static final PgType BPCHAR = TextType.bpchar();
  public static final PgType NAME = TextType.identifier();
  public static final PgType CHAR = TextType.singleChar();
  public static final PgType UNKNOWN = TextType.unknown();
  public static final PgType BYTEA = new ByteaType();
  public static final PgType DATE = new DateType();
  public static final PgType TIME = new TimeType();
  public static final PgType TIMESTAMP = TimestampType.timestamp();
  public static final PgType TIMESTAMPTZ = TimestampType.timestampTz();
  public static final PgType INTERVAL = new IntervalType();
  public static final PgType UUID = new UuidType();
  public static final PgType JSON = JsonType.json();
  public static final PgType JSONB = JsonType.jsonb();
  public static final PgType VARBIT = new BitType();
  /** What functions returning nothing answer (see VoidType): in pg_type, where pgjdbc looks its name up. */
  public static final PgType VOID = new VoidType();
  /** pg_index's and pg_proc's vectors, sent for select lists that read one whole (see VectorType); not in pg_type. */
  private static final VectorType INT2VECTOR = VectorType.int2vector();
  private static final VectorType OIDVECTOR = VectorType.oidvector();

  private static final List<PgType> SCALARS = List.of(
      BOOL, INT2, INT4, INT8, OID, FLOAT4, FLOAT8, NUMERIC, TEXT, VARCHAR, BPCHAR, NAME, CHAR, UNKNOWN, BYTEA,
      DATE, TIME, TIMESTAMP, TIMESTAMPTZ, INTERVAL, UUID, JSON, JSONB, VARBIT, VOID);
  private static final Map<Integer, PgType> BY_OID = index();
  /** jsonb as the session's json support defines it in DuckDB (see gateway.json.JsonMacros), upper-cased. */
  private static final String JSONB_DUCKDB_TYPE = "UNION(JSONB VARCHAR)";
  private static final Pattern DECIMAL = Pattern.compile("(?:DECIMAL|NUMERIC)\\((\\d+),\\s*(\\d+)\\)");

  private PgTypes() {}

  private static Map<Integer, PgType> index() {
    Map<Integer, PgType> byOid = new LinkedHashMap<>();
    List<PgType> all = new ArrayList<>(SCALARS);
    all.addAll(ArrayType.arraysOf(SCALARS));
    for (PgType type : all) {
      if (byOid.putIfAbsent(type.oid(), type) != null) {
        throw new IllegalStateException("duplicate type OID " + type.oid());
      }
    }
    return Map.copyOf(byOid);
  }

  public static PgType byOid(int oid) {
    return findByOid(oid).orElseThrow(() -> new PlatformException(SqlState.UNDEFINED_OBJECT, "type with OID " + oid + " does not exist"));
  }

  public static Optional<PgType> findByOid(int oid) {
    return Optional.ofNullable(BY_OID.get(oid));
  }

  /** Every type, scalars first and then their array types, for pg_type. */
  public static Collection<PgType> all() {
    List<PgType> all = new ArrayList<>(SCALARS);
    all.addAll(ArrayType.arraysOf(SCALARS));
    return all;
  }

  /**
   * The PostgreSQL type and typmod for a DuckDB type name as DuckDB's JDBC metadata spells it
   * ({@code INTEGER}, {@code DECIMAL(18,4)}, {@code TIMESTAMP WITH TIME ZONE}, {@code VARCHAR[]},
   * {@code STRUCT(a INTEGER)}, ...).
   */
  public static ColumnType forDuckDbType(String duckDbTypeName) {
    String name = duckDbTypeName.strip();
    if (name.endsWith("]")) {
      int open = name.lastIndexOf('[');
      ColumnType element = forDuckDbType(name.substring(0, open));
      return new ColumnType(ArrayType.of(element.type()), element.typmod());
    }
    Matcher decimal = DECIMAL.matcher(name.toUpperCase(Locale.ROOT));
    if (decimal.matches()) {
      return new ColumnType(NUMERIC, NumericType.typmod(Integer.parseInt(decimal.group(1)), Integer.parseInt(decimal.group(2))));
    }
    String upper = name.toUpperCase(Locale.ROOT);
    if (upper.equals(JSONB_DUCKDB_TYPE)) {
      return new ColumnType(JSONB, -1);
    }
    if (upper.equals(VoidType.DUCKDB_UNION)) {
      return new ColumnType(VOID, -1);
    }
    for (VectorType vector : List.of(INT2VECTOR, OIDVECTOR)) {
      if (upper.equals(vector.duckDbUnion())) {
        return new ColumnType(vector, -1);
      }
    }
    int parenthesis = upper.indexOf('(');
    String base = parenthesis < 0 ? upper : upper.substring(0, parenthesis).strip();
    PgType type = PgTypeRegistry.forDuckDbName(base).map(definition -> BY_OID.get(definition.oid())).orElseThrow(() ->
        new PlatformException(SqlState.FEATURE_NOT_SUPPORTED,
            "DuckDB type " + duckDbTypeName + " cannot be sent to PostgreSQL clients; cast the column to VARCHAR"));
    return new ColumnType(type, -1);
  }
}
