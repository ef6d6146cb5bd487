package io.analytics.gateway.session;

import io.analytics.gateway.sql.SqlStatement;

/**
 * The statement a COPY to or from the client amounts to, for permission checks: {@code COPY x TO
 * STDOUT} reads like {@code SELECT * FROM x}, {@code COPY t FROM STDIN} writes like {@code INSERT
 * INTO t}. Offsets are kept so that errors still point into the client's text.
 */
final class CopyStatements {
  private CopyStatements() {}

  static SqlStatement equivalent(SessionCommand.Copy copy, SqlStatement original) {
    String sql = copy.toClient()
        ? "SELECT * FROM " + copy.source()
        : "INSERT INTO " + copy.source() + " VALUES (NULL)";
    SqlStatement parsed = SqlStatement.parse(sql);
    return new SqlStatement(parsed.sql(), parsed.tokens(), original.offsetInQuery());
  }

  /** The COPY with its source query translated from PostgreSQL's dialect, as any client query is (see PostgresDialect). */
  static SessionCommand.Copy inPostgresDialect(SessionCommand.Copy copy) {
    String source = io.analytics.gateway.dialect.PostgresDialect.translate(SqlStatement.parse(copy.source())).sql();
    return source.equals(copy.source()) ? copy : new SessionCommand.Copy(copy.toClient(), source, copy.columns(), copy.options());
  }
}
