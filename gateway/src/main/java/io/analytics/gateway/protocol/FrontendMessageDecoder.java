package io.analytics.gateway.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Frames and decodes frontend messages: untyped startup packets first, then typed messages. It
 * only decodes; a malformed frame raises {@link ProtocolException} and the decoder discards
 * everything after it, so the handler can answer 08P01 and close that one connection.
 */
public final class FrontendMessageDecoder extends ByteToMessageDecoder {
  /** PostgreSQL's MAX_STARTUP_PACKET_LENGTH. */
  public static final int MAX_STARTUP_PACKET_BYTES = 10_000;

  static final int SSL_REQUEST_CODE = 80877103;
  static final int GSSENC_REQUEST_CODE = 80877104;
  static final int CANCEL_REQUEST_CODE = 80877102;

  private enum Phase {
    STARTUP,
    REGULAR,
    FINISHED
  }

  private final int maxMessageBytes;
  private Phase phase = Phase.STARTUP;

  public FrontendMessageDecoder(int maxMessageBytes) {
    this.maxMessageBytes = maxMessageBytes;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (phase == Phase.FINISHED) {
      in.skipBytes(in.readableBytes());
      return;
    }
    try {
      while (phase != Phase.FINISHED) {
        FrontendMessage message = phase == Phase.STARTUP ? decodeStartup(in) : decodeRegular(in);
        if (message == null) {
          return;
        }
        out.add(message);
      }
    } catch (ProtocolException e) {
      phase = Phase.FINISHED;
      in.skipBytes(in.readableBytes());
      throw e;
    }
  }

