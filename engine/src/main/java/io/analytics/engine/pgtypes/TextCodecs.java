package io.analytics.engine.pgtypes;

import static io.analytics.engine.pgtypes.PgCodecs.textBytes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** Binary COPY codecs of the types DuckDB carries as strings or bytes: text-like types, json(b), uuid, bytea. */
final class TextCodecs {
  private TextCodecs() {}

  static final class TextCodec extends NamedCodec {
    private final boolean jsonbVersionByte;

    TextCodec(String pgName, String duckDbName, boolean jsonbVersionByte) {
      super(pgName.equals("bpchar") || pgName.equals("name") ? "text" : pgName, duckDbName, ArrowType.Utf8.INSTANCE);
      this.jsonbVersionByte = jsonbVersionByte;
    }

    @Override
    public void read(PgInput in, int length, FieldVector vector, int row) throws IOException {
      if (jsonbVersionByte) {
        byte version = in.readByte();
        if (version != 1) {
          throw new IOException("jsonb binary version " + version + " is not supported");
        }
        length--;
      }
      byte[] bytes = new byte[length];
      in.readFully(bytes, length);
      ((VarCharVector) vector).setSafe(row, bytes, 0, length);
    }

    @Override
    public void write(FieldVector vector, int row, PgOutput out) {
      byte[] bytes = textBytes(vector, row);
      if (jsonbVersionByte) {
        out.writeInt(bytes.length + 1);
        out.writeByte(1);
      } else {
        out.writeInt(bytes.length);
      }
      out.writeBytes(bytes, 0, bytes.length);
    }
  }

  static final class Uuid extends FixedWidthCodec {
    Uuid() {
      super("uuid", "UUID", ArrowType.Utf8.INSTANCE, 16);
    }

    @Override
    void readValue(PgInput in, FieldVector vector, int row) throws IOException {
      UUID uuid = new UUID(in.readLong(), in.readLong());
      ((VarCharVector) vector).setSafe(row, uuid.toString().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    void writeValue(FieldVector vector, int row, PgOutput out) {
      UUID uuid = UUID.fromString(new String(textBytes(vector, row), StandardCharsets.US_ASCII));
      out.writeLong(uuid.getMostSignificantBits());
      out.writeLong(uuid.getLeastSignificantBits());
    }
  }

  static final class Bytea extends NamedCodec {
    Bytea() {
      super("bytea", "BLOB", ArrowType.Binary.INSTANCE);
    }

    @Override
    public void read(PgInput in, int length, FieldVector vector, int row) throws IOException {
      byte[] bytes = new byte[length];
      in.readFully(bytes, length);
      ((VarBinaryVector) vector).setSafe(row, bytes, 0, length);
    }

    @Override
    public void write(FieldVector vector, int row, PgOutput out) {
      byte[] bytes = vector instanceof VarBinaryVector binary ? binary.get(row) : (byte[]) vector.getObject(row);
      out.writeInt(bytes.length);
      out.writeBytes(bytes, 0, bytes.length);
    }
  }
}
