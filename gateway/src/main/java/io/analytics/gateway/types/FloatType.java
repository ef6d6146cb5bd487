package io.analytics.gateway.types;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import com.fasterxml.jackson.core.io.schubfach.FloatToDecimal;
import io.analytics.engine.pgtypes.PgTypeDefinition;
import io.analytics.engine.pgtypes.PgTypeRegistry;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;

/** float4 (real) and float8 (double precision): shortest round-trip text, IEEE 754 binary. */
final class FloatType extends PgType {
  private FloatType(PgTypeDefinition definition) {
    super(definition);
  }

  static FloatType float4() {
    return new FloatType(PgTypeRegistry.FLOAT4);
  }

  static FloatType float8() {
    return new FloatType(PgTypeRegistry.FLOAT8);
  }

  @Override
  public ColumnWriter writer(FieldVector vector, EncodingContext context) {
    int extraDigits = context.format().extraFloatDigits();
    boolean single = typlen() == 4;
    if (vector instanceof Float4Vector floats) {
      ShortestFloatWriter shortest = new ShortestFloatWriter(single ? 6 : 15);
      return new VectorWriter(vector) {
        @Override
        public void writeText(int row, ByteBuf out) {
          float value = floats.get(row);
          String special = FloatText.special(value);
          if (special != null) {
            out.writeCharSequence(special, StandardCharsets.US_ASCII);
          } else if (extraDigits > 0) {
            shortest.write(single ? FloatToDecimal.toString(value) : DoubleToDecimal.toString(value), out);
          } else {
            String text = single ? FloatText.float4(value, extraDigits) : FloatText.float8(value, extraDigits);
            out.writeCharSequence(text, StandardCharsets.US_ASCII);
          }
        }

        @Override
        public void writeBinary(int row, ByteBuf out) {
          if (single) {
            out.writeFloat(floats.get(row));
          } else {
            out.writeDouble(floats.get(row));
          }
        }
      };
    }
    if (vector instanceof Float8Vector doubles && !single) {
      ShortestFloatWriter shortest = new ShortestFloatWriter(15);
      return new VectorWriter(vector) {
        @Override
        public void writeText(int row, ByteBuf out) {
          double value = doubles.get(row);
          String special = FloatText.special(value);
          if (special != null) {
            out.writeCharSequence(special, StandardCharsets.US_ASCII);
          } else if (extraDigits > 0) {
            shortest.write(DoubleToDecimal.toString(value), out);
          } else {
            out.writeCharSequence(FloatText.float8(value, extraDigits), StandardCharsets.US_ASCII);
          }
        }

        @Override
        public void writeBinary(int row, ByteBuf out) {
          out.writeDouble(doubles.get(row));
        }
      };
    }
    throw unsupportedVector(this, vector);
  }

  @Override
  public Object decodeText(String text) {
    String value = text.strip();
    double parsed = switch (value.toLowerCase(Locale.ROOT)) {
      case "nan" -> Double.NaN;
      case "infinity", "+infinity", "inf", "+inf" -> Double.POSITIVE_INFINITY;
      case "-infinity", "-inf" -> Double.NEGATIVE_INFINITY;
      default -> parse(value, text);
    };
    return typlen() == 4 ? (Object) (float) parsed : (Object) parsed;
  }

  private double parse(String value, String original) {
    if (value.isEmpty() || !value.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
      throw InvalidInput.syntax(formatType(-1), original);
    }
    double parsed = Double.parseDouble(value);
    if (Double.isInfinite(parsed) || (typlen() == 4 && Float.isInfinite((float) parsed))) {
      throw InvalidInput.outOfRange(formatType(-1), original);
    }
    return parsed;
  }

  @Override
  public Object decodeBinary(ByteBuffer value) {
    if (value.remaining() != typlen()) {
      throw badBinary(this);
    }
    return typlen() == 4 ? (Object) value.getFloat() : (Object) value.getDouble();
  }
}
