package dev.xaicam.explain;

/**
 * A number of bytes that threads take and give back, so that what they hold together stays
 * under a limit: decoded pixels waiting for the network, or images being decoded.
 */
final class MemoryBudget {
  /** The most bytes held at once, unless one holder alone needs more. */
  private final long limit;
  /** Bytes held now. */
  private long held;

  /** A budget of {@code limit} bytes. */
  MemoryBudget(long limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("a memory budget needs at least one byte, got " + limit);
    }
    this.limit = limit;
  }

  /** The limit in bytes. */
  long limit() {
    return limit;
  }

  /**
   * Takes {@code bytes}, waiting until they fit; a request above the whole limit waits until
   * nothing else is held, then goes alone, so that every image is decoded in the end.
   */
  synchronized void take(long bytes) throws InterruptedException {
    while (held > 0 && held + bytes > limit) {
      wait();
    }
    held += bytes;
  }

  /** Takes {@code bytes} if they fit now without passing the limit; never waits. */
  synchronized boolean tryTake(long bytes) {
    if (held + bytes > limit) {
      return false;
    }
    held += bytes;
    return true;
  }

  /** Gives back {@code bytes} taken before. */
  synchronized void give(long bytes) {
    held -= bytes;
    notifyAll();
  }

  /** Bytes held now. */
  synchronized long held() {
    return held;
  }
}
