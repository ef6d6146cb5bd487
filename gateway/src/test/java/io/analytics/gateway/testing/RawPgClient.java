package io.analytics.gateway.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw protocol bytes over a socket, for the tests that must send what no real client sends
 * (garbage, truncated frames, protocol 3.2) or must stop reading on purpose.
 */
public final class RawPgClient implements AutoCloseable {
  /** One backend message: type byte and body. */
  public record Message(char type, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final Socket socket;
  private final DataOutputStream out;
  private final DataInputStream in;

  public RawPgClient(String host, int port) throws IOException {
    socket = new Socket(host, port);
    socket.setSoTimeout(10_000);
    out = new DataOutputStream(socket.getOutputStream());
    in = new DataInputStream(socket.getInputStream());
  }

  public void sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  public void sendStartup(int protocolVersion, String... keyValues) throws IOException {
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    for (String item : keyValues) {
      body.writeBytes(item.getBytes(StandardCharsets.UTF_8));
      body.write(0);
    }
    body.write(0);
    out.writeInt(8 + body.size());
    out.writeInt(protocolVersion);
    out.write(body.toByteArray());
    out.flush();
  }

  public void sendQuery(String sql) throws IOException {
    byte[] text = sql.getBytes(StandardCharsets.UTF_8);
    out.writeByte('Q');
    out.writeInt(4 + text.length + 1);
    out.write(text);
    out.writeByte(0);
    out.flush();
  }

  /** Parse and Bind of an unnamed statement without parameters into the unnamed portal. */
  public void sendParseAndBind(String sql) throws IOException {
    byte[] text = sql.getBytes(StandardCharsets.UTF_8);
    out.writeByte('P');
    out.writeInt(4 + 1 + text.length + 1 + 2);
    out.writeByte(0);
    out.write(text);
    out.writeByte(0);
    out.writeShort(0);
    out.writeByte('B');
    out.writeInt(4 + 1 + 1 + 2 + 2 + 2);
    out.writeByte(0);
    out.writeByte(0);
    out.writeShort(0);
    out.writeShort(0);
    out.writeShort(0);
    out.flush();
  }

  /** Execute of the unnamed portal, at most {@code maxRows} rows (0: all), followed by Flush or Sync. */
  public void sendExecute(int maxRows, boolean sync) throws IOException {
    out.writeByte('E');
    out.writeInt(4 + 1 + 4);
    out.writeByte(0);
    out.writeInt(maxRows);
    out.writeByte(sync ? 'S' : 'H');
    out.writeInt(4);
    out.flush();
  }

  /** Reads up to a ReadyForQuery or PortalSuspended, keeping every message but DataRows, which are only counted. */
  public List<Message> readSkippingRows() throws IOException {
    List<Message> messages = new ArrayList<>();
    Message message;
    while ((message = read()) != null) {
      if (message.type() != 'D') {
        messages.add(message);
      }
      if (message.type() == 'Z' || message.type() == 's') {
        break;
      }
    }
    return messages;
  }

  /** Reads the next backend message, or null at end of stream. */
  public Message read() throws IOException {
    int type;
    try {
      type = in.read();
    } catch (SocketTimeoutException e) {
      throw e;
    }
    if (type < 0) {
      return null;
    }
    int length = in.readInt();
    byte[] body = new byte[length - 4];
    in.readFully(body);
    return new Message((char) type, body);
  }

  /** Reads messages up to and including ReadyForQuery (or until the server closes). */
  public List<Message> readUntilReady() throws IOException {
    List<Message> messages = new ArrayList<>();
    try {
      Message message;
      while ((message = read()) != null) {
        messages.add(message);
        if (message.type() == 'Z') {
          break;
        }
      }
    } catch (EOFException e) {
      // server closed mid-message
    }
    return messages;
  }

  /** Reads until the server closes the connection; returns what it sent. */
  public List<Message> readUntilClosed() throws IOException {
    List<Message> messages = new ArrayList<>();
    try {
      Message message;
      while ((message = read()) != null) {
        messages.add(message);
      }
    } catch (EOFException | java.net.SocketException e) {
      // closed
    }
    return messages;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
