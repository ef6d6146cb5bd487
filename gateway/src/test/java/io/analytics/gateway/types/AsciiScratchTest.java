package io.analytics.gateway.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The scratch digit writer agrees with Long.toString at every length, sign and power-of-ten edge. */
class AsciiScratchTest {
  @Test
  void writesEveryLongAsLongToStringDoes() {
    long[] edges = {0, 1, 9, 10, 11, 99, 100, 101, 999, 1_000, 9_999_999_999L, 10_000_000_000L, 999_999_999_999_999_999L,
        1_000_000_000_000_000_000L, Long.MAX_VALUE, -1, -10, -99, Long.MIN_VALUE, Long.MIN_VALUE + 1};
    for (long value : edges) {
      assertThat(written(value)).isEqualTo(Long.toString(value));
    }
    Random random = new Random(20261125);
    for (int i = 0; i < 200_000; i++) {
      long value = random.nextLong() / (long) Math.pow(10, random.nextInt(19));
      assertThat(written(value)).as("%d", value).isEqualTo(Long.toString(value));
    }
  }

  @Test
  void padsToWidthAndWritesFractions() {
    AsciiScratch scratch = new AsciiScratch();
    scratch.appendPadded(42, 4);
    scratch.append(' ');
    scratch.appendPadded(7, 2);
    scratch.append(' ');
    scratch.appendFraction(500_000, 6);
    ByteBuf out = Unpooled.buffer();
    scratch.writeTo(out);
    assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("0042 07 .5");
  }

  @Test
  void padsEveryWidthAsFormatDoes() {
    Random random = new Random(20261203);
    for (int i = 0; i < 100_000; i++) {
      long value = i < 200 ? i : Math.abs(random.nextLong() / (long) Math.pow(10, random.nextInt(19)));
      int width = 1 + random.nextInt(8);
      AsciiScratch scratch = new AsciiScratch();
      scratch.appendPadded(value, width);
      ByteBuf out = Unpooled.buffer(1);
      scratch.writeTo(out);
      assertThat(out.toString(StandardCharsets.US_ASCII)).as("%d in %d", value, width).isEqualTo(String.format("%0" + width + "d", value));
    }
  }

  private static String written(long value) {
    AsciiScratch scratch = new AsciiScratch();
    scratch.appendLong(value);
    ByteBuf out = Unpooled.buffer(1);
    scratch.writeTo(out);
    return out.toString(StandardCharsets.US_ASCII);
  }
}
