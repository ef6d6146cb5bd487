package io.analytics.gateway.types;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH micro-benchmarks of the type encoders: one 2,048-row Arrow batch of a trades-like column
 * written as PostgreSQL text or binary values into a Netty buffer, as the DataRow writer does. The
 * score is nanoseconds per batch; divide by 2,048 for the cost of one value.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EncoderBenchmark {
  static final int ROWS = 2_048;

  @Param({"int8", "float8", "numeric(18,4)", "text", "timestamptz"})
  public String column;

  private BufferAllocator allocator;
  private FieldVector vector;
  private ColumnWriter writer;
  private ByteBuf out;

  @Setup(Level.Trial)
  public void fill() {
    allocator = new RootAllocator();
    vector = switch (column) {
      case "int8" -> {
        BigIntVector ids = new BigIntVector("id", allocator);
        ids.allocateNew(ROWS);
        for (int i = 0; i < ROWS; i++) {
          ids.set(i, 1_000_000_000L + i * 7919L);
        }
        yield ids;
      }
      case "float8" -> {
        Float8Vector prices = new Float8Vector("price", allocator);
        prices.allocateNew(ROWS);
        for (int i = 0; i < ROWS; i++) {
          prices.set(i, 100 + i * 0.013);
        }
        yield prices;
      }
      case "numeric(18,4)" -> {
        DecimalVector amounts = new DecimalVector("amount", allocator, 18, 4);
        amounts.allocateNew(ROWS);
        for (int i = 0; i < ROWS; i++) {
          amounts.set(i, BigDecimal.valueOf(1_234_567L + i * 31L, 4));
        }
        yield amounts;
      }
      case "text" -> {
        VarCharVector symbols = new VarCharVector("symbol", allocator);
        symbols.allocateNew(ROWS);
        for (int i = 0; i < ROWS; i++) {
          symbols.set(i, ("SYM" + (i % 200)).getBytes(StandardCharsets.UTF_8));
        }
        yield symbols;
      }
      case "timestamptz" -> {
        TimeStampMicroTZVector times = new TimeStampMicroTZVector("ts", allocator, "UTC");
        times.allocateNew(ROWS);
        for (int i = 0; i < ROWS; i++) {
          times.set(i, 1_700_000_000_000_000L + i * 1_000_003L);
        }
        yield times;
      }
      default -> throw new IllegalArgumentException(column);
    };
    vector.setValueCount(ROWS);
    writer = ColumnWriters.naturalType(vector).writer(vector, VectorFixtures.CONTEXT);
    out = Unpooled.directBuffer(ROWS * 64);
  }

  @Benchmark
  public int text() {
    out.clear();
    for (int row = 0; row < ROWS; row++) {
      writer.writeText(row, out);
    }
    return out.writerIndex();
  }

  @Benchmark
  public int binary() {
    out.clear();
    for (int row = 0; row < ROWS; row++) {
      writer.writeBinary(row, out);
    }
    return out.writerIndex();
  }

  @TearDown(Level.Trial)
  public void release() {
    out.release();
    vector.close();
    allocator.close();
  }
}
