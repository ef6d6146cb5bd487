package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The session's way out to the socket. Messages accumulate in one buffer that is handed to Netty
 * when it is large enough or when a reply is complete; when the socket cannot take more (the channel
 * is not writable) the session thread waits, so a slow client stalls only its own query and no
 * result piles up in memory.
 */
public final class BackendOutput {
  private static final int FLUSH_THRESHOLD_BYTES = 64 * 1024;

  private final Channel channel;
  private java.util.function.LongConsumer bytesWritten = bytes -> { };
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition writable = lock.newCondition();
  private ByteBuf buffer;
  private long flushes;

  public BackendOutput(Channel channel) {
    this.channel = requireNonNull(channel, "channel is null");
  }

  /**
   * The buffer to append messages to; owned by this object until flushed. A heap buffer: encoders
   * write many small pieces, which land in a Java array at the cost of an array copy, where a direct
   * buffer went through Netty's per-call off-heap path; Netty copies the whole buffer to the socket's
   * direct memory once, when it is written.
   */
  public ByteBuf buffer() {
    if (buffer == null) {
      buffer = channel.alloc().heapBuffer(FLUSH_THRESHOLD_BYTES + 8 * 1024);
    }
    return buffer;
  }

  /** Sends what is buffered if it is large, then waits while the client is not keeping up. */
  public void flushIfFull() {
    if (buffer != null && buffer.readableBytes() >= FLUSH_THRESHOLD_BYTES) {
      flush();
      awaitWritable();
    }
  }

  /** Hands everything buffered to the socket. */
  public void flush() {
    ByteBuf pending = buffer;
    buffer = null;
    flushes++;
    if (pending == null) {
      return;
    }
    if (!channel.isActive()) {
      pending.release();
      return;
    }
    bytesWritten.accept(pending.readableBytes());
    channel.writeAndFlush(pending, channel.voidPromise());
  }

  /** How many times what was buffered has been handed to the socket (the result cache's check that a response is whole). */
  public long flushes() {
    return flushes;
  }

  /** Where the byte counts of what is sent go (the gateway's metrics). */
  public void onBytesWritten(java.util.function.LongConsumer consumer) {
    this.bytesWritten = consumer;
  }

  /** Sends what is buffered and closes the connection once it is written. */
  public void flushAndClose() {
    ByteBuf pending = buffer;
    buffer = null;
    flushes++;
    if (pending == null || !channel.isActive()) {
      if (pending != null) {
        pending.release();
      }
      channel.close();
      return;
    }
    channel.writeAndFlush(pending).addListener(future -> channel.close());
  }

  /** Blocks the calling (session) thread until the socket drains below its low-water mark. */
  public void awaitWritable() {
    lock.lock();
    try {
      while (channel.isActive() && !channel.isWritable()) {
        writable.await(100, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Answers an SSLRequest with 'S' and puts TLS in front of everything else on the connection. The
   * handler is added once the 'S' has left (in the event loop, before the client's handshake can be
   * read), so the answer itself goes out in the clear as the protocol requires.
   */
  public void startTls(io.netty.handler.ssl.SslContext context) {
    flush();
    channel.eventLoop().execute(() -> channel.writeAndFlush(channel.alloc().buffer(1).writeByte('S')).addListener(future -> {
      if (future.isSuccess()) {
        channel.pipeline().addFirst("tls", context.newHandler(channel.alloc()));
      } else {
        channel.close();
      }
    }));
  }

  /** Called by Netty's event loop when writability changes or the channel closes. */
  public void signal() {
    lock.lock();
    try {
      writable.signalAll();
    } finally {
      lock.unlock();
    }
  }

  public boolean isOpen() {
    return channel.isActive();
  }

  /** Drops anything not yet sent. */
  public void discard() {
    if (buffer != null) {
      buffer.release();
      buffer = null;
      flushes++;
    }
  }
}
