package io.analytics.gateway.types;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;

/**
 * Shows a char(n) or varchar(n) column's values as PostgreSQL stores them. The gateway keeps a
 * char(n) value without its trailing blanks, so that DuckDB's comparisons, grouping and string
 * functions ignore them as PostgreSQL's bpchar does; it is padded with blanks to n characters here.
 * A value stored with blanks beyond its column's length (PostgreSQL cuts those off on INSERT, the
 * column's check lets them through) is cut to n characters. Text and binary are the same UTF-8 bytes.
 */
final class DeclaredLengthWriter extends ColumnWriter {
  private final ColumnWriter values;
  private final int length;
  private final boolean padded;

  DeclaredLengthWriter(ColumnWriter values, int length, boolean padded) {
    this.values = requireNonNull(values, "values is null");
    this.length = length;
    this.padded = padded;
  }

  /** The writer for a column of this type: the values' own when the type declares no length. */
  static ColumnWriter of(ColumnType columnType, ColumnWriter values) {
    int typmod = columnType.typmod();
    PgType type = columnType.type();
    if (typmod < 4 || type != PgTypes.BPCHAR && type != PgTypes.VARCHAR) {
      return values;
    }
    return new DeclaredLengthWriter(values, typmod - 4, type == PgTypes.BPCHAR);
  }

  @Override
  public boolean isNull(int row) {
    return values.isNull(row);
  }

  @Override
  public void writeText(int row, ByteBuf out) {
    int start = out.writerIndex();
    values.writeText(row, out);
    fit(out, start);
  }

  @Override
  public void writeBinary(int row, ByteBuf out) {
    int start = out.writerIndex();
    values.writeBinary(row, out);
    fit(out, start);
  }

  /** Fits the UTF-8 value written from {@code start} to the declared length, in place. */
  private void fit(ByteBuf out, int start) {
    int end = out.writerIndex();
    if (padded) {
      while (end > start && out.getByte(end - 1) == ' ') {
        end--;
      }
    }
    int characters = 0;
    for (int i = start; i < end; i++) {
      if ((out.getByte(i) & 0xC0) != 0x80) {
        if (characters == length) {
          end = i;
          break;
        }
        characters++;
      }
    }
    out.writerIndex(end);
    if (padded) {
      for (; characters < length; characters++) {
        out.writeByte(' ');
      }
    }
  }
}
