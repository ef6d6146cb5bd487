package io.analytics.engine.ingest;

import static io.analytics.engine.duckdb.SqlIdentifiers.literal;
import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.lake.Dataset;
import io.analytics.catalog.lake.DatasetFiles;
import io.analytics.catalog.lake.LakeScanner;
import io.analytics.catalog.schema.TableSchema;
import io.analytics.engine.lake.BatchIds;
import io.analytics.engine.lake.CommitJournal;
import io.analytics.engine.lake.DatasetCommitter;
import io.analytics.engine.lake.DeclaredSchemaFile;
import io.analytics.engine.lake.IngestLedger;
import io.analytics.engine.lake.LakeSession;
import io.analytics.engine.lake.LedgerEntry;
import io.analytics.engine.lake.ParquetBatchWriter;
import io.analytics.engine.lake.PipelineConfig;
import io.analytics.engine.lake.StagedFiles;
import io.analytics.engine.lake.StagingArea;
import io.analytics.engine.lake.TableName;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Appends batches to one dataset of the lake: reads them with DuckDB (CSV, Parquet, rows, Arrow),
 * validates them against the schema in SQL, writes the valid rows as (partitioned) Parquet to the
 * staging area and commits them atomically. Rejected rows are reported, and kept in
 * {@code <table>_quarantine} unless that is turned off; in strict mode any invalid row refuses the
 * whole batch. A batch whose content was ingested before is skipped.
 */
public final class IngestionPipeline {
  /** Staging folders older than this without a commit journal are leftovers of a crash. */
  private static final long ABANDONED_STAGING_MILLIS = 6 * 3600 * 1000L;
  private static final String SOURCE = "__src";
  private static final String REJECTED = "__rejected";

  private final String name;
  private final PipelineConfig config;
  private final String targetTable;
  private final TableSchema schema;
  private final List<String> partitionCols;
  private final IngestOptions options;

  /**
   * @param name what this pipeline is called (for logs and ledger lines)
   * @param config the home and its configuration
   * @param targetTable {@code layer.name} or just {@code name} (in the options' layer, bronze by default)
   * @param schema the schema rows are validated against, or null to take the data as it comes
   * @param partitionCols hive partition columns, or null for the dataset's existing ones (else the schema's)
   */
  public IngestionPipeline(
      String name, PipelineConfig config, String targetTable, TableSchema schema, List<String> partitionCols) {
    this(name, config, targetTable, schema, partitionCols, IngestOptions.defaults());
  }

  public IngestionPipeline(
      String name,
      PipelineConfig config,
      String targetTable,
      TableSchema schema,
      List<String> partitionCols,
      IngestOptions options) {
    this.name = requireNonNull(name, "name is null");
    this.config = requireNonNull(config, "config is null");
    this.targetTable = requireNonNull(targetTable, "targetTable is null");
    this.schema = schema;
    this.partitionCols = partitionCols == null ? null : List.copyOf(partitionCols);
    this.options = requireNonNull(options, "options is null");
  }

  public IngestionPipeline withOptions(IngestOptions newOptions) {
    return new IngestionPipeline(name, config, targetTable, schema, partitionCols, newOptions);
  }

  public String name() {
    return name;
  }

  /** The target dataset. */
  public Dataset target() {
    TableName table = TableName.parse(targetTable, options.layer());
    return new LakeScanner(config.home()).dataset(table.layer(), table.name());
  }

  /** Ingests a CSV file, or every file a glob matches ({@code in/trades_*.csv}); Parquet files too. */
  public IngestResult ingestCsv(Path fileOrGlob) {
    return ingestFiles(fileOrGlob.toString());
  }

  /** Ingests the CSV or Parquet files {@code fileOrGlob} names, the format chosen by extension. */
  public IngestResult ingestFiles(String fileOrGlob) {
    return ingest(new FileBatchSource(SourceFiles.expand(fileOrGlob)), null);
  }

  /** Ingests one Arrow batch (handed to DuckDB through the C data interface). */
  public IngestResult ingestArrow(org.apache.arrow.vector.VectorSchemaRoot batch) {
    return ingest(new ArrowBatchSource(batch), null);
  }

  /**
   * Ingests a snapshot of a PostgreSQL table (read with binary COPY, types mapped as for mirrors):
   * each call appends a new batch, for archiving a table's history in the lake.
   */
  public IngestResult ingestPostgres(io.analytics.engine.postgres.PostgresSnapshot snapshot) {
    return ingest(new PostgresBatchSource(snapshot), null);
  }

