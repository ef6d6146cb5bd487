package io.analytics.engine.ingest;

import static io.analytics.engine.lake.SqlIdentifiers.literal;
import static io.analytics.engine.lake.SqlIdentifiers.quote;
import static java.util.Objects.requireNonNull;

import io.analytics.engine.lake.LakeSession;
import java.util.stream.Collectors;

/** CSV or Parquet files, read by DuckDB's own read_csv / read_parquet. */
final class FileBatchSource implements BatchSource {
  private final SourceFiles files;
  private String hash;

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

  @Override
  public void register(LakeSession session, String name, boolean allText) {
    String list = "[" + files.files().stream().map(f -> literal(f.toString())).collect(Collectors.joining(", ")) + "]";
    String reader =
        switch (files.format()) {
          case CSV -> "read_csv(" + list + ", header = true, union_by_name = true" + (allText ? ", all_varchar = true" : "") + ")";
          case PARQUET -> "read_parquet(" + list + ", union_by_name = true)";
        };
    session.execute("CREATE OR REPLACE TEMP VIEW " + quote(name) + " AS SELECT * FROM " + reader);
  }
}
