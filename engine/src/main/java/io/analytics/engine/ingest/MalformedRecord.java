package io.analytics.engine.ingest;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A CSV record that cannot be read as a row: too few or too many fields, or a quote that is never
 * closed or stands inside an unquoted field. It is never loaded, altered or not.
 *
 * @param file the file it is in
 * @param line the 1-based line it starts on (the header is line 1)
 * @param lines how many lines it spans
 * @param problem what is wrong, e.g. "5 fields, the header has 7"
 * @param text the record as it is in the file
 */
public record MalformedRecord(Path file, long line, int lines, String problem, String text) {
  public MalformedRecord {
    requireNonNull(file, "file is null");
    requireNonNull(problem, "problem is null");
    requireNonNull(text, "text is null");
  }

  @Override
  public String toString() {
    return file.getFileName() + " line " + line + ": " + problem;
  }
}
