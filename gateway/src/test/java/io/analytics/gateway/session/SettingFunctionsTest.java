package io.analytics.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** set_config(...) as a statement the gateway answers, and current_setting(...) of the gateway's parameters. */
class SettingFunctionsTest {
  private final SessionParameters parameters = new SessionParameters("tester", true);

  @Test
  void setConfigWithLiteralsIsASessionCommand() {
    assertThat(parse("SELECT set_config('search_path', 'gold, public', false)"))
        .contains(new SessionCommand.SetConfig("search_path", "gold, public", false));
    assertThat(parse("select pg_catalog.set_config('application_name', 'x', true) AS previous"))
        .contains(new SessionCommand.SetConfig("application_name", "x", true));
  }

  @Test
  void setConfigWithAnythingButLiteralsIsLeftToDuckDb() {
    assertThat(parse("SELECT set_config('a.b', $1, false)")).isEmpty();
    assertThat(parse("SELECT set_config('a.b', 'x', false), 1")).isEmpty();
    assertThat(parse("SELECT set_config('a.b', 'x')")).isEmpty();
  }

  @Test
  void currentSettingOfAGatewayParameterBecomesItsValue() {
    parameters.set("application_name", "it's me");
    assertThat(rewrite("SELECT current_setting('application_name'), pg_catalog.current_setting('TimeZone', false)"))
        .isEqualTo("SELECT CAST('it''s me' AS VARCHAR), CAST('UTC' AS VARCHAR)");
  }

  @Test
  void currentSettingOfOtherNamesIsLeftAlone() {
    String sql = "SELECT current_setting('threads'), 'current_setting(''x'')', current_setting(name) FROM t";
    assertThat(rewrite(sql)).isEqualTo(sql);
    assertThat(rewrite("SELECT current_setting('my.custom', true)")).isEqualTo("SELECT CAST(NULL AS VARCHAR)");
  }

  @Test
  void sessionIdentityIsTheLoginAndTheDatabaseConnectedTo() {
    assertThat(rewrite("SELECT current_user, session_user, user, current_role, current_database(), pg_catalog.current_database(), current_catalog"))
        .isEqualTo("SELECT CAST('tester' AS VARCHAR), CAST('tester' AS VARCHAR), CAST('tester' AS VARCHAR), "
            + "CAST('tester' AS VARCHAR), CAST('lake' AS VARCHAR), CAST('lake' AS VARCHAR), CAST('lake' AS VARCHAR)");
    String untouched = "SELECT u.user, \"user\", 'current_user', x AS user FROM pg_user u";
    assertThat(rewrite(untouched)).isEqualTo(untouched);
  }

  private Optional<SessionCommand> parse(String sql) {
    return SessionCommandParser.parse(SqlStatement.parse(sql));
  }

  private String rewrite(String sql) {
    return SessionValueCalls.rewrite(SqlStatement.parse(sql), new SessionValueCalls.Values(parameters, "lake", "tester")).sql();
  }
}
