package io.analytics.gateway.server;

import io.analytics.catalog.config.GatewayConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.gateway.protocol.FrontendMessageDecoder;
import io.analytics.gateway.session.GatewayServices;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Where clients connect: the TCP port on Netty's event loops and the home's Unix-domain socket,
 * both feeding the same decoder and connection handler, whose sessions run on the worker threads
 * this class owns.
 */
final class ClientListeners {
  private final EventLoopGroup bossGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final EventLoopGroup ioGroup = new MultiThreadIoEventLoopGroup(0, NioIoHandler.newFactory());
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final ExecutorService workers = Executors.newCachedThreadPool(NamedThreads.daemons("session"));
  private Channel serverChannel;
  private LocalSocketListener localSocket;

  /** Binds the configured address and port and the home's socket; returns the bound TCP address. */
  InetSocketAddress listen(PlatformHome home, GatewayConfig gateway, GatewayServices services) throws InterruptedException {
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(bossGroup, ioGroup)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    channels.add(channel);
                    channel.pipeline().addLast("decoder", decoder(gateway)).addLast("connection", handler(services));
                  }
                });
    InetSocketAddress requested = new InetSocketAddress(gateway.listenAddress(), gateway.port());
    serverChannel = bind(bootstrap, requested);
    InetSocketAddress bound = (InetSocketAddress) serverChannel.localAddress();
    localSocket = LocalSocketListener.start(home, bound.getPort(),
        () -> new ChannelHandler[] {decoder(gateway), handler(services)});
    return bound;
  }

  private static FrontendMessageDecoder decoder(GatewayConfig gateway) {
    return new FrontendMessageDecoder(gateway.maxMessageBytes());
  }

  private ConnectionHandler handler(GatewayServices services) {
    return new ConnectionHandler(services, workers);
  }

  /** Binds, naming the address and port when it is taken (the OS says only "Address already in use"). */
  private static Channel bind(ServerBootstrap bootstrap, InetSocketAddress requested) throws InterruptedException {
    try {
      return bootstrap.bind(requested).sync().channel();
    } catch (Exception e) {
      if (e instanceof BindException || e.getCause() instanceof BindException) {
        throw new PlatformException(SqlState.CONNECTION_EXCEPTION, "cannot listen on " + requested.getHostString() + ":"
            + requested.getPort() + ": " + e.getMessage(), null,
            "another gateway or PostgreSQL may use port " + requested.getPort() + "; choose another with --port", 0, e);
      }
      throw e;
    }
  }

  /** Closes both listening sockets: no new connection is accepted; open ones go on. */
  void stopAccepting() {
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
    }
    if (localSocket != null) {
      localSocket.close();
    }
  }

  /** Closes every TCP connection still open and stops the session threads. */
  void closeConnections() {
    channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    workers.shutdown();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.shutdownNow();
  }

  /** Stops Netty's event loops, once no connection is left for them to serve. */
  void closeEventLoops() {
    bossGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    ioGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
