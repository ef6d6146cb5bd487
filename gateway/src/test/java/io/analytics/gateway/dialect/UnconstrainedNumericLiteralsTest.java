package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Literals of more than 10 decimals headed for an unconstrained numeric column are refused, as DuckDB's binder
 * places them; parameters are checked against the type DuckDB inferred for them.
 */
class UnconstrainedNumericLiteralsTest {
  private final List<String> probed = new ArrayList<>();

  /** A probe answering DECIMAL(38,10) for every parameter of a statement naming table {@code loose}, else DECIMAL(20,15). */
  private UnconstrainedNumericLiterals stage() {
    return new UnconstrainedNumericLiterals(sql -> {
      probed.add(sql);
      String type = sql.contains("loose") ? "DECIMAL(38,10)" : "DECIMAL(20,15)";
      return List.of(type, type, type, type);
    });
  }

  @Test
  void aLongLiteralStoredIntoAnUnconstrainedColumnIsRefused() {
    assertThatThrownBy(() -> stage().apply(SqlStatement.parse("INSERT INTO loose VALUES (1, 0.123456789012345)")))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e.sqlState()).isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE);
          assertThat(e.getMessage()).contains("0.123456789012345").contains("10 decimals");
        });
    assertThat(probed).containsExactly("INSERT INTO loose VALUES (1, $1)");
  }

  @Test
  void signsStringsAndExactCastsAreProbedWhole() {
    assertThatThrownBy(() -> stage().apply(SqlStatement.parse(
        "UPDATE loose SET x = -0.000000000001, y = '1.00000000001', z = CAST('0.1234567890123' AS DECIMAL(13,13)) WHERE k = $1")))
        .isInstanceOf(PlatformException.class).hasMessageContaining("-0.000000000001");
    assertThat(probed).containsExactly("UPDATE loose SET x = $2, y = $3, z = $4 WHERE k = $1");
  }

  @Test
  void aLongLiteralForAnotherTypeIsLeftToDuckDb() {
    String sql = "INSERT INTO strict VALUES (0.123456789012345)";
    assertThat(stage().apply(SqlStatement.parse(sql)).sql()).isEqualTo(sql);
  }

  @Test
  void statementsWithoutLongLiteralsAreNotProbed() {
    for (String sql : new String[] {"INSERT INTO loose VALUES (0.1234567890, 1.50000000000000, 'abc', 1e5)",
        "SELECT 0.123456789012345", "INSERT INTO loose VALUES (2 - 0.5)"}) {
      assertThat(stage().apply(SqlStatement.parse(sql)).sql()).isEqualTo(sql);
    }
    assertThat(probed).isEmpty();
  }

  @Test
  void aStatementDuckDbCannotPrepareIsLeftAsItIs() {
    UnconstrainedNumericLiterals failing = new UnconstrainedNumericLiterals(sql -> {
      throw new IllegalStateException("cannot prepare");
    });
    String sql = "INSERT INTO loose SELECT 0.123456789012345";
    assertThat(failing.apply(SqlStatement.parse(sql)).sql()).isEqualTo(sql);
  }

  @Test
  void parametersAreCheckedAgainstTheTypeDuckDbInferred() {
    assertThatThrownBy(() -> UnconstrainedNumericValues.checkParameter(new BigDecimal("0.123456789012"), "DECIMAL(38,10)"))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.sqlState()).isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE));
    assertThatThrownBy(() -> UnconstrainedNumericValues.checkParameter(" 1e-11 ", "DECIMAL(38, 10)"))
        .isInstanceOf(PlatformException.class);
    UnconstrainedNumericValues.checkParameter(new BigDecimal("0.123456789012"), "DECIMAL(20,15)");
    UnconstrainedNumericValues.checkParameter(new BigDecimal("0.12345678900000"), "DECIMAL(38,10)");
    UnconstrainedNumericValues.checkParameter("not a number", "DECIMAL(38,10)");
    UnconstrainedNumericValues.checkParameter(null, "DECIMAL(38,10)");
  }
}
