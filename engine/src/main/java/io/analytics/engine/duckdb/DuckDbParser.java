package io.analytics.engine.duckdb;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.ptr.PointerByReference;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * DuckDB's own parser, asked about a text before the real instance runs it: how many statements
 * DuckDB sees in it (the C API's {@code duckdb_extract_statements}, the same splitting duckdb_jdbc's
 * prepare does before it executes all but the last) and, for a SELECT, its parse tree
 * ({@code json_serialize_sql}). It runs in a private, empty in-memory instance with no file access:
 * parsing needs no catalog, and nothing the text says can reach the warehouse from here.
 *
 * <p>duckdb_jdbc does not expose statement extraction, but its native library exports DuckDB's C
 * API; it is called through JNA on the very library duckdb_jdbc loaded, so both parse alike.
 */
public final class DuckDbParser {
  private static final Object LOCK = new Object();
  private static DuckDbParser shared;

  private final Connection jdbc;
  private final Extractor extractor;
  /** The serializing statement, prepared once (guarded by LOCK). */
  private PreparedStatement serializer;
  /** Recent answers by text: clients repeat their statements, and parsing is the guard's main cost. */
  private final java.util.Map<String, Parsed> recent = new java.util.LinkedHashMap<>(256, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(java.util.Map.Entry<String, Parsed> eldest) {
      return size() > 256;
    }
  };

  private DuckDbParser(Connection jdbc, Extractor extractor) {
    this.jdbc = jdbc;
    this.extractor = extractor;
  }

  /** What DuckDB's parser makes of a text. */
  public record Parsed(int statements, String parseError, String selectTree) {
    /** Whether DuckDB reads the text as exactly one SELECT (its tree is then {@link #selectTree}). */
    public boolean isSingleSelect() {
      return statements == 1 && selectTree != null;
    }
  }

  /** The process's parser, created on first use. */
  public static DuckDbParser shared() {
    synchronized (LOCK) {
      if (shared == null) {
        shared = open();
      }
      return shared;
    }
  }

  private static DuckDbParser open() {
    try {
      Connection connection = DriverManager.getConnection("jdbc:duckdb:");
      try (var statement = connection.createStatement()) {
        statement.execute("SET enable_external_access = false");
        statement.execute("SET lock_configuration = true");
      }
      return new DuckDbParser(connection, Extractor.load().orElse(null));
    } catch (SQLException e) {
      throw new PlatformException(SqlState.INTERNAL_ERROR, "cannot start DuckDB's parser: " + e.getMessage(), e);
    }
  }

  /**
   * Parses the text. {@code statements} is DuckDB's count (0 with {@code parseError} set when it
   * cannot parse it, -1 when the count could not be had because the C API is unavailable and the
   * text is no SELECT); {@code selectTree} is set when every statement is a SELECT.
   */
  public Parsed parse(String sql) {
    synchronized (LOCK) {
      if (sql.length() <= 4096) {
        Parsed known = recent.get(sql);
        if (known != null) {
          return known;
        }
        Parsed parsed = parseNow(sql);
        recent.put(sql, parsed);
        return parsed;
      }
      return parseNow(sql);
    }
  }

  private Parsed parseNow(String sql) {
    {
      if (sql.indexOf('\0') >= 0) {
        // The C API reads a C string and would stop at the NUL the JDBC driver passes on.
        return new Parsed(-1, "the text contains a NUL character", null);
      }
      String tree = serialize(sql);
      boolean select = !tree.startsWith("{\"error\":true");
      int count;
      String error = null;
      if (extractor != null) {
        Extractor.Result result = extractor.extract(sql);
        count = result.count();
        error = result.error();
      } else {
        count = select ? countStatements(tree) : -1;
      }
      if (count == 0 && error == null) {
        error = "empty statement";
      }
      return new Parsed(count, error, select ? tree : null);
    }
  }

  private String serialize(String sql) {
    try {
      if (serializer == null) {
        serializer = jdbc.prepareStatement("SELECT json_serialize_sql(?::VARCHAR)");
      }
      PreparedStatement statement = serializer;
      statement.setString(1, sql);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    } catch (SQLException e) {
      throw new PlatformException(SqlState.INTERNAL_ERROR, "cannot ask DuckDB's parser: " + e.getMessage(), e);
    }
  }

  /** The number of entries of the tree's top-level {@code statements} array, by DuckDB's own count. */
  private int countStatements(String tree) {
    try (PreparedStatement statement = jdbc.prepareStatement("SELECT json_array_length(?::JSON, '$.statements')")) {
      statement.setString(1, tree);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return (int) rows.getLong(1);
      }
    } catch (SQLException e) {
      return -1;
    }
  }

  /** {@code duckdb_extract_statements} through JNA, on a C-API in-memory database of its own. */
  private static final class Extractor {
    private final Function extract;
    private final Function error;
    private final Function destroy;
    private final com.sun.jna.Pointer connection;

    record Result(int count, String error) {}

    private Extractor(NativeLibrary library, com.sun.jna.Pointer connection) {
      this.extract = library.getFunction("duckdb_extract_statements");
      this.error = library.getFunction("duckdb_extract_statements_error");
      this.destroy = library.getFunction("duckdb_destroy_extracted");
      this.connection = connection;
    }

    /** The library duckdb_jdbc loaded (it unpacks it to a temporary file), found in the process's mappings. */
    static Optional<Extractor> load() {
      try {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
          return Optional.empty();
        }
        Optional<String> path = Files.readAllLines(maps).stream()
            .filter(line -> line.contains("libduckdb_java") && line.indexOf('/') > 0)
            .map(line -> line.substring(line.indexOf('/')).strip())
            .findFirst();
        if (path.isEmpty()) {
          return Optional.empty();
        }
        NativeLibrary library = NativeLibrary.getInstance(path.get());
        PointerByReference database = new PointerByReference();
        PointerByReference connection = new PointerByReference();
        if (library.getFunction("duckdb_open").invokeInt(new Object[] {null, database}) != 0
            || library.getFunction("duckdb_connect").invokeInt(new Object[] {database.getValue(), connection}) != 0) {
          return Optional.empty();
        }
        return Optional.of(new Extractor(library, connection.getValue()));
      } catch (IOException | RuntimeException | LinkageError e) {
        return Optional.empty();
      }
    }

    Result extract(String sql) {
      byte[] bytes = sql.getBytes(StandardCharsets.UTF_8);
      Memory text = new Memory(bytes.length + 1L);
      text.write(0, bytes, 0, bytes.length);
      text.setByte(bytes.length, (byte) 0);
      PointerByReference extracted = new PointerByReference();
      try {
        long count = extract.invokeLong(new Object[] {connection, text, extracted});
        String message = count == 0 && extracted.getValue() != null
            ? (String) error.invoke(String.class, new Object[] {extracted.getValue()}) : null;
        return new Result((int) count, message);
      } finally {
        destroy.invokeVoid(new Object[] {extracted});
      }
    }
  }
}
