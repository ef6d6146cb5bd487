package io.analytics.catalog.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableSchemaTest {
  @Test
  void everyStandardSchemaRoundTripsThroughJson() {
    for (TableSchema schema : StandardSchemas.all()) {
      assertThat(SchemaJson.parse(SchemaJson.write(schema), "test")).isEqualTo(schema);
    }
  }

  @Test
  void standardSchemasAreFoundByFullOrShortName() {
    assertThat(StandardSchemas.byName("TradeSchema")).contains(StandardSchemas.TRADE);
    assertThat(StandardSchemas.byName("trades")).contains(StandardSchemas.TRADE);
    assertThat(StandardSchemas.byName("pnl")).contains(StandardSchemas.PNL);
    assertThat(StandardSchemas.byName("nope")).isEmpty();
  }

  @Test
  void tradeSchemaUsesDecimalsForMoneyAndTimestampsWithTimeZone() {
    assertThat(StandardSchemas.TRADE.column("price").orElseThrow().type()).isEqualTo("DECIMAL(18,4)");
    assertThat(StandardSchemas.TRADE.column("ts").orElseThrow().type()).isEqualTo("TIMESTAMPTZ");
    assertThat(StandardSchemas.PRICE_BAR.checks()).extracting(CheckSpec::name).contains("high_ge_low");
  }

  @Test
  void userSchemaIsReadFromJson() {
    TableSchema schema =
        SchemaJson.parse(
            "{\"name\": \"Fx\", \"columns\": [{\"name\": \"pair\", \"type\": \"text\", \"required\": true},"
                + " {\"name\": \"rate\", \"type\": \"numeric(18, 6)\"}], \"checks\": [{\"name\": \"rate_positive\","
                + " \"expression\": \"rate > 0\"}]}",
            "fx.json");
    assertThat(schema.columns()).extracting(ColumnSpec::type).containsExactly("VARCHAR", "DECIMAL(18,6)");
    assertThat(schema.column("pair").orElseThrow().required()).isTrue();
  }

  @Test
  void unknownKeyIsAnErrorNamingIt() {
    assertThatThrownBy(() -> SchemaJson.parse("{\"name\": \"X\", \"columns\": [{\"name\": \"a\", \"type\": \"INTEGER\", \"nullable\": true}]}", "x.json"))
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining("columns[0].nullable");
  }

  @Test
  void unknownTypeIsAnErrorNamingTheColumn() {
    assertThatThrownBy(() -> SchemaJson.parse("{\"name\": \"X\", \"columns\": [{\"name\": \"a\", \"type\": \"MONEY\"}]}", "x.json"))
        .hasMessageContaining("columns[a].type")
        .hasMessageContaining("MONEY");
  }

  @Test
  void wrongTypeOfValueIsAnErrorNamingTheKey() {
    assertThatThrownBy(() -> SchemaJson.parse("{\"name\": \"X\", \"columns\": [{\"name\": \"a\", \"type\": \"INTEGER\", \"required\": \"yes\"}]}", "x.json"))
        .hasMessageContaining("columns[0].required");
  }

  @Test
  void partitionColumnMustBeDeclared() {
    assertThatThrownBy(() -> SchemaJson.parse("{\"name\": \"X\", \"columns\": [{\"name\": \"a\", \"type\": \"INTEGER\"}], \"partitionBy\": [\"day\"]}", "x.json"))
        .hasMessageContaining("partitionBy")
        .hasMessageContaining("day");
  }
}
