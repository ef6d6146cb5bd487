package io.analytics.gateway.session;

import io.analytics.gateway.sql.SqlStatement;

/**
 * The transaction modes of BEGIN, START TRANSACTION and SET TRANSACTION, as PostgreSQL's grammar
 * has them: {@code ISOLATION LEVEL level}, {@code READ ONLY | READ WRITE}, {@code [NOT] DEFERRABLE},
 * separated by commas or spaces. A null field was not given.
 *
 * @param isolation the isolation level as PostgreSQL spells it ("read committed", ...), or null
 * @param readOnly whether READ ONLY (true) or READ WRITE (false) was given, or null
 */
public record TransactionModes(String isolation, Boolean readOnly) {
  /** No modes given: the session's defaults apply. */
  public static final TransactionModes NONE = new TransactionModes(null, null);

  /** The modes in {@code statement}'s tokens from {@code start} to its end; 42601 for anything else. */
  static TransactionModes parse(SqlStatement statement, int start) {
    String isolation = null;
    Boolean readOnly = null;
    int i = start;
    while (i < statement.size()) {
      String word = statement.keyword(i);
      if (statement.token(i).isPunctuation(',')) {
        i++;
      } else if (word.equals("ISOLATION") && statement.keyword(i + 1).equals("LEVEL")) {
        String level = statement.keyword(i + 2);
        String next = statement.keyword(i + 3);
        if (level.equals("SERIALIZABLE")) {
          isolation = "serializable";
          i += 3;
        } else if (level.equals("REPEATABLE") && next.equals("READ")) {
          isolation = "repeatable read";
          i += 4;
        } else if (level.equals("READ") && (next.equals("COMMITTED") || next.equals("UNCOMMITTED"))) {
          isolation = next.equals("COMMITTED") ? "read committed" : "read uncommitted";
          i += 4;
        } else {
          throw SessionCommandParser.syntaxErrorAt(statement, i + 2);
        }
      } else if (word.equals("READ") && (statement.keyword(i + 1).equals("ONLY") || statement.keyword(i + 1).equals("WRITE"))) {
        readOnly = statement.keyword(i + 1).equals("ONLY");
        i += 2;
      } else if (word.equals("DEFERRABLE")) {
        i++;
      } else if (word.equals("NOT") && statement.keyword(i + 1).equals("DEFERRABLE")) {
        i += 2;
      } else {
        throw SessionCommandParser.syntaxErrorAt(statement, i);
      }
    }
    return new TransactionModes(isolation, readOnly);
  }
}
