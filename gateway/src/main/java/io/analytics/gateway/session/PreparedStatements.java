package io.analytics.gateway.session;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.util.HashMap;
import java.util.Map;

/** The session's prepared statements by name (the unnamed one included); owns them and closes what it drops. */
final class PreparedStatements {
  private final Map<String, PreparedPlan> plans = new HashMap<>();

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
    require(name);
    plans.remove(name).close();
  }

  void closeAll() {
    plans.values().forEach(PreparedPlan::close);
    plans.clear();
  }
}
