package io.analytics.gateway.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes backend messages into a buffer, each with its type byte and Int32 length. */
public final class BackendMessages {
  private BackendMessages() {}

  /** One column of a RowDescription. */
  public record FieldDescription(
      String name, int tableOid, short columnNumber, int typeOid, short typeLength, int typeModifier, short format) {}

  /** The fields of an ErrorResponse or NoticeResponse. */
  public record ErrorFields(
      String severity, String sqlState, String message, String detail, String hint, int position,
      io.analytics.catalog.error.ErrorSubject subject) {
    public ErrorFields(String severity, String sqlState, String message, String detail, String hint, int position) {
      this(severity, sqlState, message, detail, hint, position, null);
    }
  }

  public static void authentication(ByteBuf out, int code, byte[] payload) {
    int start = begin(out, 'R');
    out.writeInt(code);
    if (payload != null) {
      out.writeBytes(payload);
    }
    end(out, start);
  }

  public static void authenticationOk(ByteBuf out) {
    authentication(out, 0, null);
  }

  public static void parameterStatus(ByteBuf out, String name, String value) {
    int start = begin(out, 'S');
    writeCString(out, name);
    writeCString(out, value);
    end(out, start);
  }

  /** NotificationResponse: a NOTIFY on a channel this session listens to. */
  public static void notificationResponse(ByteBuf out, int processId, String channel, String payload) {
    int start = begin(out, 'A');
    out.writeInt(processId);
    writeCString(out, channel);
    writeCString(out, payload);
    end(out, start);
  }

  public static void backendKeyData(ByteBuf out, int processId, int secretKey) {
    int start = begin(out, 'K');
    out.writeInt(processId);
    out.writeInt(secretKey);
    end(out, start);
  }

  public static void negotiateProtocolVersion(ByteBuf out, int newestMinor, List<String> unsupportedOptions) {
    int start = begin(out, 'v');
    out.writeInt(newestMinor);
    out.writeInt(unsupportedOptions.size());
    for (String option : unsupportedOptions) {
      writeCString(out, option);
    }
    end(out, start);
  }

  public static void readyForQuery(ByteBuf out, char transactionStatus) {
    int start = begin(out, 'Z');
    out.writeByte(transactionStatus);
    end(out, start);
  }

  public static void rowDescription(ByteBuf out, List<FieldDescription> fields) {
    int start = begin(out, 'T');
    out.writeShort(fields.size());
    for (FieldDescription field : fields) {
      writeCString(out, field.name());
      out.writeInt(field.tableOid());
      out.writeShort(field.columnNumber());
      out.writeInt(field.typeOid());
      out.writeShort(field.typeLength());
      out.writeInt(field.typeModifier());
      out.writeShort(field.format());
    }
    end(out, start);
  }

  /** Starts a DataRow; returns the index to pass to {@link #endMessage}. */
  public static int beginDataRow(ByteBuf out, int columnCount) {
    int start = begin(out, 'D');
    out.writeShort(columnCount);
    return start;
  }

  /** Starts a message of any type; finish it with {@link #endMessage}. */
  public static int beginMessage(ByteBuf out, char type) {
    return begin(out, type);
  }

  public static void endMessage(ByteBuf out, int start) {
    end(out, start);
  }

  public static void commandComplete(ByteBuf out, String tag) {
    int start = begin(out, 'C');
    writeCString(out, tag);
    end(out, start);
  }

  public static void emptyQueryResponse(ByteBuf out) {
    end(out, begin(out, 'I'));
  }

  public static void parseComplete(ByteBuf out) {
    end(out, begin(out, '1'));
  }

  public static void bindComplete(ByteBuf out) {
    end(out, begin(out, '2'));
  }

  public static void closeComplete(ByteBuf out) {
    end(out, begin(out, '3'));
  }

  public static void noData(ByteBuf out) {
    end(out, begin(out, 'n'));
  }

  public static void portalSuspended(ByteBuf out) {
    end(out, begin(out, 's'));
  }

  public static void parameterDescription(ByteBuf out, List<Integer> typeOids) {
    int start = begin(out, 't');
    out.writeShort(typeOids.size());
    for (int oid : typeOids) {
      out.writeInt(oid);
    }
    end(out, start);
  }

  public static void errorResponse(ByteBuf out, ErrorFields fields) {
    writeErrorOrNotice(out, 'E', fields);
  }

  public static void noticeResponse(ByteBuf out, ErrorFields fields) {
    writeErrorOrNotice(out, 'N', fields);
  }

  /** CopyOutResponse ('H') or CopyInResponse ('G'), all columns in the overall format. */
  public static void copyResponse(ByteBuf out, char type, int format, int columnCount) {
    int start = begin(out, type);
    out.writeByte(format);
    out.writeShort(columnCount);
    for (int i = 0; i < columnCount; i++) {
      out.writeShort(format);
    }
    end(out, start);
  }

  public static void copyDone(ByteBuf out) {
    end(out, begin(out, 'c'));
  }

  private static void writeErrorOrNotice(ByteBuf out, char type, ErrorFields fields) {
    int start = begin(out, type);
    writeField(out, 'S', fields.severity());
    writeField(out, 'V', fields.severity());
    writeField(out, 'C', fields.sqlState());
    writeField(out, 'M', fields.message());
    writeField(out, 'D', fields.detail());
    writeField(out, 'H', fields.hint());
    if (fields.position() > 0) {
      writeField(out, 'P', Integer.toString(fields.position()));
    }
    if (fields.subject() != null) {
      // PostgreSQL's order: schema, table, column, data type, constraint.
      writeField(out, 's', fields.subject().schema());
      writeField(out, 't', fields.subject().table());
      writeField(out, 'c', fields.subject().column());
      writeField(out, 'd', fields.subject().dataType());
      writeField(out, 'n', fields.subject().constraint());
    }
    out.writeByte(0);
    end(out, start);
  }

  private static void writeField(ByteBuf out, char code, String value) {
    if (value != null) {
      out.writeByte(code);
      writeCString(out, value);
    }
  }

  public static void writeCString(ByteBuf out, String value) {
    // PostgreSQL strings cannot contain NUL; drop any rather than corrupt the frame.
    out.writeCharSequence(value.indexOf('\0') >= 0 ? value.replace("\0", "") : value, StandardCharsets.UTF_8);
    out.writeByte(0);
  }

  private static int begin(ByteBuf out, char type) {
    out.writeByte(type);
    int start = out.writerIndex();
    out.writeInt(0);
    return start;
  }

  private static void end(ByteBuf out, int start) {
    out.setInt(start, out.writerIndex() - start);
  }
}
