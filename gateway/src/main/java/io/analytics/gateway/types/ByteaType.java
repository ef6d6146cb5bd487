package io.analytics.gateway.types;

import io.analytics.engine.pgtypes.PgTypeRegistry;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.apache.arrow.vector.FieldVector;

/** bytea: text in PostgreSQL's hex format ({@code \x00ff}), binary as raw bytes. */
final class ByteaType extends PgType {
  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  ByteaType() {
    super(PgTypeRegistry.BYTEA);
  }

  @Override
  public ColumnWriter writer(FieldVector vector, EncodingContext context) {
    VariableWidthBytes bytes = VariableWidthBytes.of(vector);
    if (bytes == null) {
      throw unsupportedVector(this, vector);
    }
    return new VectorWriter(vector) {
      @Override
      public void writeText(int row, ByteBuf out) {
        byte[] value = bytes.get(row);
        out.ensureWritable(2 + value.length * 2);
        out.writeByte('\\').writeByte('x');
        for (byte b : value) {
          out.writeByte(HEX[(b >> 4) & 0xF]).writeByte(HEX[b & 0xF]);
        }
      }

      @Override
      public void writeBinary(int row, ByteBuf out) {
        bytes.copy(row, out);
      }
    };
  }

  /** byteain: {@code \x} hex, or the escape format where {@code \\} is a backslash and {@code \nnn} octal. */
  @Override
  public Object decodeText(String text) {
    if (text.startsWith("\\x")) {
      String hex = text.substring(2).replaceAll("\\s", "");
      if (hex.length() % 2 != 0) {
        throw InvalidInput.syntax("bytea", text);
      }
      byte[] value = new byte[hex.length() / 2];
      for (int i = 0; i < value.length; i++) {
        int high = Character.digit(hex.charAt(2 * i), 16);
        int low = Character.digit(hex.charAt(2 * i + 1), 16);
        if (high < 0 || low < 0) {
          throw InvalidInput.syntax("bytea", text);
        }
        value[i] = (byte) (high << 4 | low);
      }
      return value;
    }
    ByteArrayOutputStream value = new ByteArrayOutputStream(text.length());
    byte[] raw = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] != '\\') {
        value.write(raw[i]);
      } else if (i + 1 < raw.length && raw[i + 1] == '\\') {
        value.write('\\');
        i++;
      } else if (i + 3 < raw.length && isOctal(raw[i + 1]) && isOctal(raw[i + 2]) && isOctal(raw[i + 3])) {
        value.write((raw[i + 1] - '0') * 64 + (raw[i + 2] - '0') * 8 + (raw[i + 3] - '0'));
        i += 3;
      } else {
        throw InvalidInput.syntax("bytea", text);
      }
    }
    return value.toByteArray();
  }

  private static boolean isOctal(byte b) {
    return b >= '0' && b <= '7';
  }

  @Override
  public Object decodeBinary(ByteBuffer value) {
    byte[] bytes = new byte[value.remaining()];
    value.get(bytes);
    return bytes;
  }
}
