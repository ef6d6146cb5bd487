package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.analytics.gateway.testing.ClientScript;
import io.analytics.gateway.testing.GatewayExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Python clients users reach the lake with, each running its own checks against a live gateway:
 * psycopg2, psycopg 3, SQLAlchemy with pandas, and psqlODBC through pyodbc (the Debian packages
 * .ci/run installs). The scripts
 * are in gateway/src/test/clients/python.
 */
class PythonClientsWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @Test
  void psycopg2() {
    ClientScript.Result result = runChecks("psycopg2_checks.py", "psycopg2");
    assertThat(result.passedChecks()).as(result.toString()).containsExactly(
        "connect", "parameters", "types", "aggregate names", "server-side cursor", "copy to stdout",
        "error and rollback", "session settings");
  }

  @Test
  void psycopg3() {
    ClientScript.Result result = runChecks("psycopg3_checks.py", "psycopg");
    assertThat(result.passedChecks()).as(result.toString()).containsExactly(
        "connect", "parameters", "binary results", "server-side cursor with parameters", "cursor with hold",
        "copy to stdout", "error and rollback");
  }

  @Test
  void sqlalchemyAndPandas() {
    ClientScript.Result result = runChecks("sqlalchemy_checks.py", "sqlalchemy", "psycopg2", "pandas");
    assertThat(result.passedChecks()).as(result.toString()).containsExactly(
        "connect", "schema names", "table and view names", "columns", "constraints and indexes",
        "pandas read_sql with parameters", "reflected table query");
  }

  /** psqlODBC (Debian's odbc-postgresql) under unixODBC, driven by pyodbc: the path of Excel, Power BI and Tableau. */
  @Test
  void psqlOdbc() {
    ClientScript.Result result = runChecks("odbc_checks.py", "pyodbc");
    assertThat(result.passedChecks()).as(result.toString()).containsExactly(
        "connect with a DSN", "SQLTables", "SQLColumns", "query with parameters", "aggregate query");
  }

  /** psycopg 3's nested transaction() and SQLAlchemy's begin_nested() (savepoints). */
  @Test
  void nestedTransactions() {
    ClientScript.Result result = runChecks("savepoint_checks.py", "psycopg", "sqlalchemy", "psycopg2");
    assertThat(result.passedChecks()).as(result.toString()).containsExactly(
        "psycopg nested transaction", "sqlalchemy begin_nested");
  }

  /** SQLAlchemy's ORM: create_all with serial and identity keys, inserts reading new keys with RETURNING. */
  @Test
  void sqlalchemyOrmSerialKeys() {
    ClientScript.Result result = runChecks("orm_checks.py", "sqlalchemy", "psycopg2");
    assertThat(result.passedChecks()).as(result.toString()).containsExactly(
        "create_all", "insert returning keys", "returning id");
  }

  /** LISTEN/NOTIFY between two sessions: delivered at commit, dropped on rollback; pg_notify() as a function. */
  @Test
  void listenNotify() {
    ClientScript.Result result = runChecks("notify_checks.py", "psycopg2");
    assertThat(result.passedChecks()).as(result.toString()).containsExactly("listen notify", "pg_notify", "pg_notify over rows", "listen at commit");
  }

  /** psqlODBC with autocommit off wraps every statement in a savepoint; Protocol=7.4-0 prepares named plans. */
  @Test
  void psqlOdbcTransactions() {
    ClientScript.Result result = runChecks("odbc_transaction_checks.py", "pyodbc");
    assertThat(result.passedChecks()).as(result.toString()).containsExactly(
        "autocommit off", "autocommit on", "protocol 7.4");
  }

  private static ClientScript.Result runChecks(String script, String... modules) {
    String python = ClientScript.pythonWith(modules);
    assumeTrue(python != null, "python3 with " + String.join(", ", modules) + " is not installed");
    ClientScript.Result result = ClientScript.run(gateway.host(), gateway.port(), Map.of(),
        python, ClientScript.CLIENTS.resolve("python").resolve(script).toString());
    assertThat(result.exitCode()).as(result.toString()).isZero();
    return result;
  }
}
