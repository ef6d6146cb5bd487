package io.analytics.gateway.types;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.analytics.engine.pgtypes.PgTypeDefinition;
import io.analytics.engine.pgtypes.PgTypeRegistry;
import io.analytics.gateway.json.JsonException;
import io.analytics.gateway.json.JsonText;
import io.analytics.gateway.json.PgJsonParser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.MapVector;

/**
 * json and jsonb. DuckDB's JSON arrives as text and is sent as is; DuckDB STRUCT, MAP and UNION
 * values, which PostgreSQL has no type for, are sent as JSON documents (a MAP as an object).
 */
final class JsonType extends PgType {
  private static final JsonFactory JSON = new JsonFactory();
  private final boolean jsonb;

  private JsonType(PgTypeDefinition definition, boolean jsonb) {
    super(definition);
    this.jsonb = jsonb;
  }

  static JsonType json() {
    return new JsonType(PgTypeRegistry.JSON, false);
  }

  static JsonType jsonb() {
    return new JsonType(PgTypeRegistry.JSONB, true);
  }

  @Override
  public ColumnWriter writer(FieldVector vector, EncodingContext context) {
    if (jsonb) {
      return new JsonbWriter(vector);
    }
    VariableWidthBytes text = VariableWidthBytes.of(vector);
    if (text != null) {
      return new TextType.BytesWriter(vector, text) {
        @Override
        public void writeBinary(int row, ByteBuf out) {
          if (jsonb) {
            out.writeByte(1);
          }
          text.copy(row, out);
        }
      };
    }
    boolean isMap = vector instanceof MapVector;
    return new VectorWriter(vector) {
      @Override
      public void writeText(int row, ByteBuf out) {
        writeDocument(vector.getObject(row), isMap, out);
      }

      @Override
      public void writeBinary(int row, ByteBuf out) {
        if (jsonb) {
          out.writeByte(1);
        }
        writeDocument(vector.getObject(row), isMap, out);
      }
    };
  }

  /**
   * jsonb arrives as DuckDB's union holding json text (or as text), written as PostgreSQL prints
   * jsonb: normalized, so that a value stored by a plain INSERT prints as one PostgreSQL stored.
   */
  private static final class JsonbWriter extends VectorWriter {
    JsonbWriter(FieldVector vector) {
      super(vector);
    }

    @Override
    public boolean isNull(int row) {
      return vector.isNull(row) || vector.getObject(row) == null; // a union's nulls are its member's
    }

    @Override
    public void writeText(int row, ByteBuf out) {
      out.writeCharSequence(normalized(row), StandardCharsets.UTF_8);
    }

    @Override
    public void writeBinary(int row, ByteBuf out) {
      out.writeByte(1);
      writeText(row, out);
    }

    private String normalized(int row) {
      String text = String.valueOf(vector.getObject(row));
      try {
        return JsonText.jsonb(PgJsonParser.parseJsonb(text));
      } catch (JsonException e) {
        return text; // not json: stored without the gateway's check (DuckDB's own cast), shown as stored
      }
    }
  }

  private static void writeDocument(Object value, boolean isMap, ByteBuf out) {
    try (JsonGenerator generator = JSON.createGenerator((java.io.OutputStream) new ByteBufOutputStream(out))) {
      if (isMap) {
        writeMapEntries((List<?>) value, generator);
      } else {
        writeValue(value, generator);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A MAP arrives as a list of {key, value} structs; PostgreSQL users expect an object. */
  private static void writeMapEntries(List<?> entries, JsonGenerator generator) throws IOException {
    generator.writeStartObject();
    for (Object entry : entries) {
      Map<?, ?> pair = (Map<?, ?>) entry;
      generator.writeFieldName(String.valueOf(pair.get("key")));
      writeValue(pair.get("value"), generator);
    }
    generator.writeEndObject();
  }

  private static void writeValue(Object value, JsonGenerator generator) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else if (value instanceof Map<?, ?> map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> field : map.entrySet()) {
        generator.writeFieldName(String.valueOf(field.getKey()));
        writeValue(field.getValue(), generator);
      }
      generator.writeEndObject();
    } else if (value instanceof List<?> list) {
      generator.writeStartArray();
      for (Object element : list) {
        writeValue(element, generator);
      }
      generator.writeEndArray();
    } else if (value instanceof Boolean b) {
      generator.writeBoolean(b);
    } else if (value instanceof java.math.BigDecimal decimal) {
      generator.writeNumber(decimal);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isFinite(d)) {
        generator.writeNumber(d);
      } else {
        generator.writeString(Double.toString(d));
      }
    } else if (value instanceof Number number) {
      generator.writeNumber(number.longValue());
    } else if (value instanceof byte[] bytes) {
      generator.writeString("\\x" + java.util.HexFormat.of().formatHex(bytes));
    } else {
      generator.writeString(value.toString());
    }
  }

  @Override
  public Object decodeBinary(ByteBuffer value) {
    if (jsonb) {
      if (!value.hasRemaining() || value.get() != 1) {
        throw badBinary(this);
      }
    }
    return StandardCharsets.UTF_8.decode(value).toString();
  }
}