  private FrontendMessage decodeStartup(ByteBuf in) {
    if (in.readableBytes() < 4) {
      return null;
    }
    if (in.readableBytes() < 5 && in.getUnsignedByte(in.readerIndex()) == 'X') {
      return null; // perhaps a Terminate still arriving
    }
    if (isTerminate(in)) {
      // Sent instead of a startup packet by a client that disconnects at once (node-postgres does).
      in.skipBytes(5);
      phase = Phase.FINISHED;
      return new FrontendMessage.Terminate();
    }
    long length = in.getUnsignedInt(in.readerIndex());
    if (length < 8 || length > MAX_STARTUP_PACKET_BYTES) {
      throw new ProtocolException("invalid length of startup packet: " + length);
    }
    if (in.readableBytes() < length) {
      return null;
    }
    in.skipBytes(4);
    ByteBuf body = in.readSlice((int) length - 4);
    MessageReader reader = new MessageReader(body, (char) 0);
    int code = reader.readInt();
    switch (code) {
      case SSL_REQUEST_CODE, GSSENC_REQUEST_CODE -> {
        reader.requireEnd();
        // CVE-2021-23214: bytes sent before the answer to an encryption request could be
        // injected by a man in the middle; PostgreSQL refuses them, and so do we.
        if (in.isReadable()) {
          throw new ProtocolException("received unencrypted data after SSL request");
        }
        return code == SSL_REQUEST_CODE
            ? new FrontendMessage.SslRequest()
            : new FrontendMessage.GssEncRequest();
      }
      case CANCEL_REQUEST_CODE -> {
        int processId = reader.readInt();
        int secretKey = reader.readInt();
        reader.requireEnd();
        phase = Phase.FINISHED;
        return new FrontendMessage.CancelRequest(processId, secretKey);
      }
      default -> {
        if (code >>> 16 != 3) {
          throw new ProtocolException(
              "unsupported frontend protocol " + (code >>> 16) + "." + (code & 0xFFFF)
                  + ": server supports 3.0 to 3.0");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        while (true) {
          String name = reader.readCString();
          if (name.isEmpty()) {
            break;
          }
          parameters.put(name, reader.readCString());
        }
        reader.requireEnd();
        phase = Phase.REGULAR;
        return new FrontendMessage.Startup(code, parameters);
      }
    }
  }

  /** A whole Terminate message ('X', length 4) at the reader index. */
  private static boolean isTerminate(ByteBuf in) {
    return in.readableBytes() >= 5 && in.getUnsignedByte(in.readerIndex()) == 'X' && in.getUnsignedInt(in.readerIndex() + 1) == 4;
  }

  private FrontendMessage decodeRegular(ByteBuf in) {
    if (in.readableBytes() < 5) {
      return null;
    }
    char type = (char) in.getUnsignedByte(in.readerIndex());
    long length = in.getUnsignedInt(in.readerIndex() + 1);
    if (length < 4) {
      throw new ProtocolException("invalid message length " + length + " for message '" + type + "'");
    }
    if (length > maxMessageBytes) {
      throw new ProtocolException(
          "message '" + type + "' of " + length + " bytes exceeds the limit of " + maxMessageBytes + " bytes");
    }
    if (!isKnownType(type)) {
      throw new ProtocolException("invalid frontend message type " + (int) type);
    }
    if (in.readableBytes() < 1 + length) {
      return null;
    }
    in.skipBytes(5);
    ByteBuf body = in.readSlice((int) length - 4);
    FrontendMessage message = decodeBody(type, new MessageReader(body, type));
    if (message instanceof FrontendMessage.Terminate) {
      phase = Phase.FINISHED;
    }
    return message;
  }

  private static boolean isKnownType(char type) {
    return "QPBDECSHXdcfpF".indexOf(type) >= 0;
  }

  private static FrontendMessage decodeBody(char type, MessageReader reader) {
    FrontendMessage message =
        switch (type) {
          case 'Q' -> new FrontendMessage.Query(reader.readCString());
          case 'P' -> decodeParse(reader);
          case 'B' -> decodeBind(reader);
          case 'D' -> new FrontendMessage.Describe(readKind(reader, type), reader.readCString());
          case 'E' -> new FrontendMessage.Execute(reader.readCString(), reader.readInt());
          case 'C' -> new FrontendMessage.Close(readKind(reader, type), reader.readCString());
          case 'S' -> new FrontendMessage.Sync();
          case 'H' -> new FrontendMessage.Flush();
          case 'X' -> new FrontendMessage.Terminate();
          case 'd' -> new FrontendMessage.CopyData(reader.readRemaining());
          case 'c' -> new FrontendMessage.CopyDone();
          case 'f' -> new FrontendMessage.CopyFail(reader.readCString());
          case 'p' -> new FrontendMessage.PasswordMessage(reader.readRemaining());
          case 'F' -> {
            reader.readRemaining();
            yield new FrontendMessage.FunctionCall();
          }
          default -> throw new ProtocolException("invalid frontend message type " + (int) type);
        };
    reader.requireEnd();
    return message;
  }

  private static char readKind(MessageReader reader, char type) {
    char kind = (char) reader.readByte();
    if (kind != 'S' && kind != 'P') {
      throw new ProtocolException(
          "invalid " + (type == 'D' ? "DESCRIBE" : "CLOSE") + " message subtype " + (int) kind);
    }
    return kind;
  }

  private static FrontendMessage decodeParse(MessageReader reader) {
    String name = reader.readCString();
    String sql = reader.readCString();
    int count = reader.readCount(4);
    List<Integer> types = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      types.add(reader.readInt());
    }
    return new FrontendMessage.Parse(name, sql, types);
  }

  private static FrontendMessage decodeBind(MessageReader reader) {
    String portal = reader.readCString();
    String statement = reader.readCString();
    int formatCount = reader.readCount(2);
    List<Short> parameterFormats = new ArrayList<>(formatCount);
    for (int i = 0; i < formatCount; i++) {
      parameterFormats.add(checkFormat(reader.readShort()));
    }
    int valueCount = reader.readCount(4);
    if (formatCount > 1 && formatCount != valueCount) {
      throw new ProtocolException(
          "bind message has " + formatCount + " parameter formats but " + valueCount + " parameters");
    }
    List<byte[]> values = new ArrayList<>(valueCount);
    for (int i = 0; i < valueCount; i++) {
      int length = reader.readInt();
      if (length == -1) {
        values.add(null);
      } else if (length < -1) {
        throw new ProtocolException("invalid length " + length + " of bind parameter " + (i + 1));
      } else {
        values.add(reader.readBytes(length));
      }
    }
    int resultFormatCount = reader.readCount(2);
    List<Short> resultFormats = new ArrayList<>(resultFormatCount);
    for (int i = 0; i < resultFormatCount; i++) {
      resultFormats.add(checkFormat(reader.readShort()));
    }
    return new FrontendMessage.Bind(portal, statement, parameterFormats, values, resultFormats);
  }

  private static short checkFormat(short format) {
    if (format != 0 && format != 1) {
      throw new ProtocolException("invalid format code " + format);
    }
    return format;
  }
}
