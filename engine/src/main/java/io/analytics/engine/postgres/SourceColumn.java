package io.analytics.engine.postgres;

import static java.util.Objects.requireNonNull;

import io.analytics.engine.pgtypes.CopyColumn;
import io.analytics.engine.pgtypes.PgCodec;
import io.analytics.engine.pgtypes.PgCodecs;
import java.util.Optional;

/**
 * A column of a PostgreSQL table and how the platform carries it.
 *
 * @param name column name
 * @param pgType PostgreSQL's name for its type, as {@code format_type} prints it
 * @param oid the type's OID (a domain's base type)
 * @param typmod the type modifier (precision and scale of numeric), -1 when none
 */
public record SourceColumn(String name, String pgType, int oid, int typmod) {
  public SourceColumn {
    requireNonNull(name, "name is null");
    requireNonNull(pgType, "pgType is null");
  }

  /** Whether the type is carried natively; otherwise its text form is mirrored as VARCHAR. */
  public boolean carriedNatively() {
    return PgCodecs.forOid(oid, typmod).isPresent();
  }

  /** The DuckDB type of the mirror column. */
  public String duckDbType() {
    return codec().duckDbType(typmod);
  }

  /** Why this column is not carried faithfully, or empty when it is. */
  public Optional<String> warning() {
    if (carriedNatively()) {
      return Optional.empty();
    }
    return Optional.of("column \"" + name + "\" of type " + pgType + " has no DuckDB equivalent: mirrored as VARCHAR"
        + " (its PostgreSQL text form)");
  }

  PgCodec codec() {
    return PgCodecs.forOid(oid, typmod).orElse(PgCodecs.text());
  }

  /** The column as the binary COPY stream carries it. */
  CopyColumn copyColumn() {
    return new CopyColumn(name, codec(), typmod);
  }

  /** The select-list entry that reads this column in COPY (the text form for types carried as text). */
  String copyExpression() {
    String quoted = PgIdentifiers.quote(name);
    return carriedNatively() ? quoted : quoted + "::text";
  }
}
