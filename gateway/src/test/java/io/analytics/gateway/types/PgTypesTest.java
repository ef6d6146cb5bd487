package io.analytics.gateway.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.error.PlatformException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PgTypesTest {
  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(delimiter = '|', value = {
      "BOOLEAN|16|boolean", "TINYINT|21|smallint", "SMALLINT|21|smallint", "INTEGER|23|integer", "BIGINT|20|bigint",
      "UTINYINT|21|smallint", "USMALLINT|23|integer", "UINTEGER|20|bigint", "UBIGINT|1700|numeric", "HUGEINT|1700|numeric",
      "FLOAT|700|real", "DOUBLE|701|double precision", "DECIMAL(18,4)|1700|numeric(18,4)", "VARCHAR|25|text",
      "BLOB|17|bytea", "DATE|1082|date", "TIME|1083|time without time zone",
      "TIMESTAMP|1114|timestamp without time zone", "TIMESTAMP_NS|1114|timestamp without time zone",
      "TIMESTAMP WITH TIME ZONE|1184|timestamp with time zone", "INTERVAL|1186|interval", "UUID|2950|uuid",
      "JSON|114|json", "STRUCT(a INTEGER)|114|json", "MAP(VARCHAR, INTEGER)|114|json", "ENUM|25|text",
      "INTEGER[]|1007|integer[]", "VARCHAR[]|1009|text[]", "INTEGER[][]|1007|integer[]", "DECIMAL(18,4)[]|1231|numeric(18,4)[]",
      "INTEGER[3]|1007|integer[]", "BIT|1562|bit varying"})
  void duckDbTypesMapToPostgresTypes(String duckDb, int oid, String formatted) {
    ColumnType type = PgTypes.forDuckDbType(duckDb);
    assertThat(type.type().oid()).isEqualTo(oid);
    // format_type(oid, typmod) in PostgreSQL 15 prints these names.
    assertThat(type.type().formatType(type.typmod())).isEqualTo(formatted);
  }

  @Test
  void decimalTypmodIsPostgresPacking() {
    assertThat(PgTypes.forDuckDbType("DECIMAL(18,4)").typmod()).isEqualTo(((18 << 16) | 4) + 4);
  }

  @Test
  void typesDuckDbCannotSendAreRefusedClearly() {
    assertThatThrownBy(() -> PgTypes.forDuckDbType("BIGNUM"))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e.sqlState().code()).isEqualTo("0A000");
          assertThat(e.getMessage()).contains("cast the column to VARCHAR");
        });
  }

  @Test
  void everyOidIsUniqueAndArraysPointToTheirElements() {
    assertThat(PgTypes.all()).extracting(PgType::oid).doesNotHaveDuplicates();
    assertThat(PgTypes.byOid(1009).elementOid()).isEqualTo(25);
    assertThat(PgTypes.byOid(1009).name()).isEqualTo("_text");
    assertThat(PgTypes.INT4.arrayOid()).isEqualTo(1007);
  }

  @Test
  void textParametersFollowTheDeclaredOrInferredType() {
    assertThat(decodeText(23, "UNKNOWN", "42")).isEqualTo(42);
    assertThat(decodeText(0, "INTEGER", "42")).isEqualTo(42);
    assertThat(decodeText(0, "DECIMAL(18,4)", "1.5")).isEqualTo(new BigDecimal("1.5"));
    assertThat(decodeText(0, "UNKNOWN", "41")).isEqualTo(41L);
    assertThat(decodeText(0, "INVALID", "4.5")).isEqualTo(new BigDecimal("4.5"));
    assertThat(decodeText(0, "UNKNOWN", "SYM1")).isEqualTo("SYM1");
    assertThat(decodeText(16, "BOOLEAN", "yes")).isEqualTo(true);
    assertThat(decodeText(0, "BOOLEAN", "off")).isEqualTo(false);
    assertThat(decodeText(1082, "DATE", "1999-12-31 +00")).isEqualTo(java.time.LocalDate.of(1999, 12, 31));
    assertThat(decodeText(17, "BLOB", "\\x0102ff")).isEqualTo(new byte[] {1, 2, (byte) 0xff});
    assertThat(decodeText(1007, "INTEGER[]", "{1, 2,NULL}")).isEqualTo("[1, 2, NULL]");
    assertThat(decodeText(1009, "VARCHAR[]", "{a,\"b c\",\"it's\"}")).isEqualTo("['a', 'b c', 'it\\'s']");
  }

  @Test
  void badTextParametersGetPostgresErrors() {
    assertThatThrownBy(() -> decodeText(23, "INTEGER", "abc"))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e.sqlState().code()).isEqualTo("22P02");
          assertThat(e.getMessage()).isEqualTo("invalid input syntax for type integer: \"abc\"");
        });
    assertThatThrownBy(() -> decodeText(21, "SMALLINT", "40000"))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e.sqlState().code()).isEqualTo("22003");
          assertThat(e.getMessage()).isEqualTo("value \"40000\" is out of range for type smallint");
        });
    assertThatThrownBy(() -> decodeText(16, "BOOLEAN", "maybe"))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.sqlState().code()).isEqualTo("22P02"));
    assertThatThrownBy(() -> decodeText(1007, "INTEGER[]", "{1,2"))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.sqlState().code()).isEqualTo("22P02"));
  }

  private static Object decodeText(int oid, String duckDbType, String text) {
    return ParameterDecoder.decode(oid, duckDbType, false, text.getBytes(StandardCharsets.UTF_8), SessionFormat.defaults());
  }
}
