package io.analytics.gateway.json;

import io.analytics.engine.session.EngineSession;
import io.analytics.gateway.sessionstate.DatabaseFunctions;
import io.analytics.gateway.sessionstate.SessionCreatedObjects;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.Locale;

/**
 * Gives a session json and jsonb the first time a statement names them or one of their
 * operators: the {@link JsonFunctions} (once per database) and the {@link JsonMacros} (per
 * session, again after a rollback of the transaction that created them, which took them away).
 */
public final class SessionJsonSupport {
  private final SessionCreatedObjects jsonObjects = new SessionCreatedObjects();

  /** Creates what {@code statement} may need, if it is not there yet. */
  public void ensureFor(SqlStatement statement, boolean inTransaction, EngineSession engine) {
    if (jsonObjects.created() || !needs(statement)) {
      return;
    }
    jsonObjects.ensure(inTransaction, () -> {
      DatabaseFunctions.registerOnce(engine, JsonFunctions.MARKER, JsonFunctions::register);
      JsonMacros.statements().forEach(engine::execute);
    });
  }

  /** The transaction the macros may have been created in committed. */
  public void committed() {
    jsonObjects.committed();
  }

  /** The transaction rolled back: macros created in it are gone, create them again when next needed. */
  public void rolledBack() {
    jsonObjects.rolledBack();
  }

  static boolean needs(SqlStatement statement) {
    for (Token token : statement.tokens()) {
      if (token.type() == TokenType.WORD && JsonMacros.NAMES.contains(token.text().toLowerCase(Locale.ROOT))) {
        return true;
      }
      if (token.type() == TokenType.QUESTION_MARK) {
        return true;
      }
      if (token.type() == TokenType.PUNCTUATION) {
        String text = token.text();
        if (text.startsWith("->") || text.startsWith("#") || text.equals("@>") || text.equals("<@")) {
          return true;
        }
      }
    }
    return false;
  }
}
