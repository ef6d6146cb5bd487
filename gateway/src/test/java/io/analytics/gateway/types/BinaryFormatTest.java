package io.analytics.gateway.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.error.PlatformException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.UUID;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.junit.jupiter.api.Test;

/** Binary formats checked against PostgreSQL's send functions (bytes from `SELECT x::type` via int*send). */
class BinaryFormatTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void numericIsBase10000WithWeightSignAndScale() {
    // SELECT numeric_send(12.3400): ndigits 2, weight 0, sign +, dscale 4, digits 12 3400
    assertThat(HEX.formatHex(VectorFixtures.decimalBinary(new BigDecimal("12.3400"), 18))).isEqualTo("0002000000000004000c0d48");
    // SELECT numeric_send(-0.5000): ndigits 1, weight -1, sign -, dscale 4, digit 5000
    assertThat(HEX.formatHex(VectorFixtures.decimalBinary(new BigDecimal("-0.5000"), 10))).isEqualTo("0001ffff400000041388");
    // SELECT numeric_send(0.00): no digits, dscale 2
    assertThat(HEX.formatHex(VectorFixtures.decimalBinary(new BigDecimal("0.00"), 5))).isEqualTo("0000000000000002");
    // SELECT numeric_send(10000): ndigits 1, weight 1, digit 1
    assertThat(HEX.formatHex(VectorFixtures.decimalBinary(new BigDecimal("10000"), 18))).isEqualTo("0001000100000000" + "0001");
  }

  @Test
  void smallDecimalsEncodeExactlyAsTheirBigDecimals() {
    java.util.Random random = new java.util.Random(42);
    short[] groups = new short[io.analytics.engine.pgtypes.PgNumeric.MAX_SMALL_GROUPS];
    for (int i = 0; i < 20_000; i++) {
      int scale = random.nextInt(19);
      int digits = 1 + random.nextInt(18);
      long unscaled = random.nextLong() % pow10(digits);
      if (i % 7 == 0) {
        unscaled = unscaled / pow10(random.nextInt(digits)) * pow10(random.nextInt(4)) % pow10(18);
      }
      io.netty.buffer.ByteBuf fromLong = io.netty.buffer.Unpooled.buffer();
      io.netty.buffer.ByteBuf fromBigDecimal = io.netty.buffer.Unpooled.buffer();
      io.analytics.engine.pgtypes.PgNumeric.write(fromLong::writeShort, unscaled, scale, groups);
      io.analytics.engine.pgtypes.PgNumeric.write(fromBigDecimal::writeShort, BigDecimal.valueOf(unscaled, scale));
      assertThat(io.netty.buffer.ByteBufUtil.hexDump(fromLong)).as("%d scale %d", unscaled, scale)
          .isEqualTo(io.netty.buffer.ByteBufUtil.hexDump(fromBigDecimal));
    }
  }

  private static long pow10(int exponent) {
    long result = 1;
    for (int i = 0; i < exponent; i++) {
      result *= 10;
    }
    return result;
  }

  @Test
  void numericRoundTripsThroughItsBinaryForm() {
    for (String value : new String[] {"12.3400", "-0.5000", "0.00", "10000", "-12345678901234567890.123456", "0.0001", "99999999.99990"}) {
      byte[] bytes = VectorFixtures.decimalBinary(new BigDecimal(value), 38);
      assertThat(PgTypes.NUMERIC.decodeBinary(ByteBuffer.wrap(bytes))).isEqualTo(new BigDecimal(value));
    }
  }

  @Test
  void oneDimensionalArrayHasHeaderAndLengthPrefixedElements() {
    try (ListVector list = VectorFixtures.nestedInts(new int[][] {{1, 2}, {3, 4}})) {
      byte[] bytes = VectorFixtures.binary(ArrayType.of(ArrayType.of(PgTypes.INT4)), list, 0);
      // SELECT array_send(ARRAY[[1,2],[3,4]]): 2 dims, no nulls, int4, (2,1) (2,1), four 4-byte ints
      assertThat(HEX.formatHex(bytes)).isEqualTo(
          "00000002" + "00000000" + "00000017" + "00000002" + "00000001" + "00000002" + "00000001"
              + "0000000400000001" + "0000000400000002" + "0000000400000003" + "0000000400000004");
    }
  }

  @Test
  void raggedNestedListsCannotBeSentAsBinaryArrays() {
    try (ListVector list = VectorFixtures.nestedInts(new int[][] {{1}, {2, 3}})) {
      assertThatThrownBy(() -> VectorFixtures.binary(ArrayType.of(ArrayType.of(PgTypes.INT4)), list, 0))
          .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.sqlState().code()).isEqualTo("2202E"));
    }
  }

  @Test
  void uuidTextBecomesSixteenBytes() {
    UUID uuid = UUID.fromString("0b2a3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d");
    try (VarCharVector text = VectorFixtures.strings(uuid.toString())) {
      assertThat(HEX.formatHex(VectorFixtures.binary(PgTypes.UUID, text, 0))).isEqualTo("0b2a3c4d5e6f4a1b8c9d0e1f2a3b4c5d");
    }
  }

  @Test
  void binaryParametersDecodeToJavaValues() {
    assertThat(PgTypes.INT4.decodeBinary(ByteBuffer.wrap(new byte[] {0, 0, 0, 42}))).isEqualTo(42);
    assertThat(PgTypes.INT8.decodeBinary(ByteBuffer.allocate(8).putLong(0, -7))).isEqualTo(-7L);
    assertThat(PgTypes.DATE.decodeBinary(ByteBuffer.allocate(4).putInt(0, 0))).isEqualTo(java.time.LocalDate.of(2000, 1, 1));
    assertThat(PgTypes.TIMESTAMP.decodeBinary(ByteBuffer.allocate(8).putLong(0, 1_500_000)))
        .isEqualTo(java.time.LocalDateTime.of(2000, 1, 1, 0, 0, 1, 500_000_000));
    assertThat(PgTypes.INT4.decodeText(" 12 ")).isEqualTo(12);
    assertThatThrownBy(() -> PgTypes.INT4.decodeBinary(ByteBuffer.wrap(new byte[] {1, 2})))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.sqlState().code()).isEqualTo("22P03"));
  }
}
