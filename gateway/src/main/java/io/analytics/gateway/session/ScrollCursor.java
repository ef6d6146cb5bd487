package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Consumer;

/**
 * A SCROLL cursor's rows, held as their DataRow messages (bounded by gateway.limits.queryMemory when
 * declared), and its position as PostgreSQL keeps it: 0 before the first row, 1..n on a row, n + 1
 * after the last. FETCH and MOVE in every direction move the position as PostgreSQL's do and say how
 * many rows they fetched or passed.
 */
final class ScrollCursor {
  private final List<byte[]> rows;
  private long position;

  ScrollCursor(List<byte[]> rows) {
    this.rows = List.copyOf(requireNonNull(rows, "rows is null"));
  }

  /**
   * Moves as the FETCH (or MOVE) says, giving each row it fetches to {@code send} in the order
   * fetched (MOVE sends nothing); returns the count for the command tag.
   */
  long fetch(SessionCommand.FetchDirection direction, long count, boolean move, Consumer<byte[]> send) {
    return switch (direction) {
      case FORWARD -> forward(count == 0 ? Long.MAX_VALUE : count, move, send);
      case BACKWARD -> backward(count == 0 ? Long.MAX_VALUE : count, move, send);
      case ABSOLUTE -> absolute(count, move, send);
      case RELATIVE -> relative(count, move, send);
    };
  }

  private long size() {
    return rows.size();
  }

  private long forward(long count, boolean move, Consumer<byte[]> send) {
    long fetched = 0;
    while (fetched < count && position < size()) {
      position++;
      fetched++;
      if (!move) {
        send.accept(rows.get((int) position - 1));
      }
    }
    if (fetched < count) {
      position = size() + 1;
    }
    return fetched;
  }

  private long backward(long count, boolean move, Consumer<byte[]> send) {
    long fetched = 0;
    while (fetched < count && position > 1) {
      position--;
      fetched++;
      if (!move) {
        send.accept(rows.get((int) position - 1));
      }
    }
    if (fetched < count) {
      position = 0;
    }
    return fetched;
  }

  /** ABSOLUTE n: the n-th row, counted from the end when negative; 0 or beyond the rows fetches none. */
  private long absolute(long row, boolean move, Consumer<byte[]> send) {
    long target = row >= 0 ? row : size() + 1 + row;
    return moveTo(target, move, send);
  }

  /** RELATIVE n: n rows on from the current one (0: the current row again). */
  private long relative(long offset, boolean move, Consumer<byte[]> send) {
    return moveTo(position + offset, move, send);
  }

  private long moveTo(long target, boolean move, Consumer<byte[]> send) {
    if (target <= 0) {
      position = 0;
      return 0;
    }
    if (target > size()) {
      position = size() + 1;
      return 0;
    }
    position = target;
    if (!move) {
      send.accept(rows.get((int) position - 1));
    }
    return 1;
  }
}
