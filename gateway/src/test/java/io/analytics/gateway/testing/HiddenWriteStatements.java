package io.analytics.gateway.testing;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Random;

/**
 * Seeded statements built to slip a write past a statement guard: write keywords, file functions,
 * engine-wide settings and hidden statements, wrapped in random Unicode whitespace, comments,
 * dollar quotes with odd tags, quoting, CTEs, EXPLAIN ANALYZE and PREPARE, around one table.
 */
public final class HiddenWriteStatements {
  /** Whitespace as DuckDB may read it, and characters the lexer may not. */
  private static final String[] SPACES = {
      " ", " ", " ", "\t", "\n", "\r\n", "\f", "\u000b", "\u00a0", "\u2007", "\ufeff", "\u3000", "\u180e", "\u200b",
      "\u2028", "\u202f", "\u205f", "\u1680", "\u2000", "\u0085", " /**/ ", " /* ; */ ", " -- x\n"};

  private static final String[] TAGS = {"", "a", "€", "٣", "ä", "_", "x1", "$", "ß", "\u00a0", "tag"};

  private final Random random;
  private final String home;
  private final String table;

  /**
   * @param home the folder whose {@code data/} the statements' paths point into
   * @param table the table the writes aim at (named {@code t} in the templates)
   */
  public HiddenWriteStatements(Random random, String home, String table) {
    this.random = requireNonNull(random, "random is null");
    this.home = requireNonNull(home, "home is null");
    this.table = requireNonNull(table, "table is null");
  }

  /** The next statement. */
  public String next() {
    String core = pick(random, CORES).replace("'data/", "'" + home + "/data/").replace("\"data/", "\"" + home + "/data/")
        .replaceAll("\\bt\\b", table);
    String statement = switch (random.nextInt(12)) {
      case 0 -> "SELECT $" + tag(random) + "$ ' $" + tag(random) + "$;" + space(random) + core + ";" + space(random) + "--'";
      case 1 -> "WITH d AS (" + core + " RETURNING *) SELECT count(*) FROM d";
      case 2 -> "EXPLAIN" + space(random) + "ANALYZE" + space(random) + core;
      case 3 -> "PREPARE p" + random.nextInt(1000) + space(random) + "AS" + space(random) + core;
      case 4 -> "SELECT 1;" + space(random) + core;
      case 5 -> "SELECT '" + tag(random) + "';" + core;
      case 6 -> "SELECT $" + tag(random) + "$" + core + "$" + tag(random) + "$";
      case 7 -> "SELECT count(*) FROM " + table + " WHERE id < 3 /*" + tag(random) + "*/";
      case 8 -> "(" + core + ")";
      case 9 -> "SELECT \"" + core.replace("\"", "") + "\" FROM " + table;
      default -> core;
    };
    return respace(random, statement);
  }

  private static final List<String> CORES = List.of(
        "DELETE FROM t WHERE id < 6", "DELETE FROM main.t", "UPDATE t SET id = id + 100", "INSERT INTO t VALUES (99)",
        "INSERT INTO t SELECT 42", "TRUNCATE t", "DROP TABLE t", "ALTER TABLE t ADD COLUMN x INT",
        "CREATE TABLE x AS SELECT 1", "CREATE TEMP TABLE x AS SELECT 1", "CREATE VIEW v AS SELECT 1",
        "CREATE MACRO m() AS 1", "CREATE SCHEMA gold", "CREATE SEQUENCE s2", "COMMENT ON TABLE t IS 'x'",
        "COPY (SELECT 1) TO 'data/gold/daily_pnl/part-9.csv'", "COPY t TO 'data/gold/evil.csv'",
        "COPY t FROM 'data/gold/daily_pnl/part-0.csv'", "EXPORT DATABASE 'data/export'",
        "ATTACH 'data/x2.duckdb' AS x2", "ATTACH ':memory:' AS m2", "DETACH m2", "SET memory_limit = '20MB'",
        "SET threads = 1", "SET GLOBAL threads = 1", "RESET memory_limit", "PRAGMA threads = 1",
        "SET enable_progress_bar = true", "CHECKPOINT", "VACUUM", "SELECT nextval('s')", "SELECT setval('s', 5)",
        "SELECT * FROM read_text('data/gold/daily_pnl/part-0.csv')", "FROM \"data/gold/daily_pnl/part-0.csv\"",
        "FROM 'data/gold/daily_pnl/part-0.csv'", "SELECT * FROM glob('data/*')", "CALL enable_logging()",
        "CALL checkpoint()", "SELECT * FROM query('DELETE FROM t')", "INSTALL httpfs", "LOAD json",
        "SELECT count(*) FROM t", "SELECT trim(leading 'x' from 'xxxhello')", "SELECT position('a' in 'bab')",
        "SELECT replace('a', 'b', 'c')", "FROM t", "USE main", "SET search_path = 'main'",
        "WITH d AS (DELETE FROM t WHERE id < 8 RETURNING *) SELECT count(*) FROM d",
        "WITH d AS (UPDATE t SET id = 0 RETURNING *) SELECT 1", "MERGE INTO t USING t AS s ON t.id = s.id WHEN MATCHED THEN DELETE");

  /** Replaces some of the statement's spaces with others DuckDB may read as whitespace. */
  private static String respace(Random random, String statement) {
    if (random.nextInt(4) == 0) {
      return statement;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < statement.length(); i++) {
      char c = statement.charAt(i);
      if (c == ' ' && random.nextInt(3) == 0) {
        out.append(space(random));
      } else if (Character.isLetter(c) && random.nextInt(20) == 0) {
        out.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String space(Random random) {
    return SPACES[random.nextInt(SPACES.length)];
  }

  private static String tag(Random random) {
    return TAGS[random.nextInt(TAGS.length)];
  }

  private static String pick(Random random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }
}
