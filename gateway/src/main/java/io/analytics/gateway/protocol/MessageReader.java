package io.analytics.gateway.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/** Reads protocol fields from one message body, failing with 08P01 instead of running off its end. */
final class MessageReader {
  private final ByteBuf body;
  private final char type;

  MessageReader(ByteBuf body, char type) {
    this.body = body;
    this.type = type;
  }

  int readInt() {
    require(4, "Int32");
    return body.readInt();
  }

  short readShort() {
    require(2, "Int16");
    return body.readShort();
  }

  byte readByte() {
    require(1, "Byte1");
    return body.readByte();
  }

  /** A count that precedes an array: must be non-negative and fit in what is left. */
  int readCount(int bytesPerItem) {
    int count = readShort() & 0xFFFF;
    if ((long) count * bytesPerItem > body.readableBytes()) {
      throw new ProtocolException(describe() + " declares " + count + " items but is too short");
    }
    return count;
  }

  byte[] readBytes(int length) {
    if (length < 0) {
      throw new ProtocolException(describe() + " has a negative length " + length);
    }
    require(length, "bytes");
    byte[] bytes = new byte[length];
    body.readBytes(bytes);
    return bytes;
  }

  byte[] readRemaining() {
    byte[] bytes = new byte[body.readableBytes()];
    body.readBytes(bytes);
    return bytes;
  }

  String readCString() {
    int end = body.indexOf(body.readerIndex(), body.writerIndex(), (byte) 0);
    if (end < 0) {
      throw new ProtocolException(describe() + " has an unterminated string");
    }
    String value = body.toString(body.readerIndex(), end - body.readerIndex(), StandardCharsets.UTF_8);
    body.readerIndex(end + 1);
    return value;
  }

  boolean hasRemaining() {
    return body.isReadable();
  }

  void requireEnd() {
    if (body.isReadable()) {
      throw new ProtocolException(describe() + " has " + body.readableBytes() + " unexpected trailing bytes");
    }
  }

  private void require(int bytes, String what) {
    if (body.readableBytes() < bytes) {
      throw new ProtocolException(describe() + " is too short to hold its " + what);
    }
  }

  private String describe() {
    return type == 0 ? "startup packet" : "message '" + type + "'";
  }
}
