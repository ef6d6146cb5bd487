package io.analytics.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import org.junit.jupiter.api.Test;

class SessionParametersTest {
  @Test
  void aReadReplicaReportsItselfAsAHotStandbyWithReadOnlyTransactions() {
    SessionParameters replica = new SessionParameters("reader", true, true);

    assertThat(replica.get("in_hot_standby")).isEqualTo("on");
    assertThat(replica.get("default_transaction_read_only")).isEqualTo("on");
    assertThat(replica.get("transaction_read_only")).isEqualTo("on");
    assertThat(replica.reportedValues()).containsEntry("in_hot_standby", "on").containsEntry("default_transaction_read_only", "on");
  }

  @Test
  void aReadReplicaRefusesReadWriteTransactionsAndResetsToReadOnly() {
    SessionParameters replica = new SessionParameters("reader", true, true);

    assertThatThrownBy(() -> replica.set("default_transaction_read_only", "off"))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.sqlState()).isEqualTo(SqlState.READ_ONLY_SQL_TRANSACTION));
    replica.set("transaction_read_only", "true");
    replica.reset("transaction_read_only");

    assertThat(replica.get("transaction_read_only")).isEqualTo("on");
  }

  @Test
  void theOwningGatewayIsReadWrite() {
    SessionParameters writer = new SessionParameters("writer", true);

    assertThat(writer.get("in_hot_standby")).isEqualTo("off");
    writer.set("default_transaction_read_only", "on");
    writer.reset("default_transaction_read_only");
    assertThat(writer.get("default_transaction_read_only")).isEqualTo("off");
  }
}
