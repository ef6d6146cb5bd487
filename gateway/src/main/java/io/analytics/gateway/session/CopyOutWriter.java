package io.analytics.gateway.session;

import io.analytics.engine.session.ResultColumn;
import io.analytics.gateway.types.ColumnWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.ByteProcessor;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes rows in COPY's text or CSV form; one thread at a time (it keeps a scratch buffer), others get their own. */
final class CopyOutWriter implements ResultReceiver.CopyRowEncoder {
  private final CopyFormat format;
  private final ByteBuf scratch = Unpooled.buffer(256);
  private final byte[] nullBytes;

  /** Text format: a byte that needs no escape. */
  private final ByteProcessor ordinaryText;
  /** CSV: not the delimiter, quote, or a newline. */
  private final ByteProcessor ordinaryCsv;
  /** The bytes text format escapes, as a table: a backslash, the delimiter, \b \t \n \v \f \r (0x08-0x0d). */
  private final boolean[] textSpecial = new boolean[256];
  /** The writers {@link #scanned} was worked out for (the writers change with each batch). */
  private ColumnWriter[] scannedFor;
  /** Per column, whether its values must be scanned for bytes to escape or quote. */
  private boolean[] scanned;

  CopyOutWriter(CopyFormat format) {
    this.format = format;
    this.nullBytes = format.nullString().getBytes(StandardCharsets.UTF_8);
    byte delimiter = (byte) format.delimiter();
    byte quote = (byte) format.quote();
    for (int b = 0; b < 256; b++) {
      textSpecial[b] = b == '\\' || b == (delimiter & 0xFF) || (b >= 0x08 && b <= 0x0d);
    }
    this.ordinaryText = b -> !textSpecial[b & 0xFF];
    // As PostgreSQL's CSV output: the escape character alone does not make a value quoted (it is
    // only doubled inside a value quoted for another reason).
    this.ordinaryCsv = b -> b != delimiter && b != quote && b != '\n' && b != '\r';
  }

  /**
   * Whether a value made of {@code characters} (null: of any) could need escaping or quoting: it
   * holds one of the bytes this format escapes or quotes, or (CSV) could be the NULL string, which
   * is quoted when it is a value.
   */
  private boolean mayNeedEscapes(String characters) {
    if (characters == null) {
      return true;
    }
    for (int i = 0; i < characters.length(); i++) {
      char c = characters.charAt(i);
      boolean special = format.csv()
          ? c == format.delimiter() || c == format.quote() || c == '\n' || c == '\r'
          : textSpecial[c & 0xFF];
      if (special) {
        return true;
      }
    }
    // The writers that list their characters never write an empty value, which an empty NULL string would need quoted.
    return format.csv() && !format.nullString().isEmpty() && format.nullString().chars().allMatch(c -> characters.indexOf(c) >= 0);
  }

  /** Whether a value needs COPY text escapes; read straight from the buffer's array when it has one. */
  private boolean hasTextSpecial(ByteBuf buffer, int start, int length) {
    if (!buffer.hasArray()) {
      return buffer.forEachByte(start, length, ordinaryText) >= 0;
    }
    byte[] array = buffer.array();
    int from = buffer.arrayOffset() + start;
    for (int i = from; i < from + length; i++) {
      if (textSpecial[array[i] & 0xFF]) {
        return true;
      }
    }
    return false;
  }

  /** CSV quotes a value holding the delimiter, quote or a newline, and one that reads as the NULL string. */
  private boolean mustQuote(ByteBuf buffer, int start, int length) {
    if (length == 0) {
      return format.nullString().isEmpty();
    }
    if (buffer.forEachByte(start, length, ordinaryCsv) >= 0) {
      return true;
    }
    return length == nullBytes.length && buffer.toString(start, length, StandardCharsets.UTF_8).equals(format.nullString());
  }

  void writeHeader(List<ResultColumn> columns, ByteBuf out) {
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        out.writeByte(format.delimiter());
      }
      writeCsvValue(Unpooled.wrappedBuffer(columns.get(i).name().getBytes(StandardCharsets.UTF_8)), out);
    }
    out.writeByte('\n');
  }

  @Override
  public void write(ColumnWriter[] writers, int row, ByteBuf out) {
    writeRow(writers, row, out);
  }

  @Override
  public java.util.function.Supplier<ResultReceiver.CopyRowEncoder> forAnotherThread() {
    return () -> new CopyOutWriter(format);
  }

  void writeRow(ColumnWriter[] writers, int row, ByteBuf out) {
    if (writers != scannedFor) {
      scanned = new boolean[writers.length];
      for (int i = 0; i < writers.length; i++) {
        scanned[i] = mayNeedEscapes(writers[i].textCharacters());
      }
      scannedFor = writers;
    }
    for (int i = 0; i < writers.length; i++) {
      if (i > 0) {
        out.writeByte(format.delimiter());
      }
      if (writers[i].isNull(row)) {
        out.writeCharSequence(format.nullString(), StandardCharsets.UTF_8);
        continue;
      }
      // Written in place and scanned there: most values need no escaping and are then done.
      int start = out.writerIndex();
      writers[i].writeText(row, out);
      if (!scanned[i]) {
        continue;
      }
      int length = out.writerIndex() - start;
      boolean plain = format.csv()
          ? !mustQuote(out, start, length)
          : !hasTextSpecial(out, start, length);
      if (!plain) {
        scratch.clear();
        scratch.writeBytes(out, start, length);
        out.writerIndex(start);
        if (format.csv()) {
          writeCsvValue(scratch, out);
        } else {
          writeTextValue(scratch, out);
        }
      }
    }
    out.writeByte('\n');
  }

  /** COPY text format: backslash escapes; most values need none and are copied in one go. */
  private void writeTextValue(ByteBuf value, ByteBuf out) {
    byte delimiter = (byte) format.delimiter();
    if (value.forEachByte(ordinaryText) < 0) {
      out.writeBytes(value, value.readerIndex(), value.readableBytes());
      return;
    }
    for (int i = value.readerIndex(); i < value.writerIndex(); i++) {
      byte b = value.getByte(i);
      switch (b) {
        case '\\' -> out.writeByte('\\').writeByte('\\');
        case '\n' -> out.writeByte('\\').writeByte('n');
        case '\r' -> out.writeByte('\\').writeByte('r');
        case '\t' -> out.writeByte('\\').writeByte('t');
        case '\b' -> out.writeByte('\\').writeByte('b');
        case '\f' -> out.writeByte('\\').writeByte('f');
        case 0x0b -> out.writeByte('\\').writeByte('v');
        default -> {
          if (b == delimiter) {
            out.writeByte('\\');
          }
          out.writeByte(b);
        }
      }
    }
  }

  /** CSV: quoted only when needed (delimiter, quote, newline, or text equal to the NULL string). */
  private void writeCsvValue(ByteBuf value, ByteBuf out) {
    byte delimiter = (byte) format.delimiter();
    byte quoteChar = (byte) format.quote();
    byte escape = (byte) format.escape();
    int length = value.readableBytes();
    if (!mustQuote(value, value.readerIndex(), length)) {
      out.writeBytes(value, value.readerIndex(), length);
      return;
    }
    out.writeByte(quoteChar);
    for (int i = value.readerIndex(); i < value.writerIndex(); i++) {
      byte b = value.getByte(i);
      if (b == quoteChar || b == escape) {
        out.writeByte(escape);
      }
      out.writeByte(b);
    }
    out.writeByte(quoteChar);
  }
}
