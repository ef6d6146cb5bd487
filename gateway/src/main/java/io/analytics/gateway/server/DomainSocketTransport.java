package io.analytics.gateway.server;

import io.netty.channel.Channel;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.kqueue.KQueue;
import io.netty.channel.kqueue.KQueueDomainSocketChannel;
import io.netty.channel.kqueue.KQueueIoHandler;
import io.netty.channel.kqueue.KQueueServerDomainSocketChannel;
import java.io.IOException;
import java.util.Optional;

/**
 * The Netty transport that serves the home's Unix-domain socket with the peer's uid: epoll on Linux
 * (SO_PEERCRED), kqueue on macOS and the BSDs (LOCAL_PEERCRED / getpeereid); none elsewhere
 * (Windows), where the gateway serves TCP only and says so at startup.
 */
record DomainSocketTransport(String name, IoHandlerFactory ioHandler, Class<? extends ServerChannel> serverChannel) {
  /** The transport available here, or empty with {@link #whyNone()} saying why. */
  static Optional<DomainSocketTransport> available() {
    if (Epoll.isAvailable()) {
      return Optional.of(new DomainSocketTransport("epoll", EpollIoHandler.newFactory(), EpollServerDomainSocketChannel.class));
    }
    if (KQueue.isAvailable()) {
      return Optional.of(new DomainSocketTransport("kqueue", KQueueIoHandler.newFactory(), KQueueServerDomainSocketChannel.class));
    }
    return Optional.empty();
  }

  /** Why neither transport can be used here (their causes, for the startup log). */
  static String whyNone() {
    return "epoll: " + Epoll.unavailabilityCause() + "; kqueue: " + KQueue.unavailabilityCause();
  }

  /** The uid of the process at the other end of an accepted connection, as the kernel says. */
  static int peerUid(Channel channel) throws IOException {
    if (channel instanceof EpollDomainSocketChannel epoll) {
      return epoll.peerCredentials().uid();
    }
    if (channel instanceof KQueueDomainSocketChannel kqueue) {
      return kqueue.peerCredentials().uid();
    }
    throw new IOException("no peer credentials on a " + channel.getClass().getSimpleName());
  }
}
