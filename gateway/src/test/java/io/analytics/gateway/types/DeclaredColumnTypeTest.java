package io.analytics.gateway.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Declared types round-trip through their comments, and their values are written as PostgreSQL shows them. */
class DeclaredColumnTypeTest {
  @Test
  void commentsRoundTrip() {
    for (DeclaredColumnType type : new DeclaredColumnType[] {DeclaredColumnType.bpchar(5), DeclaredColumnType.varchar(10),
        DeclaredColumnType.varchar(-1), new DeclaredColumnType(PgTypes.BPCHAR, -1)}) {
      assertThat(DeclaredColumnType.fromComment(type.comment())).contains(type);
    }
    assertThat(DeclaredColumnType.bpchar(5).comment()).isEqualTo("pg_type:character(5)");
    assertThat(DeclaredColumnType.fromComment("a user's comment")).isEmpty();
    assertThat(DeclaredColumnType.fromComment(null)).isEmpty();
  }

  @Test
  void charValuesArePaddedAndVarcharValuesCutToTheirLength() {
    assertThat(written(DeclaredColumnType.bpchar(5), "ab")).isEqualTo("ab   ");
    assertThat(written(DeclaredColumnType.bpchar(3), "é")).isEqualTo("é  ");
    assertThat(written(DeclaredColumnType.bpchar(1), "c     ")).isEqualTo("c");
    assertThat(written(DeclaredColumnType.bpchar(2), "")).isEqualTo("  ");
    assertThat(written(DeclaredColumnType.varchar(4), "abcd    ")).isEqualTo("abcd");
    assertThat(written(DeclaredColumnType.varchar(4), "ab ")).isEqualTo("ab ");
    assertThat(written(DeclaredColumnType.varchar(2), "üü  ")).isEqualTo("üü");
  }

  private static String written(DeclaredColumnType type, String value) {
    ColumnWriter values = new ColumnWriter() {
      @Override
      public boolean isNull(int row) {
        return false;
      }

      @Override
      public void writeText(int row, ByteBuf out) {
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
      }

      @Override
      public void writeBinary(int row, ByteBuf out) {
        writeText(row, out);
      }
    };
    ByteBuf out = Unpooled.buffer();
    out.writeByte('>');
    DeclaredLengthWriter.of(type.columnType(), values).writeText(0, out);
    return out.toString(1, out.readableBytes() - 1, StandardCharsets.UTF_8);
  }
}
