package io.analytics.gateway.server;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.home.PlatformHome;
import io.analytics.gateway.auth.LocalPeer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.util.AttributeKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the wire protocol on a Unix-domain socket in the home, {@code HOME/run/.s.PGSQL.PORT},
 * named as PostgreSQL names its own so that {@code psql -h HOME/run -p PORT} finds it. Each
 * connection learns its peer's uid from the kernel (Netty's epoll transport on Linux, kqueue on
 * macOS; see {@link DomainSocketTransport}); the home's owner needs no password (see {@link
 * LocalPeer}). Where neither exists the gateway serves TCP only, and says so at startup.
 */
final class LocalSocketListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalSocketListener.class);
  static final AttributeKey<LocalPeer> PEER = AttributeKey.valueOf("analytics.localPeer");

  private final EventLoopGroup group;
  private final Channel serverChannel;
  private final Path socket;

  private LocalSocketListener(EventLoopGroup group, Channel serverChannel, Path socket) {
    this.group = requireNonNull(group, "group is null");
    this.serverChannel = requireNonNull(serverChannel, "serverChannel is null");
    this.socket = requireNonNull(socket, "socket is null");
  }

  /** The socket's path for a gateway of {@code home} on {@code port}. */
  static Path socketPath(PlatformHome home, int port) {
    return home.root().resolve("run").resolve(".s.PGSQL." + port);
  }

  /**
   * Binds the socket (a file left by a gateway that died is replaced: this process holds the
   * home's lock); returns null where no transport gives peer credentials, saying so in the log.
   */
  static LocalSocketListener start(PlatformHome home, int port, Supplier<ChannelHandler[]> pipeline) throws InterruptedException {
    java.util.Optional<DomainSocketTransport> available = DomainSocketTransport.available();
    if (available.isEmpty()) {
      LOG.warn("no Unix-domain socket on this OS ({} {}): every login, the home owner's CLI included, goes over TCP "
          + "and needs a password once users exist (set ANALYTICS_USER and ANALYTICS_PASSWORD for the CLI). "
          + "Netty's transports are not available: {}", System.getProperty("os.name"), System.getProperty("os.arch"),
          DomainSocketTransport.whyNone());
      return null;
    }
    DomainSocketTransport transport = available.get();
    Path socket = socketPath(home, port);
    long ownerUid;
    try {
      Files.createDirectories(socket.getParent());
      Files.deleteIfExists(socket);
      ownerUid = ((Number) Files.getAttribute(home.root(), "unix:uid")).longValue();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot prepare the socket " + socket + ": " + e.getMessage(), e);
    }
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, transport.ioHandler());
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(group)
        .channel(transport.serverChannel())
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel channel) throws IOException {
            channel.attr(PEER).set(new LocalPeer(true, DomainSocketTransport.peerUid(channel) == ownerUid));
            channel.pipeline().addLast(pipeline.get());
          }
        });
    try {
      Channel channel = bootstrap.bind(new DomainSocketAddress(socket.toFile())).sync().channel();
      LOG.info("listening on Unix-domain socket {} ({}; its owner's OS user logs in without a password)", socket,
          transport.name());
      return new LocalSocketListener(group, channel, socket);
    } catch (RuntimeException | InterruptedException e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw e;
    }
  }

  @Override
  public void close() {
    serverChannel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    try {
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      LOG.warn("cannot remove the socket {}: {}", socket, e.getMessage());
    }
  }
}
