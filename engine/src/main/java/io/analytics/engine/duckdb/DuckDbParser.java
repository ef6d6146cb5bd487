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
 * DuckDB sees in it and what type each is (the C API's {@code duckdb_v2_parse_sql}, the parser
 * duckdb_jdbc's prepare splits a text with before it executes all but the last) and, for a SELECT, its parse tree
 * ({@code json_serialize_sql}). It runs in a private, empty in-memory instance with no file access:
 * parsing needs no catalog, and nothing the text says can reach the warehouse from here.
 *
 * <p>duckdb_jdbc does not expose the parser, but its native library exports DuckDB's C API; it is
 * called through JNA on the very library duckdb_jdbc loaded, so both parse alike.
 */
public final class DuckDbParser {
  private static final Object LOCK = new Object();
  private static DuckDbParser shared;

  private final Connection jdbc;
  private final Extractor extractor;
  /** The serializing statement, prepared once (guarded by LOCK). */
  private PreparedStatement serializer;
  /**
   * Recent answers by text: clients repeat their statements, and parsing is the guard's main cost.
   * Bounded by the characters of texts and trees, not by a count: a dashboard's few hundred texts,
   * each checked as sent and as rewritten, must all stay (a count of 256 let them evict each other).
   */
  private final java.util.LinkedHashMap<String, Parsed> recent = new java.util.LinkedHashMap<>(1024, 0.75f, true);
  private long recentChars;
  private static final long RECENT_CHARS = 8L << 20;

  private DuckDbParser(Connection jdbc, Extractor extractor) {
    this.jdbc = jdbc;
    this.extractor = extractor;
  }

  /**
   * What DuckDB's parser makes of a text; {@code types} holds each statement's type when the C API
   * could be reached (empty otherwise).
   */
  public record Parsed(int statements, String parseError, String selectTree, java.util.List<DuckDbStatementType> types) {
    public Parsed {
      types = java.util.List.copyOf(types);
    }

    /** DuckDB's type of the one statement of the text, or empty when it holds another number or cannot be typed. */
    public Optional<DuckDbStatementType> singleType() {
      return statements == 1 && types.size() == 1 ? Optional.of(types.get(0)) : Optional.empty();
    }

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
        remember(sql, parsed);
        return parsed;
      }
      return parseNow(sql);
    }
  }

  private void remember(String sql, Parsed parsed) {
    recent.put(sql, parsed);
    recentChars += charsOf(sql, parsed);
    var eldest = recent.entrySet().iterator();
    while (recentChars > RECENT_CHARS && eldest.hasNext()) {
      java.util.Map.Entry<String, Parsed> entry = eldest.next();
      recentChars -= charsOf(entry.getKey(), entry.getValue());
      eldest.remove();
    }
  }

  private static long charsOf(String sql, Parsed parsed) {
    return sql.length() + (parsed.selectTree() == null ? 0 : parsed.selectTree().length()) + 64;
  }

  private Parsed parseNow(String sql) {
    {
      if (sql.indexOf('\0') >= 0) {
        // The C API reads a C string and would stop at the NUL the JDBC driver passes on.
        return new Parsed(-1, "the text contains a NUL character", null, java.util.List.of());
      }
      String tree = serialize(sql);
      boolean select = !tree.startsWith("{\"error\":true");
      int count;
      String error = null;
      java.util.List<DuckDbStatementType> types = java.util.List.of();
      if (extractor != null) {
        Extractor.Result result = extractor.extract(sql);
        count = result.count();
        error = result.error();
        types = result.types();
      } else {
        count = select ? countStatements(tree) : -1;
      }
      if (count == 0 && error == null) {
        error = "empty statement";
      }
      return new Parsed(count, error, select ? tree : null, types);
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

  /**
   * DuckDB's raw parser through its C API (v2: {@code duckdb_v2_parse_sql} and the statement
   * iterator, which neither binds nor touches a catalog), on an instance of its own with no database.
   */
  private static final class Extractor {
    private static final int NONE = 0;
    private final Function parse;
    private final Function next;
    private final Function type;
    private final Function destroyStatement;
    private final Function destroyIterator;
    private final Function errorText;
    private final Function destroyError;
    private final com.sun.jna.Pointer connection;

    record Result(int count, String error, java.util.List<DuckDbStatementType> types) {}

    private Extractor(NativeLibrary library, com.sun.jna.Pointer connection) {
      this.parse = library.getFunction("duckdb_v2_parse_sql");
      this.next = library.getFunction("duckdb_v2_statement_iterator_next");
      this.type = library.getFunction("duckdb_v2_sql_statement_get_type");
      this.destroyStatement = library.getFunction("duckdb_v2_sql_statement_destroy");
      this.destroyIterator = library.getFunction("duckdb_v2_statement_iterator_destroy");
      this.errorText = library.getFunction("duckdb_v2_error_info_get_text");
      this.destroyError = library.getFunction("duckdb_v2_error_info_destroy");
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
        PointerByReference environment = new PointerByReference();
        PointerByReference instance = new PointerByReference();
        PointerByReference connection = new PointerByReference();
        if (library.getFunction("duckdb_v2_environment_create").invokeInt(new Object[] {environment, null}) != NONE
            || library.getFunction("duckdb_v2_instance_create").invokeInt(new Object[] {environment.getValue(), instance, null}) != NONE
            || library.getFunction("duckdb_v2_connection_create").invokeInt(new Object[] {instance.getValue(), connection, null}) != NONE) {
          return Optional.empty();
        }
        return Optional.of(new Extractor(library, connection.getValue()));
      } catch (IOException | RuntimeException | LinkageError e) {
        return Optional.empty();
      }
    }

    /** Every statement's type, or a count of 0 and DuckDB's message when one of them does not parse. */
    Result extract(String sql) {
      byte[] bytes = sql.getBytes(StandardCharsets.UTF_8);
      Memory text = new Memory(bytes.length + 1L);
      text.write(0, bytes, 0, bytes.length);
      text.setByte(bytes.length, (byte) 0);
      PointerByReference iterator = new PointerByReference();
      PointerByReference error = new PointerByReference();
      try {
        if (parse.invokeInt(new Object[] {connection, text, iterator, error}) != NONE) {
          return new Result(0, message(error), java.util.List.of());
        }
        java.util.List<DuckDbStatementType> types = new java.util.ArrayList<>();
        while (true) {
          PointerByReference statement = new PointerByReference();
          if (next.invokeInt(new Object[] {iterator.getValue(), statement, error}) != NONE) {
            return new Result(0, message(error), java.util.List.of());
          }
          if (statement.getValue() == null) {
            return new Result(types.size(), null, types);
          }
          try {
            com.sun.jna.ptr.IntByReference code = new com.sun.jna.ptr.IntByReference(-1);
            types.add(type.invokeInt(new Object[] {statement.getValue(), code, null}) == NONE
                ? DuckDbStatementType.of(code.getValue()) : DuckDbStatementType.OTHER);
          } finally {
            destroyStatement.invokeVoid(new Object[] {statement});
          }
        }
      } finally {
        if (iterator.getValue() != null) {
          destroyIterator.invokeVoid(new Object[] {iterator});
        }
        if (error.getValue() != null) {
          destroyError.invokeVoid(new Object[] {error});
        }
      }
    }

    /** The text of a C API error ({@code duckdb_v2_str}: a pointer and a length). */
    private String message(PointerByReference error) {
      if (error.getValue() == null) {
        return "DuckDB cannot parse the text";
      }
      Memory str = new Memory(16);
      str.clear();
      if (errorText.invokeInt(new Object[] {error.getValue(), str}) != NONE || str.getPointer(0) == null) {
        return "DuckDB cannot parse the text";
      }
      byte[] message = str.getPointer(0).getByteArray(0, (int) Math.min(str.getLong(8), 4096));
      return new String(message, StandardCharsets.UTF_8);
    }
  }
}
