package io.analytics.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import org.junit.jupiter.api.Test;

class PgSettingsTableTest {
  private final SessionParameters superuser = new SessionParameters("u", true);

  @Test
  void plannerSettingsAreAcceptedAndShownAsPostgresShowsThem() {
    superuser.set("enable_seqscan", "0");
    superuser.set("random_page_cost", "1.10");
    assertThat(superuser.get("enable_seqscan")).isEqualTo("off");
    assertThat(superuser.get("random_page_cost")).isEqualTo("1.1");
    assertThat(superuser.get("enable_hashjoin")).isEqualTo("on");
  }

  @Test
  void memoryIsShownInTheLargestExactUnit() {
    superuser.set("work_mem", "65536");
    assertThat(superuser.get("work_mem")).isEqualTo("64MB");
    superuser.set("work_mem", "1000");
    assertThat(superuser.get("work_mem")).isEqualTo("1000kB");
    superuser.set("effective_cache_size", "1000");
    assertThat(superuser.get("effective_cache_size")).isEqualTo("8000kB");
  }

  @Test
  void timesAreShownInTheLargestExactUnit() {
    superuser.set("statement_timeout", "3000");
    assertThat(superuser.get("statement_timeout")).isEqualTo("3s");
    assertThat(superuser.statementTimeoutMillis()).isEqualTo(3000);
    superuser.set("log_min_duration_statement", "120s");
    assertThat(superuser.get("log_min_duration_statement")).isEqualTo("2min");
  }

  @Test
  void badValuesAreRefusedWith22023() {
    assertThatThrownBy(() -> superuser.set("enable_seqscan", "maybe")).isInstanceOf(PlatformException.class);
    assertThatThrownBy(() -> superuser.set("work_mem", "10 parsecs"))
        .satisfies(e -> assertThat(((PlatformException) e).sqlState()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE));
    assertThatThrownBy(() -> superuser.set("log_statement", "everything"))
        .satisfies(e -> assertThat(((PlatformException) e).sqlState()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE));
  }

  @Test
  void superuserOnlySettingsNeedASuperuser() {
    SessionParameters user = new SessionParameters("u", false);
    user.set("enable_seqscan", "off");
    assertThatThrownBy(() -> user.set("log_statement", "all"))
        .satisfies(e -> assertThat(((PlatformException) e).sqlState()).isEqualTo(SqlState.INSUFFICIENT_PRIVILEGE));
    superuser.set("log_statement", "ALL");
    assertThat(superuser.get("log_statement")).isEqualTo("all");
  }
}
