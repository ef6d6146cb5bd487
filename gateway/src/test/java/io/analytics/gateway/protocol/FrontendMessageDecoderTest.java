package io.analytics.gateway.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The decoder alone, fed well-formed, split, malformed and random bytes: it frames what is valid,
 * and anything malformed raises a ProtocolException and then swallows the rest of the stream.
 */
class FrontendMessageDecoderTest {
  private static final int MAX = 1 << 20;

  private static EmbeddedChannel channel() {
    return new EmbeddedChannel(new FrontendMessageDecoder(MAX));
  }

  private static ByteBuf startup(String... keyValues) {
    ByteBuf body = Unpooled.buffer();
    body.writeInt(196608);
    for (String part : keyValues) {
      body.writeCharSequence(part, StandardCharsets.UTF_8);
      body.writeByte(0);
    }
    body.writeByte(0);
    ByteBuf packet = Unpooled.buffer();
    packet.writeInt(body.readableBytes() + 4).writeBytes(body);
    return packet;
  }

  private static ByteBuf message(char type, ByteBuf body) {
    ByteBuf message = Unpooled.buffer();
    message.writeByte(type).writeInt(body.readableBytes() + 4).writeBytes(body);
    return message;
  }

  private static ByteBuf cstrings(String... values) {
    ByteBuf body = Unpooled.buffer();
    for (String value : values) {
      body.writeCharSequence(value, StandardCharsets.UTF_8);
      body.writeByte(0);
    }
    return body;
  }

  private static EmbeddedChannel started() {
    EmbeddedChannel channel = channel();
    channel.writeInbound(startup("user", "alice", "database", "lake"));
    FrontendMessage first = channel.readInbound();
    assertThat(first).isInstanceOf(FrontendMessage.Startup.class);
    return channel;
  }

  @Test
  void decodesStartupWithItsParameters() {
    EmbeddedChannel channel = channel();
    channel.writeInbound(startup("user", "alice", "database", "lake", "application_name", "psql"));
    FrontendMessage.Startup startup = channel.readInbound();
    assertThat(startup.parameters()).containsEntry("user", "alice").containsEntry("database", "lake")
        .containsEntry("application_name", "psql");
  }

  @Test
  void messagesSplitAcrossReadsAreReassembled() {
    EmbeddedChannel channel = started();
    ByteBuf query = message('Q', cstrings("SELECT 1"));
    while (query.isReadable()) {
      channel.writeInbound(query.readRetainedSlice(1));
    }
    FrontendMessage.Query decoded = channel.readInbound();
    assertThat(decoded.sql()).isEqualTo("SELECT 1");
  }

  @Test
  void severalMessagesInOneReadAreAllDecoded() {
    EmbeddedChannel channel = started();
    ByteBuf parse = cstrings("s1", "SELECT $1");
    parse.writeShort(1).writeInt(23);
    ByteBuf all = Unpooled.buffer();
    all.writeBytes(message('P', parse)).writeBytes(message('S', Unpooled.buffer())).writeBytes(message('H', Unpooled.buffer()));
    channel.writeInbound(all);
    FrontendMessage.Parse decoded = channel.readInbound();
    assertThat(decoded.statementName()).isEqualTo("s1");
    assertThat(decoded.parameterTypes()).containsExactly(23);
    assertThat(channel.<Object>readInbound()).isInstanceOf(FrontendMessage.Sync.class);
    assertThat(channel.<Object>readInbound()).isInstanceOf(FrontendMessage.Flush.class);
  }

  @Test
  void startupLengthsOutOfRangeAreRefused() {
    for (int length : new int[] {0, 3, 7, 10_001, Integer.MAX_VALUE, -1}) {
      EmbeddedChannel channel = channel();
      ByteBuf packet = Unpooled.buffer().writeInt(length).writeInt(196608);
      assertThatThrownBy(() -> channel.writeInbound(packet))
          .as("length %d", length)
          .isInstanceOf(DecoderException.class)
          .hasCauseInstanceOf(ProtocolException.class);
    }
  }

  @Test
  void messageLengthsBelowFourOrOverTheLimitAreRefused() {
    for (long length : new long[] {0, 3, MAX + 1L, 0xFFFF_FFFFL}) {
      EmbeddedChannel channel = started();
      ByteBuf bytes = Unpooled.buffer().writeByte('Q').writeInt((int) length);
      assertThatThrownBy(() -> channel.writeInbound(bytes))
          .as("length %d", length)
          .hasCauseInstanceOf(ProtocolException.class);
    }
  }

  @Test
  void unknownMessageTypeIsRefused() {
    EmbeddedChannel channel = started();
    assertThatThrownBy(() -> channel.writeInbound(message('z', Unpooled.buffer())))
        .hasCauseInstanceOf(ProtocolException.class);
  }

  @Test
  void bodiesShorterThanTheirFieldsAreRefused() {
    // A Bind whose parameter count promises more values than the body holds; a Describe and a
    // Close without their kind byte; an Execute without its row count; a negative format count.
    List<ByteBuf> bad = List.of(
        message('B', cstrings("", "").writeShort(0).writeShort(2).writeInt(4).writeInt(1)),
        message('D', Unpooled.buffer()),
        message('C', Unpooled.buffer()),
        message('E', cstrings("")),
        message('B', cstrings("", "").writeShort(-1)),
        message('Q', Unpooled.wrappedBuffer("no terminator".getBytes(StandardCharsets.UTF_8))));
    for (ByteBuf message : bad) {
      EmbeddedChannel channel = started();
      assertThatThrownBy(() -> channel.writeInbound(message)).hasCauseInstanceOf(ProtocolException.class);
    }
  }

  @Test
  void plaintextPipelinedAfterSslRequestIsRefused() {
    EmbeddedChannel channel = channel();
    ByteBuf bytes = Unpooled.buffer().writeInt(8).writeInt(80877103).writeBytes(startup("user", "x"));
    assertThatThrownBy(() -> channel.writeInbound(bytes)).hasCauseInstanceOf(ProtocolException.class);
  }

  @Test
  void afterAnErrorTheRestOfTheStreamIsIgnored() {
    EmbeddedChannel channel = started();
    assertThatThrownBy(() -> channel.writeInbound(message('z', Unpooled.buffer()))).isInstanceOf(DecoderException.class);
    channel.writeInbound(message('Q', cstrings("SELECT 1")));
    assertThat(channel.<Object>readInbound()).isNull();
  }

  @Test
  void randomBytesNeverEscapeAsAnythingButProtocolErrors() {
    Random random = new Random(20261125);
    for (int round = 0; round < 10_000; round++) {
      EmbeddedChannel channel = round % 2 == 0 ? channel() : started();
      byte[] garbage = new byte[random.nextInt(64)];
      random.nextBytes(garbage);
      try {
        channel.writeInbound(Unpooled.wrappedBuffer(garbage));
      } catch (DecoderException e) {
        assertThat(e).hasCauseInstanceOf(ProtocolException.class);
      }
      channel.finishAndReleaseAll();
    }
  }
}
