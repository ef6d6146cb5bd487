package io.analytics.gateway.session;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import java.util.HashMap;
import java.util.Map;

/** The session's prepared statements by name (the unnamed one included); owns them and closes what it drops. */
final class PreparedStatements {
  private final Map<String, PreparedPlan> plans = new HashMap<>();
  private final SqlPreparedStatements sqlLevel = new SqlPreparedStatements();

  /** The statement a client's statement stands for: an EXECUTE is the statement SQL's PREPARE prepared (see SqlPreparedStatements). */
  SqlStatement resolve(SqlStatement statement) {
    if (statement.keyword().equals("PREPARE") && statement.size() > 1 && plans.containsKey(statement.token(1).value())) {
      throw new PlatformException(SqlState.DUPLICATE_PREPARED_STATEMENT, "prepared statement \"" + statement.token(1).value() + "\" already exists");
    }
    return sqlLevel.resolve(statement);
  }

  /** A SQL-level PREPARE that ran: EXECUTE may now run its statement. */
  void prepared(SqlStatement prepare) {
    sqlLevel.prepared(prepare);
  }

  /** The statement, or 26000 when there is none of that name. */
  PreparedPlan require(String name) {
    PreparedPlan plan = plans.get(name);
    if (plan == null) {
      throw new PlatformException(
          SqlState.INVALID_SQL_STATEMENT_NAME,
          name.isEmpty() ? "unnamed prepared statement does not exist" : "prepared statement \"" + name + "\" does not exist");
    }
    return plan;
  }

  boolean contains(String name) {
    return plans.containsKey(name);
  }

  /** Adds a statement, closing one of the same name (the unnamed statement is replaced by each Parse). */
  void put(String name, PreparedPlan plan) {
    PreparedPlan previous = plans.put(name, plan);
    if (previous != null) {
      previous.close();
    }
  }

  /** Removes a statement without closing it, or returns null (Close of a missing statement is no error). */
  PreparedPlan remove(String name) {
    return plans.remove(name);
  }

  /** DEALLOCATE name: 26000 when there is no such statement. */
  void deallocate(String name) {
    if (sqlLevel.deallocate(name)) {
      return;
    }
    require(name);
    plans.remove(name).close();
  }

  void closeAll() {
    plans.values().forEach(PreparedPlan::close);
    plans.clear();
    sqlLevel.clear();
  }
}
