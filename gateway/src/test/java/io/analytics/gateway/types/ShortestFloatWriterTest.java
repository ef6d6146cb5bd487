package io.analytics.gateway.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.junit.jupiter.api.Test;

/**
 * The float column writers write the same text as {@link FloatText} (whose values are pinned to
 * PostgreSQL 15's output in {@link PostgresTextOutputTest}) for every kind of double and float:
 * both notations, both ends of the fixed range, subnormals, the extremes and the special values.
 */
class ShortestFloatWriterTest {
  private static final double[] EDGES = {
    0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
    -Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, 1, -1, 0.1, 0.0001, 0.00001, 0.00012345,
    1e14, 1e15, 999999999999999.9, 123456789012345.6, 1e-300, 1.5e300, 100.013, 1e100, 1e-100, 0.3,
    2.5e-5, 9.999999999999999e14, 12345678901234567890.0
  };

  @Test
  void float8TextIsFloatTextsForEveryKindOfValue() {
    List<Double> values = new ArrayList<>();
    for (double edge : EDGES) {
      values.add(edge);
    }
    SplittableRandom random = new SplittableRandom(16);
    for (int i = 0; i < 20_000; i++) {
      values.add(Double.longBitsToDouble(random.nextLong()));
      values.add(random.nextInt(1_000_000) / 1000.0 * (random.nextBoolean() ? 1 : -1));
      values.add(random.nextDouble() * Math.pow(10, random.nextInt(-20, 25)));
    }
    try (RootAllocator allocator = new RootAllocator(); Float8Vector vector = new Float8Vector("f", allocator)) {
      vector.allocateNew(values.size());
      for (int row = 0; row < values.size(); row++) {
        vector.set(row, values.get(row));
      }
      assertWritesAsFloatText(vector, values, value -> FloatText.float8(value, 1));
    }
  }

  @Test
  void float4TextIsFloatTextsForEveryKindOfValue() {
    SplittableRandom random = new SplittableRandom(4);
    List<Float> values = new ArrayList<>(List.of(0f, -0f, Float.NaN, Float.MIN_VALUE, Float.MAX_VALUE, 1e5f, 1e6f,
        999999.9f, 0.0001f, 0.00001f, 3.14159274f, 1e-40f));
    for (int i = 0; i < 20_000; i++) {
      values.add(Float.intBitsToFloat(random.nextInt()));
      values.add(random.nextInt(100_000) / 100f);
    }
    try (RootAllocator allocator = new RootAllocator(); Float4Vector vector = new Float4Vector("f", allocator)) {
      vector.allocateNew(values.size());
      for (int row = 0; row < values.size(); row++) {
        vector.set(row, values.get(row));
      }
      assertWritesAsFloatText(vector, values, value -> FloatText.float4(value, 1));
    }
  }

  private static <T> void assertWritesAsFloatText(FieldVector vector, List<T> values, Function<T, String> floatText) {
    vector.setValueCount(values.size());
    ColumnWriter writer = ColumnWriters.naturalType(vector).writer(vector, VectorFixtures.CONTEXT);
    for (int row = 0; row < values.size(); row++) {
      assertThat(text(writer, row)).as("%s", values.get(row)).isEqualTo(floatText.apply(values.get(row)));
    }
  }

  private static String text(ColumnWriter writer, int row) {
    ByteBuf out = Unpooled.buffer(32);
    writer.writeText(row, out);
    return out.toString(StandardCharsets.US_ASCII);
  }
}
