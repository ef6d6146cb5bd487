package io.analytics.gateway.server;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.gateway.auth.LocalPeer;
import io.analytics.gateway.protocol.FrontendMessage;
import io.analytics.gateway.session.BackendOutput;
import io.analytics.gateway.session.Connection;
import io.analytics.gateway.session.GatewayServices;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty end of one connection: hands decoded messages to the connection's serial executor, in
 * order, and reports socket events. It never runs a query on the event loop (a repeated query answered
 * from the result cache is written from memory there, see {@link #answeredHere}). The messages of one
 * socket read (a driver's Bind, Execute and Sync arrive together) go over as one task, so the
 * session thread is woken once per round trip rather than once per message.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);

  private final GatewayServices services;
  private final Executor workers;
  private SerialExecutor serial;
  private BackendOutput output;
  private io.netty.channel.Channel channel;
  private Connection connection;
  /** Messages decoded in the current read, handed over when the read completes. */
  private List<FrontendMessage> received = new ArrayList<>();

  ConnectionHandler(GatewayServices services, Executor workers) {
    this.services = requireNonNull(services, "services is null");
    this.workers = requireNonNull(workers, "workers is null");
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    serial = new SerialExecutor(workers);
    channel = ctx.channel();
    output = new BackendOutput(ctx.channel());
    output.onBytesWritten(services.monitoring().metrics()::bytesSent);
    // A Unix-domain socket's peer is on this machine: loopback, as PostgreSQL's pg_hba "local" lines treat it.
    InetAddress address = ctx.channel().remoteAddress() instanceof InetSocketAddress inet
        ? inet.getAddress() : InetAddress.getLoopbackAddress();
    LocalPeer peer = ctx.channel().attr(LocalSocketListener.PEER).get();
    connection = new Connection(services, output, address, serial, peer == null ? LocalPeer.NONE : peer);
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    received.add((FrontendMessage) message);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    handOverReceived();
    ctx.fireChannelReadComplete();
  }

  private void handOverReceived() {
    if (received.isEmpty()) {
      return;
    }
    List<FrontendMessage> batch = received;
    received = new ArrayList<>();
    // Only while the socket takes more: the event loop never waits for a slow reader, the session thread does.
    if (batch.size() == 1 && batch.get(0) instanceof FrontendMessage.Query query && channel.isWritable() && answeredHere(query)) {
      return;
    }
    serial.execute(() -> {
      for (FrontendMessage message : batch) {
        connection.handle(message);
      }
    });
  }

  /**
   * A repeated query the session knows it may answer from the result cache is answered here, on the
   * event loop, when nothing else of the connection is queued or running: no hand-off to a session
   * thread and back (see Connection#answerFromMemory). Anything else goes to the serial executor.
   */
  private boolean answeredHere(FrontendMessage.Query query) {
    if (!serial.tryClaim()) {
      return false;
    }
    try {
      return connection.answerFromMemory(query);
    } finally {
      serial.release();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    output.signal();
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    handOverReceived();
    output.signal();
    connection.disconnected();
    serial.execute(connection::release);
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
    handOverReceived();
    if (root instanceof PlatformException protocolError) {
      LOG.info("closing connection from {}: {}", ctx.channel().remoteAddress(), protocolError.getMessage());
      serial.execute(() -> connection.protocolViolation(protocolError));
    } else if (root instanceof java.io.IOException) {
      LOG.debug("connection from {} failed: {}", ctx.channel().remoteAddress(), root.getMessage());
      ctx.close();
    } else if (cause instanceof DecoderException) {
      // A message the decoder could not read, whatever the reason: FATAL 08P01 before closing, as README promises.
      LOG.info("closing connection from {}: malformed message ({})", ctx.channel().remoteAddress(), root.toString());
      serial.execute(() -> connection.protocolViolation(new PlatformException(
          io.analytics.catalog.error.SqlState.PROTOCOL_VIOLATION, "invalid message format")));
    } else {
      LOG.warn("unexpected error on connection from {}", ctx.channel().remoteAddress(), root);
      ctx.close();
    }
  }
}
