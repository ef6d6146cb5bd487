package io.analytics.engine.warehouse;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import javax.net.SocketFactory;

/**
 * Lets pgjdbc talk over a Unix-domain socket ({@code socketFactory} names this class,
 * {@code socketFactoryArg} the socket's path): the JDK reaches such sockets only through
 * {@link SocketChannel}, so each socket handed to pgjdbc is a {@link Socket} over one, and the host
 * and port pgjdbc connects to are ignored.
 */
public final class UnixSocketFactory extends SocketFactory {
  private final Path path;

  /** @param path the socket file, e.g. HOME/run/.s.PGSQL.5433 (pgjdbc passes socketFactoryArg) */
  public UnixSocketFactory(String path) {
    this.path = Path.of(requireNonNull(path, "path is null"));
  }

  @Override
  public Socket createSocket() {
    return new UnixSocket(path);
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected();
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return connected();
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected();
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
    return connected();
  }

  private Socket connected() throws IOException {
    UnixSocket socket = new UnixSocket(path);
    socket.connect(null, 0);
    return socket;
  }

  /** A connected Unix-domain socket channel dressed as a Socket; TCP options are accepted and ignored. */
  private static final class UnixSocket extends Socket {
    private final Path path;
    private SocketChannel channel;
    private InputStream in;
    private OutputStream out;
    private boolean closed;

    UnixSocket(Path path) {
      this.path = path;
    }

    @Override
    public void connect(SocketAddress ignored, int timeout) throws IOException {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.connect(UnixDomainSocketAddress.of(path));
      in = Channels.newInputStream(channel);
      out = Channels.newOutputStream(channel);
    }

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
      connect(endpoint, 0);
    }

    @Override
    public InputStream getInputStream() {
      return in;
    }

    @Override
    public OutputStream getOutputStream() {
      return out;
    }

    @Override
    public boolean isConnected() {
      return channel != null && channel.isConnected();
    }

    @Override
    public boolean isClosed() {
      return closed;
    }

    @Override
    public synchronized void close() throws IOException {
      closed = true;
      if (channel != null) {
        channel.close();
      }
    }

    @Override
    public void setTcpNoDelay(boolean on) {}

    @Override
    public void setKeepAlive(boolean on) {}

    @Override
    public void setSoTimeout(int timeout) {}

    @Override
    public int getSoTimeout() {
      return 0;
    }

    @Override
    public void setReceiveBufferSize(int size) {}

    @Override
    public void setSendBufferSize(int size) {}

    @Override
    public void shutdownInput() throws IOException {
      channel.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
      channel.shutdownOutput();
    }
  }
}
