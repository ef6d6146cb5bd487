package io.analytics.gateway.session;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes COPY FROM STDIN's CSV data through until PostgreSQL's end-of-data marker: a line holding
 * only {@code \.} outside any quoted value ends the data, as psql sends it from a script. The
 * marker may be split across CopyData messages, so the bytes of a line that starts like one are
 * held until the line tells.
 */
final class CsvEndOfData extends FilterOutputStream {
  private final int quote;
  private final int escape;
  private boolean atLineStart = true;
  private boolean inQuotes;
  private boolean escaped;
  /** How much of "\\.\r" a line has begun with, held back: 0 when nothing is held. */
  private int held;
  private boolean ended;

  CsvEndOfData(CopyFormat format, OutputStream out) {
    super(out);
    this.quote = format.quote();
    this.escape = format.escape();
  }

  @Override
  public void write(int b) throws IOException {
    if (ended) {
      return;
    }
    if (held > 0 && continuesMarker(b)) {
      return;
    }
    if (atLineStart && !inQuotes && b == '\\') {
      held = 1;
      return;
    }
    out.write(b);
    track(b);
  }

  @Override
  public void write(byte[] data, int offset, int length) throws IOException {
    for (int i = offset; i < offset + length; i++) {
      write(data[i]);
    }
  }

  /** Whether {@code b} continues (or ends the data with) the held marker; otherwise the held bytes go out as data. */
  private boolean continuesMarker(int b) throws IOException {
    if ((held == 1 && b == '.') || (held == 2 && b == '\r')) {
      held++;
      return true;
    }
    if (held >= 2 && b == '\n') {
      ended = true;
      return true;
    }
    releaseHeld();
    return false;
  }

  private void releaseHeld() throws IOException {
    String bytes = "\\.\r".substring(0, held);
    held = 0;
    for (int i = 0; i < bytes.length(); i++) {
      out.write(bytes.charAt(i));
      track(bytes.charAt(i));
    }
  }

  private void track(int b) {
    if (escaped) {
      escaped = false;
    } else if (inQuotes && escape != quote && b == escape) {
      escaped = true;
    } else if (b == quote) {
      inQuotes = !inQuotes;
    }
    atLineStart = b == '\n' && !inQuotes;
  }

  @Override
  public void close() throws IOException {
    if (held >= 2) {
      ended = true; // "\." as the last line, without a newline
    } else if (held == 1) {
      releaseHeld();
    }
    super.close();
  }
}
