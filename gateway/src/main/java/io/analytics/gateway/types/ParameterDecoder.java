package io.analytics.gateway.types;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.math.BigDecimal;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Turns Bind parameter values into Java values for DuckDB. The parameter's type is the one the
 * client declared; for an unspecified type (OID 0) it is the type DuckDB inferred from the
 * statement, and where DuckDB could not infer one, integers become longs, decimals BigDecimals and
 * anything else a string DuckDB casts where it is used.
 */
public final class ParameterDecoder {
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][+-]?\\d+)?");

  private ParameterDecoder() {}

  public static Object decode(int declaredOid, String duckDbType, boolean binary, byte[] value, SessionFormat format) {
    PgType type = declaredOid != 0 && !textForList(declaredOid, duckDbType) ? PgTypes.findByOid(declaredOid).orElse(null) : inferred(duckDbType);
    if (binary) {
      if (type == null) {
        throw new PlatformException(
            SqlState.FEATURE_NOT_SUPPORTED,
            declaredOid == 0
                ? "a binary parameter needs a declared type when the statement does not determine it"
                : "binary format for parameters of type OID " + declaredOid + " is not supported");
      }
      try {
        return type.decodeBinary(ByteBuffer.wrap(value));
      } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
        throw new PlatformException(
            SqlState.INVALID_BINARY_REPRESENTATION, "insufficient data left in message for a " + type.name() + " parameter");
      }
    }
    String text = new String(value, StandardCharsets.UTF_8);
    return type == null ? guess(text) : type.decodeText(text);
  }

  /**
   * A text or varchar parameter where the statement needs a list ({@code $1::int[]} with pgjdbc's
   * setString): PostgreSQL reads the text with array_in, so it is decoded as the array type, since
   * DuckDB's own cast from text expects its list syntax ({@code [1, 2]}) instead.
   */
  private static boolean textForList(int declaredOid, String duckDbType) {
    return (declaredOid == 25 || declaredOid == 1043) && duckDbType != null && duckDbType.endsWith("]");
  }

  /** The registry type for DuckDB's inferred parameter type, or null when DuckDB did not infer one. */
  private static PgType inferred(String duckDbType) {
    if (duckDbType == null || duckDbType.equals("UNKNOWN") || duckDbType.equals("INVALID")) {
      return null;
    }
    try {
      return PgTypes.forDuckDbType(duckDbType).type();
    } catch (PlatformException e) {
      return null;
    }
  }

  private static Object guess(String text) {
    String value = text.strip();
    if (INTEGER.matcher(value).matches()) {
      return Long.parseLong(value);
    }
    if (DECIMAL.matcher(value).matches()) {
      return new BigDecimal(value);
    }
    return text;
  }
}
