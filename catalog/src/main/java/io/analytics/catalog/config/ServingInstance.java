package io.analytics.catalog.config;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A DuckDB instance a gateway serves from, and its share of the one memory budget
 * ({@code duckdb.memoryLimit}, or its default) they split: each instance has a memory_limit of its
 * own, so without the split two or three instances could together claim more than the machine has.
 * The shares of the instances of one gateway add up to the whole: a primary runs {@link #WRITERS},
 * {@link #ANALYSTS} and {@link #APP}; a read replica runs {@link #REPLICA} and {@link #APP}.
 */
public enum ServingInstance {
  /** The warehouse's own instance (engineers, admins, pipelines): half, the largest share. */
  WRITERS(2),
  /** The analysts' instance with the warehouse as a read-only snapshot (ReaderTier): a quarter. */
  ANALYSTS(1),
  /** Role app's instance with only the gold layer: a quarter. */
  APP(1),
  /** A read replica's main instance, which serves every role but app: three quarters. */
  REPLICA(3);

  private static final int QUARTERS = 4;

  private final int quarters;

  ServingInstance(int quarters) {
    this.quarters = quarters;
  }

  /**
   * This instance's share of {@code total}, a memory_limit as DuckDB reads it ("40%", "4GB"): a
   * percentage of RAM stays one (DuckDB resolves it against the memory it sees), a size becomes bytes.
   */
  public String shareOf(String total) {
    String text = total.trim();
    if (text.endsWith("%")) {
      BigDecimal percent = new BigDecimal(text.substring(0, text.length() - 1).trim());
      return percent.multiply(BigDecimal.valueOf(quarters))
          .divide(BigDecimal.valueOf(QUARTERS), 4, RoundingMode.DOWN).stripTrailingZeros().toPlainString() + "%";
    }
    long bytes = ByteSize.parse("duckdb.memoryLimit", text);
    return Math.multiplyExact(bytes / QUARTERS, quarters) + "B";
  }
}
