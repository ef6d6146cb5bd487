package io.analytics.gateway.session;

import io.analytics.gateway.types.ColumnWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Result batches encoded on worker threads while the session thread reads the next batch from
 * DuckDB: each batch is detached from the stream (its Arrow buffers handed over, not copied), encoded
 * into a buffer of its own, and its bytes appended to the session's output in the order the batches
 * were read. At most {@link #MAX_IN_FLIGHT} batches are ahead of the output, so Arrow memory stays
 * bounded and a slow client still holds back the reading (the output waits while the socket is full).
 */
final class EncodedBatches implements AutoCloseable {
  /** Batches read ahead of the output: enough to keep both cores busy, few enough to bound memory. */
  static final int MAX_IN_FLIGHT = 3;
  /** A smaller batch is encoded in place: handing it over would cost more than encoding it. */
  static final int MIN_ROWS = 512;

  /** Encodes every row of a detached batch, through writers bound to it, into {@code out}. */
  @FunctionalInterface
  interface BatchEncoder {
    void encode(ColumnWriter[] writers, int rows, ByteBuf out);
  }

  private final ArrayDeque<FutureTask<ByteBuf>> inFlight = new ArrayDeque<>();
  /**
   * Buffers whose bytes were written, for the next batches: plain heap buffers of this result's own,
   * so encoders write into one buffer class (never one the pooled allocator sometimes wraps to track leaks).
   */
  private final ConcurrentLinkedQueue<ByteBuf> spare = new ConcurrentLinkedQueue<>();
  /** The size of the last batch's bytes: the next buffer starts that large, so it rarely grows. */
  private volatile int sizeHint = 64 * 1024;

  /** Whether batches can be encoded elsewhere: a second core, and no dictionary the stream replaces batch by batch. */
  static boolean worthwhile(VectorSchemaRoot batch) {
    if (Workers.COUNT < 2) {
      return false;
    }
    for (FieldVector vector : batch.getFieldVectors()) {
      if (vector.getField().getDictionary() != null) {
        return false;
      }
    }
    return true;
  }

  /**
   * Takes the batch's buffers into a root of its own (the stream's root is left empty, ready for
   * the next batch) and queues its encoding; the caller writes the oldest first when {@link #isFull()}.
   */
  void submit(VectorSchemaRoot batch, Function<VectorSchemaRoot, ColumnWriter[]> binder, BatchEncoder encoder) {
    VectorSchemaRoot detached = detach(batch);
    FutureTask<ByteBuf> task = new FutureTask<>(() -> encode(detached, binder, encoder));
    inFlight.add(task);
    Workers.POOL.execute(task);
  }

  boolean isFull() {
    return inFlight.size() >= MAX_IN_FLIGHT;
  }

  /** Appends every queued batch's bytes to the output, oldest first. */
  void writeAll(BackendOutput output) {
    while (!inFlight.isEmpty()) {
      writeOldest(output);
    }
  }

  /** Appends the oldest batch's bytes to the output (encoding it here if no worker has begun it), then lets the output flush and wait. */
  void writeOldest(BackendOutput output) {
    ByteBuf bytes = result(inFlight.poll());
    try {
      output.buffer().writeBytes(bytes);
    } finally {
      spare.add(bytes.clear());
    }
    output.flushIfFull();
  }

  /** Waits for batches still being encoded and drops their bytes (the statement failed or the client left). */
  @Override
  public void close() {
    while (!inFlight.isEmpty()) {
      try {
        result(inFlight.poll()).release();
      } catch (RuntimeException | Error e) {
        // Already failing: the first error is the one the client hears; this batch's buffers are closed.
      }
    }
    for (ByteBuf buffer = spare.poll(); buffer != null; buffer = spare.poll()) {
      buffer.release();
    }
  }

  private ByteBuf encode(VectorSchemaRoot detached, Function<VectorSchemaRoot, ColumnWriter[]> binder, BatchEncoder encoder) {
    try (detached) {
      ByteBuf reused = spare.poll();
      ByteBuf out = reused != null ? reused : Unpooled.buffer(sizeHint);
      try {
        encoder.encode(binder.apply(detached), detached.getRowCount(), out);
        sizeHint = out.readableBytes() + out.readableBytes() / 8;
        return out;
      } catch (RuntimeException | Error e) {
        out.release();
        throw e;
      }
    }
  }

  /** The task's bytes; runs the task on this thread first when no worker has taken it yet (a no-op otherwise). */
  private static ByteBuf result(FutureTask<ByteBuf> task) {
    task.run();
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          // The batch's buffers are in the task's hands: wait for it to finish with them.
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static VectorSchemaRoot detach(VectorSchemaRoot batch) {
    List<FieldVector> vectors = new ArrayList<>();
    for (FieldVector vector : batch.getFieldVectors()) {
      TransferPair transfer = vector.getTransferPair(vector.getAllocator());
      transfer.transfer();
      vectors.add((FieldVector) transfer.getTo());
    }
    VectorSchemaRoot detached = new VectorSchemaRoot(vectors);
    detached.setRowCount(batch.getRowCount());
    return detached;
  }

  /**
   * The encoding threads every session shares, one per core, made on first use and never shut down
   * (daemon threads): a process-wide resource like Netty's event loops, sized to the machine.
   */
  private static final class Workers {
    static final int COUNT = Runtime.getRuntime().availableProcessors();
    static final ExecutorService POOL = Executors.newFixedThreadPool(COUNT, new ThreadFactory());

    private static final class ThreadFactory implements java.util.concurrent.ThreadFactory {
      private final AtomicInteger next = new AtomicInteger();

      @Override
      public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, "batch-encoder-" + next.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      }
    }
  }
}
