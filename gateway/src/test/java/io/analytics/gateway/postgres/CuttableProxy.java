package io.analytics.gateway.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP forwarder between the gateway and a PostgreSQL server that the test can cut: {@link #cut()}
 * resets every connection open through it at once (as a network failure would: no goodbye on
 * either side), and {@link #cutAfterBytes} does so in the middle of a transfer, once a connection
 * has carried that many bytes from the server. New connections go through again afterwards.
 */
final class CuttableProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final String targetHost;
  private final int targetPort;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicLong cutAfter = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong cuts = new AtomicLong();

  CuttableProxy(String targetHost, int targetPort) throws IOException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::acceptLoop, "proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** How many times connections were cut. */
  long cuts() {
    return cuts.get();
  }

  /** Resets every connection open now. */
  void cut() {
    cuts.incrementAndGet();
    for (Socket socket : open) {
      reset(socket);
    }
  }

  /** Cuts everything once some connection has carried {@code bytes} more from the server (armed once). */
  void cutAfterBytes(long bytes) {
    cutAfter.set(bytes);
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(targetHost, targetPort);
        open.add(client);
        open.add(server);
        pump(client, server, false);
        pump(server, client, true);
      } catch (IOException e) {
        // Closed, or the server refused: the client sees its connection end.
      }
    }
  }

  private void pump(Socket from, Socket to, boolean fromServer) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[8192];
      long carried = 0;
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int read;
        while ((read = in.read(buffer)) >= 0) {
          out.write(buffer, 0, read);
          carried += read;
          if (fromServer && carried >= cutAfter.get()) {
            cutAfter.set(Long.MAX_VALUE);
            cut();
            return;
          }
        }
      } catch (IOException e) {
        // Cut, or the other side went away.
      } finally {
        reset(from);
        reset(to);
      }
    }, "proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private void reset(Socket socket) {
    open.remove(socket);
    try {
      socket.setSoLinger(true, 0); // RST, not FIN: a cut cable, not a polite close
      socket.close();
    } catch (SocketException e) {
      // Already closed.
    } catch (IOException e) {
      // Already closed.
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    cut();
  }
}