  /** Ingests rows given as maps from column name to value (any Java value DuckDB can cast from its text). */
  public IngestResult ingestRows(List<Map<String, Object>> rows) {
    requireNonNull(rows, "rows is null");
    LinkedHashSet<String> columns = new LinkedHashSet<>();
    if (schema != null) {
      columns.addAll(schema.columnNames());
    }
    rows.forEach(row -> columns.addAll(row.keySet()));
    List<String> columnList = new ArrayList<>(columns);
    TableSchema effective = schema != null ? schema : InferredSchema.of(columnList, rows);
    return ingest(new RowsBatchSource(columnList, rows), effective);
  }

  /** Ingests Java records, one row each, their components as columns. */
  public IngestResult ingestRecords(List<? extends Record> records) {
    requireNonNull(records, "records is null");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Record record : records) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        try {
          row.put(component.getName(), component.getAccessor().invoke(record));
        } catch (ReflectiveOperationException e) {
          throw new PlatformException(SqlState.INTERNAL_ERROR, "cannot read record component " + component.getName(), e);
        }
      }
      rows.add(row);
    }
    return ingestRows(rows);
  }

  private IngestResult ingest(BatchSource source, TableSchema inferred) {
    Instant start = Instant.now();
    Dataset target = target();
    TableSchema validation = schema != null ? schema : inferred;
    DatasetCommitter committer = new DatasetCommitter(config.home(), options.hooks());
    ContentHashing hashing = ContentHashing.start(source);
    committer.recover(ABANDONED_STAGING_MILLIS);
    Path staging = new StagingArea(config.home()).create("ingest-" + target.name());
    try (LakeSession session = LakeSession.open(config.home(), config.platform())) {
      source.stage(staging.resolve("source"));
      String contentHash = hashing.await();
      Optional<LedgerEntry> previous = new IngestLedger(target.directory()).findByContentHash(contentHash);
      if (previous.isPresent()) {
        return skipped(target, previous.get(), start);
      }
      String batchId = BatchIds.forContent(contentHash);
      List<String> partitions = partitionsFor(target);
      List<MalformedRecord> malformed = source.malformed();
      if (!malformed.isEmpty() && options.strict()) {
        throw MalformedRows.refusal(target.qualifiedName(), malformed);
      }
      source.register(session, SOURCE, validation != null);
      List<String> sourceColumns = columnsOf(session, SOURCE);
      checkPartitionColumns(partitions, validation != null ? validation.columnNames() : sourceColumns, target);
      ParquetBatchWriter writer = new ParquetBatchWriter(session, options.progress());
      Path dataRoot = staging.resolve("data");
      String filePrefix = "part-" + batchId;
      String validSelect;
      StagedFiles written = null;
      long rejected = 0;
      List<Rejection> sample = List.of();
      if (validation != null) {
        ValidationQuery query = new ValidationQuery(validation, sourceColumns);
        query.viewStatements(SOURCE).forEach(session::execute);
        ValidatingWrite.Result validated = new ValidatingWrite(session, query, options.progress(), REJECTED)
            .validate(writer, dataRoot, partitions, filePrefix);
        written = validated.written();
        rejected = validated.rejected();
        rejected += MalformedRows.addTo(session, REJECTED, malformed, true);
        if (rejected > 0) {
          sample = sample(session, options.rejectionSample());
        }
        if (rejected > 0 && options.strict()) {
          throw new PlatformException(
              SqlState.CHECK_VIOLATION,
              target.qualifiedName() + ": batch refused (strict mode): " + rejected + " invalid rows; first: " + sample.get(0),
              "nothing was written",
              null,
              0,
              null);
        }
        validSelect = query.validSelect();
      } else {
        validSelect = "SELECT * FROM " + SOURCE;
        rejected = MalformedRows.addTo(session, REJECTED, malformed, false);
        sample = rejected > 0 ? sample(session, options.rejectionSample()) : sample;
      }
      if (written == null) {
        written = writer.write("writing", validSelect, dataRoot, partitions, filePrefix, false);
      }
      List<CommitJournal.Move> moves = new ArrayList<>(movesInto(written, target.directory()));
      String quarantineTable = null;
      if (rejected > 0 && options.quarantine()) {
        Dataset quarantine = new LakeScanner(config.home()).dataset(target.layer(), target.name() + "_quarantine");
        quarantineTable = quarantine.qualifiedName();
        String rejectedSelect = "SELECT *, " + literal(batchId) + " AS _batch_id, " + literal(source.description())
            + " AS _source, now() AS _rejected_at FROM " + REJECTED;
        StagedFiles kept = writer.write("quarantining", rejectedSelect, staging.resolve("quarantine"), List.of(), filePrefix, false);
        moves.addAll(movesInto(kept, quarantine.directory()));
      }
      LedgerEntry entry = new LedgerEntry(batchId, contentHash, source.description(), written.rows(), rejected,
          written.files().size(), Instant.now().toString());
      Optional<LedgerEntry> raced = committer.append(staging, moves, target.directory(), entry);
      if (raced.isPresent()) {
        return skipped(target, raced.get(), start);
      }
      if (schema != null && !schema.equals(DeclaredSchemaFile.read(target.directory()).orElse(null))) {
        DeclaredSchemaFile.write(target.directory(), schema);
      }
      List<Path> visible = moves.stream()
          .map(m -> Path.of(m.to()))
          .filter(p -> p.startsWith(target.directory()))
          .toList();
      return new IngestResult(target.qualifiedName(), batchId, false, written.rows(), rejected, sample, visible,
          quarantineTable, Duration.between(start, Instant.now()));
    } finally {
      StagingArea.discardUnlessCommitting(staging);
    }
  }

  private List<String> partitionsFor(Dataset target) {
    DatasetFiles existing = DatasetFiles.of(target.directory());
    if (partitionCols != null) {
      if (!existing.isEmpty() && !existing.partitionColumns().equals(partitionCols)) {
        throw new PlatformException(
            SqlState.INVALID_PARAMETER_VALUE,
            target.qualifiedName() + " is partitioned by " + existing.partitionColumns()
                + "; a batch partitioned by " + partitionCols + " cannot be appended to it");
      }
      return partitionCols;
    }
    if (!existing.isEmpty()) {
      return existing.partitionColumns();
    }
    return schema == null ? List.of() : schema.partitionBy();
  }

  private static void checkPartitionColumns(List<String> partitions, List<String> columns, Dataset target) {
    for (String partition : partitions) {
      if (columns.stream().noneMatch(c -> c.equalsIgnoreCase(partition))) {
        throw new PlatformException(
            SqlState.UNDEFINED_COLUMN,
            target.qualifiedName() + ": partition column \"" + partition + "\" is not a column of the batch");
      }
    }
  }

  private static List<CommitJournal.Move> movesInto(StagedFiles staged, Path datasetDirectory) {
    return staged.files().stream()
        .map(f -> new CommitJournal.Move(f.toString(), datasetDirectory.resolve(staged.root().relativize(f)).toString()))
        .toList();
  }

  private IngestResult skipped(Dataset target, LedgerEntry previous, Instant start) {
    return new IngestResult(target.qualifiedName(), previous.batchId(), true, 0, 0, List.of(), List.of(), null,
        Duration.between(start, Instant.now()));
  }

  private static List<String> columnsOf(LakeSession session, String relation) {
    String sql = "SELECT * FROM " + relation + " LIMIT 0";
    try (Statement statement = session.connection().createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rows.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnLabel(i));
      }
      return columns;
    } catch (SQLException e) {
      throw io.analytics.engine.duckdb.DuckDbErrors.translate(e, sql);
    }
  }

  private static List<Rejection> sample(LakeSession session, int limit) {
    String sql = "SELECT * FROM " + REJECTED + " ORDER BY _row NULLS LAST LIMIT " + limit;
    List<Rejection> rejections = new ArrayList<>();
    try (Statement statement = session.connection().createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rows.getMetaData();
      while (rows.next()) {
        Map<String, String> values = new LinkedHashMap<>();
        Long rowNumber = null;
        String reason = "";
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          String column = meta.getColumnLabel(i);
          if (column.equals("_row")) {
            long value = rows.getLong(i);
            rowNumber = rows.wasNull() ? null : value;
          } else if (column.equals("_reject_reason")) {
            reason = rows.getString(i);
          } else {
            values.put(column, rows.getString(i));
          }
        }
        String raw = values.get(MalformedRows.RAW_RECORD);
        rejections.add(new Rejection(rowNumber, reason, raw == null ? values : Map.of(MalformedRows.RAW_RECORD, raw)));
      }
      return rejections;
    } catch (SQLException e) {
      throw io.analytics.engine.duckdb.DuckDbErrors.translate(e, sql);
    }
  }
}
