package io.analytics.engine.pgtypes;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * Everything the platform knows about one PostgreSQL type, in one place: its pg_type facts, the
 * DuckDB types that are sent as it, the DuckDB type a declared parameter of it is cast to, and its
 * binary COPY codec. The gateway's wire types, its parameter casts, its catalog macros and the
 * engine's binary COPY all read these, so they cannot disagree.
 *
 * @param oid pg_type.oid
 * @param name pg_type.typname ({@code int4})
 * @param arrayOid the OID of its array type, 0 when it has none
 * @param typlen pg_type.typlen: the fixed size in bytes, -1 for variable length, -2 for C strings
 * @param category pg_type.typcategory (N numeric, S string, D date/time, B boolean, U user, ...)
 * @param sqlName the name {@code format_type} prints without a typmod ({@code integer})
 * @param duckDbNames the DuckDB base type names (as DuckDB's metadata spells them, upper case) that
 *     travel to clients as this type; the first is the canonical one
 * @param parameterCast the DuckDB type a Bind parameter declared as this type is cast to, or null to
 *     let DuckDB infer it (text-like types, which PostgreSQL also coerces to their context)
 * @param arrayParameterCast the same for a parameter declared as this type's array, or null
 * @param copyCodec its binary COPY codec, or null when binary COPY does not carry it
 */
public record PgTypeDefinition(int oid, String name, int arrayOid, int typlen, char category, String sqlName,
    List<String> duckDbNames, String parameterCast, String arrayParameterCast, PgCodec copyCodec) {

  public PgTypeDefinition {
    requireNonNull(name, "name is null");
    requireNonNull(sqlName, "sqlName is null");
    duckDbNames = List.copyOf(requireNonNull(duckDbNames, "duckDbNames is null"));
  }

  /** The binary COPY codec, if binary COPY carries this type. */
  public Optional<PgCodec> codec() {
    return Optional.ofNullable(copyCodec);
  }
}
