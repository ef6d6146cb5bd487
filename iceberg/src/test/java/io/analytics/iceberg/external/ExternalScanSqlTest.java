package io.analytics.iceberg.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.iceberg.io.LocalFileIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileMetadata;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalScanSqlTest {
  @TempDir Path dir;
  JdbcCatalog catalog;
  Table table;
  Path dataFile;

  @BeforeEach
  void setUp() throws Exception {
    catalog = new JdbcCatalog();
    catalog.initialize("lake", Map.of("uri", "jdbc:sqlite:" + dir.resolve("catalog.db"),
        "io-impl", LocalFileIO.class.getName(), "warehouse", LocalFileIO.toLocation(dir.resolve("warehouse"))));
    catalog.createNamespace(Namespace.of("ext"));
    Schema schema = new Schema(Types.NestedField.optional(1, "id", Types.LongType.get()),
        Types.NestedField.optional(2, "name", Types.StringType.get()));
    table = catalog.createTable(TableIdentifier.of("ext", "t"), schema, PartitionSpec.unpartitioned());
    dataFile = dir.resolve("data.parquet");
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duck.createStatement()) {
      statement.execute("COPY (SELECT i AS id, 'n' || i AS name FROM range(10) t(i)) TO '" + dataFile + "' (FORMAT parquet)");
    }
    table.newAppend().appendFile(DataFiles.builder(PartitionSpec.unpartitioned())
        .withPath(LocalFileIO.toLocation(dataFile)).withFormat(FileFormat.PARQUET)
        .withFileSizeInBytes(Files.size(dataFile)).withRecordCount(10).build()).commit();
  }

  @AfterEach
  void tearDown() {
    catalog.close();
  }

  @Test
  void duckDbReadsThePlannedFilesOfTheCurrentSnapshot() throws Exception {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        ResultSet rows = duck.createStatement().executeQuery("SELECT count(*), sum(id), max(name) FROM ("
            + ExternalScanSql.of(catalog.loadTable(TableIdentifier.of("ext", "t"))) + ")")) {
      rows.next();
      assertThat(rows.getLong(1)).isEqualTo(10);
      assertThat(rows.getLong(2)).isEqualTo(45);
      assertThat(rows.getString(3)).isEqualTo("n9");
    }
  }

  @Test
  void equalityDeletesAreRefusedWithAnErrorNamingTheirFiles() {
    table.newRowDelta().addDeletes(FileMetadata.deleteFileBuilder(PartitionSpec.unpartitioned())
        .ofEqualityDeletes(1).withPath("file:///elsewhere/eq-deletes.parquet").withFormat(FileFormat.PARQUET)
        .withFileSizeInBytes(100).withRecordCount(1).build()).commit();

    assertThatThrownBy(() -> ExternalScanSql.of(catalog.loadTable(TableIdentifier.of("ext", "t"))))
        .isInstanceOf(PlatformException.class)
        .hasMessageContaining("equality delete file file:///elsewhere/eq-deletes.parquet")
        .satisfies(e -> assertThat(((PlatformException) e).sqlState()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED));
  }
}
