package io.analytics.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import org.junit.jupiter.api.Test;

class DuckDbErrorsTest {
  @Test
  void outOfMemoryIs53200WithAdviceAClientCanFollow() {
    PlatformException error = DuckDbErrors.translate(
        "Out of Memory Error: failed to allocate data of size 32.0 MiB (48.2 MiB/61.0 MiB used)\n\n"
            + "Possible solutions:\n* Reducing the number of threads (SET threads=X)\n"
            + "* Increasing the memory limit (SET memory_limit='...GB')",
        "SELECT 1", null);

    assertThat(error.sqlState()).isEqualTo(SqlState.OUT_OF_MEMORY);
    assertThat(error.sqlState().code()).isEqualTo("53200");
    assertThat(error.getMessage()).isEqualTo("out of memory: the query needs more than DuckDB's memory_limit allows: "
        + "failed to allocate data of size 32.0 MiB (48.2 MiB/61.0 MiB used)");
    // DuckDB's advice is engine-wide SETs, which clients may not run here.
    assertThat(error.detail()).isNull();
    assertThat(error.hint()).contains("duckdb.memoryLimit").contains("gateway.limits.queryMemory").doesNotContain("SET threads");
  }

  @Test
  void otherErrorsKeepTheirClassAndText() {
    PlatformException error = DuckDbErrors.translate("Catalog Error: Table with name nope does not exist!", "SELECT * FROM nope", null);
    assertThat(error.sqlState()).isEqualTo(SqlState.UNDEFINED_TABLE);
    assertThat(error.getMessage()).isEqualTo("Table with name nope does not exist");
  }

  @Test
  void squareRootsAndLogarithmsOutOfTheirDomainAreThoseOfPostgres() {
    assertThat(DuckDbErrors.translate("Out of Range Error: cannot take square root of a negative number", "SELECT sqrt(-1)", null)
        .sqlState().code()).isEqualTo("2201F");
    assertThat(DuckDbErrors.translate("Out of Range Error: cannot take logarithm of zero", "SELECT ln(0)", null)
        .sqlState().code()).isEqualTo("2201E");
    assertThat(DuckDbErrors.translate("Out of Range Error: cannot take logarithm of a negative number", "SELECT ln(-1)", null)
        .sqlState().code()).isEqualTo("2201E");
    assertThat(DuckDbErrors.translate("Out of Range Error: Overflow in addition of INT32 (1 + 2147483647)", "SELECT 1", null)
        .sqlState().code()).isEqualTo("22003");
  }
}
