package io.analytics.engine.postgres.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.error.PlatformException;
import io.analytics.engine.postgres.cdc.PgOutputMessage.Column;
import io.analytics.engine.postgres.cdc.PgOutputMessage.Value;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Messages captured from PostgreSQL 15 ({@code pg_logical_slot_peek_binary_changes(..., 'proto_version',
 * '1', 'publication_names', ...)}) for {@code orders (order_id int8 PRIMARY KEY, symbol text, qty
 * numeric(10,2), note text)}: an insert, an update, a key change, a delete and a truncate.
 */
class PgOutputDecoderTest {
  @Test
  void beginAndCommitCarryTheTransactionsLsnsAndCommitTime() {
    var begin = (PgOutputMessage.Begin) decode("4200000000015293f8000304b24546fbcd000002d6");
    var commit = (PgOutputMessage.Commit) decode("430000000000015293f80000000001529428000304b24546fbcd");

    assertThat(begin.finalLsn()).isEqualTo(0x15293f8L);
    assertThat(begin.xid()).isEqualTo(726);
    assertThat(commit.commitLsn()).isEqualTo(begin.finalLsn());
    assertThat(commit.endLsn()).isEqualTo(0x1529428L);
    assertThat(commit.commitTime()).isEqualTo(begin.commitTime());
    assertThat(commit.commitTime()).isBetween(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
  }

  @Test
  void relationNamesTheTableItsKeyAndItsColumnTypes() {
    var relation = (PgOutputMessage.Relation) decode("52000040007075626c6963006f726465727300640004016f726465725f6964"
        + "0000000014ffffffff0073796d626f6c0000000019ffffffff0071747900000006a4000a0006006e6f74650000000019ffffffff");

    assertThat(relation.oid()).isEqualTo(0x4000);
    assertThat(relation.namespace()).isEqualTo("public");
    assertThat(relation.name()).isEqualTo("orders");
    assertThat(relation.replicaIdentity()).isEqualTo('d');
    assertThat(relation.columns()).containsExactly(
        new Column(true, "order_id", 20, -1),
        new Column(false, "symbol", 25, -1),
        new Column(false, "qty", 1700, (10 << 16 | 2) + 4),
        new Column(false, "note", 25, -1));
  }

  @Test
  void insertCarriesTextValuesAndNulls() {
    var insert = (PgOutputMessage.Insert) decode("49000040004e000474000000013174000000034141417400000004312e35306e");

    assertThat(insert.relation()).isEqualTo(0x4000);
    assertThat(insert.row().values())
        .containsExactly(Value.text("1"), Value.text("AAA"), Value.text("1.50"), Value.NULL);
  }

  @Test
  void updateOfTheKeyCarriesTheOldKey() {
    var plain = (PgOutputMessage.Update) decode("55000040004e000474000000013174000000034141417400000004322e30306e");
    var keyChange = (PgOutputMessage.Update) decode(
        "55000040004b00047400000001316e6e6e4e000474000000013274000000034141417400000004322e30306e");

    assertThat(plain.oldKey()).isNull();
    assertThat(plain.row().values().get(2)).isEqualTo(Value.text("2.00"));
    assertThat(keyChange.oldKey().values()).containsExactly(Value.text("1"), Value.NULL, Value.NULL, Value.NULL);
    assertThat(keyChange.row().values().get(0)).isEqualTo(Value.text("2"));
  }

  @Test
  void deleteCarriesTheKeyAndTruncateItsRelations() {
    var delete = (PgOutputMessage.Delete) decode("44000040004b00047400000001326e6e6e");
    var truncate = (PgOutputMessage.Truncate) decode("54000000010000004000");

    assertThat(delete.oldKey().values().get(0)).isEqualTo(Value.text("2"));
    assertThat(truncate.relations()).containsExactly(0x4000);
    assertThat(truncate.cascade()).isFalse();
    assertThat(truncate.restartIdentity()).isFalse();
  }

  @Test
  void unchangedToastValuesAreMarkedAndOtherMessagesIgnored() {
    var update = (PgOutputMessage.Update) decode("55000040004e0002740000000133" + "75");

    assertThat(update.row().values()).containsExactly(Value.text("3"), Value.UNCHANGED);
    assertThat(decode("4f0000000000000001616e6f7468657200")).isEqualTo(new PgOutputMessage.Ignored('O'));
  }

  @Test
  void truncatedOrBinaryDataIsAProtocolViolation() {
    assertThatThrownBy(() -> decode("49000040004e0004740000000131"))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.sqlState().code()).isEqualTo("08P01"));
    assertThatThrownBy(() -> decode("49000040004e0001620000000131"))
        .hasMessageContaining("only text format");
  }

  private static PgOutputMessage decode(String hex) {
    return PgOutputDecoder.decode(ByteBuffer.wrap(HexFormat.of().parseHex(hex)));
  }

}
