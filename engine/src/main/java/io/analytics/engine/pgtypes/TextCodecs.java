package io.analytics.engine.pgtypes;

import static io.analytics.engine.pgtypes.PgCodec.scalarField;
import static io.analytics.engine.pgtypes.PgCodecs.expectLength;
import static io.analytics.engine.pgtypes.PgCodecs.textBytes;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** Binary COPY codecs of the types DuckDB carries as strings or bytes: text-like types, json(b), uuid, bytea. */
final class TextCodecs {
  private TextCodecs() {}

  static final class TextCodec implements PgCodec {
    private final String pgName;
    private final String duckDbName;
    private final boolean jsonbVersionByte;

    TextCodec(String pgName, String duckDbName, boolean jsonbVersionByte) {
      this.pgName = requireNonNull(pgName, "pgName is null");
      this.duckDbName = requireNonNull(duckDbName, "duckDbName is null");
      this.jsonbVersionByte = jsonbVersionByte;
    }

    public String pgType(int typmod) {
      return pgName.equals("bpchar") || pgName.equals("name") ? "text" : pgName;
    }

    public String duckDbType(int typmod) {
      return duckDbName;
    }

    public Field field(String name, int typmod) {
      return scalarField(name, ArrowType.Utf8.INSTANCE);
    }

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

  static final class Uuid implements PgCodec {
    public String pgType(int typmod) {
      return "uuid";
    }

    public String duckDbType(int typmod) {
      return "UUID";
    }

    public Field field(String name, int typmod) {
      return scalarField(name, ArrowType.Utf8.INSTANCE);
    }

    public void read(PgInput in, int length, FieldVector vector, int row) throws IOException {
      expectLength("uuid", length, 16);
      UUID uuid = new UUID(in.readLong(), in.readLong());
      ((VarCharVector) vector).setSafe(row, uuid.toString().getBytes(StandardCharsets.US_ASCII));
    }

    public void write(FieldVector vector, int row, PgOutput out) {
      UUID uuid = UUID.fromString(new String(textBytes(vector, row), StandardCharsets.US_ASCII));
      out.writeInt(16);
      out.writeLong(uuid.getMostSignificantBits());
      out.writeLong(uuid.getLeastSignificantBits());
    }
  }

  static final class Bytea implements PgCodec {
    public String pgType(int typmod) {
      return "bytea";
    }

    public String duckDbType(int typmod) {
      return "BLOB";
    }

    public Field field(String name, int typmod) {
      return scalarField(name, ArrowType.Binary.INSTANCE);
    }

    public void read(PgInput in, int length, FieldVector vector, int row) throws IOException {
      byte[] bytes = new byte[length];
      in.readFully(bytes, length);
      ((VarBinaryVector) vector).setSafe(row, bytes, 0, length);
    }

    public void write(FieldVector vector, int row, PgOutput out) {
      byte[] bytes = vector instanceof VarBinaryVector binary ? binary.get(row) : (byte[]) vector.getObject(row);
      out.writeInt(bytes.length);
      out.writeBytes(bytes, 0, bytes.length);
    }
  }
}
