package io.analytics.engine.ingest;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a CSV file record by record (RFC 4180: fields separated by the delimiter, optionally in
 * double quotes, a doubled quote inside quotes being a quote) and finds the records that do not
 * have the header's number of fields or whose quotes are wrong. DuckDB's reader, left to sniff, reads
 * such a file as one text column or keeps the stray quote in the value; this scan decides first.
 */
final class CsvRecordScanner {
  /** A quoted field may span lines; one still open after this many is taken as never closed. */
  private static final int MAX_RECORD_LINES = 10_000;

  private final Path file;
  private final char delimiter;

  CsvRecordScanner(Path file, char delimiter) {
    this.file = file;
    this.delimiter = delimiter;
  }

  /** The delimiter the header uses: a comma, else a tab, semicolon or bar if the header has one. */
  static char delimiterOf(Path file) {
    String header = headerOf(file);
    if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".tsv") || (header.indexOf(',') < 0 && header.indexOf('\t') >= 0)) {
      return '\t';
    }
    for (char candidate : new char[] {',', ';', '|'}) {
      if (header.indexOf(candidate) >= 0) {
        return candidate;
      }
    }
    return ',';
  }

  /** Every malformed record of the file, in order. */
  List<MalformedRecord> malformed() {
    List<MalformedRecord> found = new ArrayList<>();
    try (BufferedReader reader = open(file)) {
      Deque<String> pending = new ArrayDeque<>();
      String header = reader.readLine();
      if (header == null) {
        return found;
      }
      int expected = new RecordShape(header, delimiter).fields();
      long line = 2;
      while (true) {
        String first = next(pending, reader);
        if (first == null) {
          return found;
        }
        if (first.isEmpty() || hasFieldsWithoutQuotes(first, expected)) {
          line++;
          continue;
        }
        List<String> lines = new ArrayList<>(List.of(first));
        RecordShape shape = new RecordShape(first, delimiter);
        while (shape.openQuote() && lines.size() < MAX_RECORD_LINES) {
          String more = next(pending, reader);
          if (more == null) {
            break;
          }
          lines.add(more);
          shape = new RecordShape(String.join("\n", lines), delimiter);
        }
        String problem = shape.openQuote() ? "open" : shape.problem(expected);
        if (problem != null && new RecordShape(first, delimiter).openQuote()) {
          // A quote opened on the first line never closes into a good record: the record is that
          // line alone, and the lines after it are records again.
          for (int i = lines.size() - 1; i >= 1; i--) {
            pending.push(lines.get(i));
          }
          found.add(new MalformedRecord(file, line, 1, "a quoted field is never closed", first));
          line++;
          continue;
        }
        if (problem != null) {
          found.add(new MalformedRecord(file, line, lines.size(), problem, String.join("\n", lines)));
        }
        line += lines.size();
      }
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes the file without the malformed records to {@code target}. */
  void copyWithout(List<MalformedRecord> malformed, Path target) {
    try (BufferedReader reader = open(file);
        java.io.BufferedWriter writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      int next = 0;
      long line = 1;
      for (String text = reader.readLine(); text != null; text = reader.readLine(), line++) {
        while (next < malformed.size() && line >= malformed.get(next).line() + malformed.get(next).lines()) {
          next++;
        }
        boolean skipped = next < malformed.size() && line >= malformed.get(next).line();
        if (!skipped) {
          writer.write(text);
          writer.write('\n');
        }
      }
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot copy " + file + " to " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether a line without any quote has exactly {@code expected} fields: such a line is a
   * well-formed record by itself (the usual case, decided without building its shape).
   */
  private boolean hasFieldsWithoutQuotes(String text, int expected) {
    int fields = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        return false;
      }
      if (c == delimiter) {
        fields++;
      }
    }
    return fields == expected;
  }

  private static String next(Deque<String> pending, BufferedReader reader) throws IOException {
    return pending.isEmpty() ? reader.readLine() : pending.pop();
  }

  private static String headerOf(Path file) {
    try (BufferedReader reader = open(file)) {
      String header = reader.readLine();
      return header == null ? "" : header;
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static BufferedReader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  /** The fields of one record's text, and what is wrong with its quotes. */
  private static final class RecordShape {
    private int fields = 1;
    private boolean openQuote;
    private String quoteProblem;

    RecordShape(String text, char delimiter) {
      boolean quoted = false;
      boolean fieldStart = true;
      boolean closed = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            i++;
          } else if (c == '"') {
            quoted = false;
            closed = true;
          }
        } else if (c == delimiter) {
          fields++;
          fieldStart = true;
          closed = false;
          continue;
        } else if (c == '"' && fieldStart) {
          quoted = true;
        } else if (closed && c != '\r') {
          quoteProblem = quoteProblem != null ? quoteProblem : "text after the closing quote of field " + fields;
        } else if (c == '"') {
          quoteProblem = quoteProblem != null ? quoteProblem : "a quote inside the unquoted field " + fields;
        }
        fieldStart = false;
      }
      openQuote = quoted;
    }

    int fields() {
      return fields;
    }

    boolean openQuote() {
      return openQuote;
    }

    String problem(int expected) {
      if (quoteProblem != null) {
        return quoteProblem;
      }
      if (fields < expected) {
        return "too few fields: " + fields + ", the header has " + expected;
      }
      if (fields > expected) {
        return "too many fields: " + fields + ", the header has " + expected;
      }
      return null;
    }
  }
}
