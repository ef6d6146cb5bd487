package io.analytics.engine.ingest;

import static io.analytics.engine.duckdb.SqlIdentifiers.literal;
import static io.analytics.engine.duckdb.SqlIdentifiers.quote;
import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.lake.LakeSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** CSV or Parquet files, read by DuckDB's own read_csv / read_parquet. */
final class FileBatchSource implements BatchSource {
  private final SourceFiles files;
  private String hash;
  private List<Path> readable;
  private char delimiter = ',';
  private final List<MalformedRecord> malformed = new ArrayList<>();

  FileBatchSource(SourceFiles files) {
    this.files = requireNonNull(files, "files is null");
  }

  @Override
  public String contentHash() {
    if (hash == null) {
      hash = files.contentHash();
    }
    return hash;
  }

  @Override
  public String description() {
    return files.description();
  }

  /**
   * Scans CSV files for malformed records; a file that has some is read from a copy without them,
   * so that DuckDB never loads one, altered or not.
   */
  @Override
  public void stage(Path scratch) {
    readable = new ArrayList<>(files.files());
    if (files.format() != SourceFiles.Format.CSV) {
      return;
    }
    delimiter = CsvRecordScanner.delimiterOf(files.files().get(0));
    for (int i = 0; i < readable.size(); i++) {
      CsvRecordScanner scanner = new CsvRecordScanner(readable.get(i), delimiter);
      List<MalformedRecord> found = scanner.malformed();
      if (!found.isEmpty()) {
        malformed.addAll(found);
        Path copy = scratch.resolve(i + "-" + readable.get(i).getFileName().toString().replaceAll("\\.gz$", ""));
        try {
          Files.createDirectories(scratch);
        } catch (IOException e) {
          throw new PlatformException(SqlState.IO_ERROR, "cannot create " + scratch + ": " + e.getMessage(), e);
        }
        scanner.copyWithout(found, copy);
        readable.set(i, copy);
      }
    }
  }

  @Override
  public List<MalformedRecord> malformed() {
    return List.copyOf(malformed);
  }

  @Override
  public void register(LakeSession session, String name, boolean allText) {
    if (readable == null) {
      readable = files.files();
    }
    String list = "[" + readable.stream().map(f -> literal(f.toString())).collect(Collectors.joining(", ")) + "]";
    String reader =
        switch (files.format()) {
          // The dialect is the one the scan checked, not sniffed: a sniffer can take a ragged file for one text column.
          case CSV -> "read_csv(" + list + ", header = true, union_by_name = true, delim = " + literal(String.valueOf(delimiter))
              + ", quote = '\"', escape = '\"', strict_mode = true" + (allText ? ", all_varchar = true" : "") + ")";
          case PARQUET -> "read_parquet(" + list + ", union_by_name = true)";
        };
    session.execute("CREATE OR REPLACE TEMP VIEW " + quote(name) + " AS SELECT * FROM " + reader);
  }
}
