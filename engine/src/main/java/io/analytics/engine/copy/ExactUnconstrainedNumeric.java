package io.analytics.engine.copy;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.pgtypes.PgCodec;
import io.analytics.engine.pgtypes.PgCodecs;
import io.analytics.engine.pgtypes.PgInput;
import io.analytics.engine.pgtypes.PgNumeric;
import io.analytics.engine.pgtypes.PgOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The numeric codec of binary COPY FROM for a column of the platform's numeric without precision,
 * DECIMAL(38,10): a value is stored exactly or refused with 22003 when it has more than 10 decimals
 * (trailing zeros do not count), as the text paths refuse it; the plain codec rounded it to 10
 * decimals, where PostgreSQL keeps every digit. numeric(p,s) columns keep rounding to s.
 */
final class ExactUnconstrainedNumeric implements PgCodec {
  /** The typmod of numeric(38,10), the DuckDB type of numeric without precision. */
  static final int TYPMOD = (PgCodecs.UNCONSTRAINED_PRECISION << 16 | PgCodecs.UNCONSTRAINED_SCALE) + 4;

  private final PgCodec numeric;

  ExactUnconstrainedNumeric(PgCodec numeric) {
    this.numeric = requireNonNull(numeric, "numeric is null");
  }

  @Override
  public String pgType(int typmod) {
    return numeric.pgType(typmod);
  }

  @Override
  public String duckDbType(int typmod) {
    return numeric.duckDbType(typmod);
  }

  @Override
  public Field field(String name, int typmod) {
    return numeric.field(name, typmod);
  }

  @Override
  public void read(PgInput in, int length, FieldVector vector, int row) throws IOException {
    DecimalVector decimal = (DecimalVector) vector;
    BigDecimal value;
    try {
      value = PgNumeric.read(in, -1);
    } catch (ArithmeticException e) {
      throw new IOException("numeric value " + e.getMessage() + " has no DECIMAL equivalent");
    }
    if (value.scale() > decimal.getScale() && value.stripTrailingZeros().scale() > decimal.getScale()) {
      throw new PlatformException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric value " + value.toPlainString() + " has more than "
          + decimal.getScale() + " decimals, the most the platform's numeric without a precision holds", null,
          "Declare the column numeric(p,s) with the scale it needs, or round the value to " + decimal.getScale() + " decimals.", 0,
          null);
    }
    BigDecimal stored = value.setScale(decimal.getScale(), RoundingMode.UNNECESSARY);
    if (stored.precision() > decimal.getPrecision()) {
      throw new IOException("numeric value " + value + " does not fit DECIMAL(" + decimal.getPrecision() + "," + decimal.getScale() + ")");
    }
    decimal.setSafe(row, stored);
  }

  @Override
  public void write(FieldVector vector, int row, PgOutput out) {
    numeric.write(vector, row, out);
  }
}
