package dev.xaicam.image;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import dev.xaicam.ToolHome;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Keeps what native decoders (libpng, libjpeg, libwebp, OpenCV) print on the process's standard
 * error out of the user's stderr, so a refused image costs exactly one line.
 *
 * <p>Native code writes to file descriptor 2 directly, which Java cannot intercept, so
 * {@link #install()} points descriptor 2 at a pipe and points {@code System.err} at a copy of the
 * original descriptor. A reader thread forwards every line written outside a capture to the
 * original stderr unchanged (TensorFlow's or the JVM's own messages are never lost); lines written
 * while {@link #capture} runs a decode are handed to that decode instead. Captures are serialised,
 * which costs nothing measurable: decoding is a small part of an image's time. Linux only; where
 * installing fails, nothing changes and captures return no lines.
 */
public final class NativeStderr {
  /** The C library calls needed; JNA binds them by name. */
  interface LibC extends Library {
    /** dup(2). */
    int dup(int fd);

    /** dup2(2). */
    int dup2(int oldFd, int newFd);

    /** pipe(2). */
    int pipe(int[] fds);

    /** write(2). */
    long write(int fd, byte[] buffer, long count);

    /** read(2). */
    long read(int fd, byte[] buffer, long count);

    /** close(2). */
    int close(int fd);
  }

  /** The installed redirection, or null before {@link #install()} or where it failed. */
  private static volatile NativeStderr installed;

  /** One capture at a time, so a line belongs to exactly one decode. */
  private final ReentrantLock captureLock = new ReentrantLock();
  /** Held while writing into the pipe and while closing it, so no write reaches a reused number. */
  private final Object pipeWriteLock = new Object();
  /** Guards the reader's state below. */
  private final Object monitor = new Object();
  /** The C library. */
  private final LibC libc;
  /** Descriptor of the original stderr. */
  private final int originalFd;
  /** Write end of the pipe now behind descriptor 2. */
  private final int pipeWriteFd;
  /**
   * Marks the end of a capture in the pipe; unique per process. Random without SecureRandom (a
   * UUID's), whose set-up would delay TensorFlow's load, which waits for this class.
   */
  private final String sentinel =
      "\u0000xai-cam-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
  /** The thread draining the pipe. */
  private final Thread reader;
  /** Set once at exit, when descriptor 2 is the original again and the pipe is closing. */
  private boolean closed;
  /** Lines of the capture in progress, or null when none runs. */
  private List<String> captured;
  /** Sentinels the reader has seen, so a capture knows its lines are all in. */
  private long sentinelsSeen;

  /** Redirects descriptor 2 through a pipe drained by a daemon thread. */
  private NativeStderr(LibC libc, int originalFd, int pipeReadFd, int pipeWriteFd) {
    this.libc = libc;
    this.originalFd = originalFd;
    this.pipeWriteFd = pipeWriteFd;
    reader = new Thread(() -> drain(pipeReadFd), "xai-cam-native-stderr");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Redirects native stderr as the class Javadoc says; call once at start-up, before anything
   * keeps a reference to {@code System.err}. Later calls do nothing.
   *
   * @return whether the redirection is in place
   */
  public static synchronized boolean install() {
    if (installed != null) {
      return true;
    }
    try {
      JnaBoot.prepare(ToolHome.current());
      // The file name, not "c": JNA would first try libc.so, which is a linker script on Debian,
      // and then run ldconfig -p in a child process to find the real one.
      LibC libc = Native.load(Platform.C_LIBRARY_NAME, LibC.class);
      int[] fds = new int[2];
      if (libc.pipe(fds) != 0) {
        return false;
      }
      int original = libc.dup(2);
      if (original < 0) {
        return false;
      }
      System.err.flush();
      NativeStderr redirect = new NativeStderr(libc, original, fds[0], fds[1]);
      System.setErr(new PrintStream(new FdOutputStream(libc, original), true,
          StandardCharsets.UTF_8));
      if (libc.dup2(fds[1], 2) < 0) {
        return false;
      }
      installed = redirect;
      Runtime.getRuntime().addShutdownHook(
          new Thread(redirect::close, "xai-cam-native-stderr-close"));
      return true;
    } catch (LinkageError | RuntimeException e) {
      // No JNA native support here (another OS, a locked-down JVM): decode without capturing.
      return false;
    }
  }

  /**
   * Runs {@code work} (a native decode) and collects what native code printed meanwhile.
   *
   * @param work the decode
   * @param printed receives the captured lines, in order; empty when nothing was printed or
   *     nothing is installed
   * @return what {@code work} returned
   */
  public static <T> T capture(Supplier<T> work, List<String> printed) {
    NativeStderr redirect = installed;
    return redirect == null ? work.get() : redirect.run(work, printed);
  }

  /** The capture itself, under the lock. */
  private <T> T run(Supplier<T> work, List<String> printed) {
    captureLock.lock();
    try {
      synchronized (monitor) {
        captured = new ArrayList<>();
      }
      try {
        return work.get();
      } finally {
        awaitPipeDrained();
        synchronized (monitor) {
          printed.addAll(captured);
          captured = null;
        }
      }
    } finally {
      captureLock.unlock();
    }
  }

  /**
   * At exit: points descriptor 2 back at the original stderr and closes the pipe, then waits (at
   * most 2 s) for the reader to route what was left and end. The reader must end, not merely be
   * idle: a thread blocked in read(2) is "in native", and the JVM's exit waits 0.3 s for such
   * threads before it gives up on them, a sixth of a one-image run.
   */
  private void close() {
    synchronized (pipeWriteLock) {
      synchronized (monitor) {
        if (closed) {
          return;
        }
        closed = true;
      }
      System.err.flush();
      libc.dup2(originalFd, 2);
      libc.close(pipeWriteFd);
    }
    try {
      reader.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Writes a sentinel into the pipe and waits (at most 2 s) until the reader has routed every
   * line before it, so a capture gets all of its decode's lines. Does nothing once {@link #close}
   * ran: the descriptor's number may belong to another file by then.
   */
  private void awaitPipeDrained() {
    long target;
    synchronized (pipeWriteLock) {
      synchronized (monitor) {
        if (closed) {
          return;
        }
        target = sentinelsSeen + 1;
      }
      byte[] mark = ("\n" + sentinel + "\n").getBytes(StandardCharsets.UTF_8);
      libc.write(pipeWriteFd, mark, mark.length);
    }
    synchronized (monitor) {
      long deadline = System.nanoTime() + 2_000_000_000L;
      while (sentinelsSeen < target && System.nanoTime() < deadline) {
        try {
          monitor.wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** The reader thread: splits the pipe into lines and routes each one. */
  private void drain(int fd) {
    byte[] buffer = new byte[8192];
    StringBuilder line = new StringBuilder();
    while (true) {
      long n = libc.read(fd, buffer, buffer.length);
      if (n <= 0) {
        return;
      }
      line.append(new String(buffer, 0, (int) n, StandardCharsets.UTF_8));
      int newline;
      while ((newline = line.indexOf("\n")) >= 0) {
        route(line.substring(0, newline));
        line.delete(0, newline + 1);
      }
    }
  }

  /** Hands one line to the running capture, marks a capture's end, or forwards it. */
  private void route(String text) {
    synchronized (monitor) {
      if (text.equals(sentinel)) {
        sentinelsSeen++;
        monitor.notifyAll();
        return;
      }
      if (captured != null) {
        if (!text.isBlank()) {
          captured.add(text.strip());
        }
        return;
      }
    }
    if (!text.isEmpty()) {
      byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
      libc.write(originalFd, bytes, bytes.length);
    }
  }

  /** Writes straight to a file descriptor, unbuffered (the PrintStream above buffers lines). */
  private static final class FdOutputStream extends OutputStream {
    /** The C library. */
    private final LibC libc;
    /** Target descriptor. */
    private final int fd;

    /** A stream onto {@code fd}. */
    FdOutputStream(LibC libc, int fd) {
      this.libc = libc;
      this.fd = fd;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      byte[] chunk = off == 0 && len == b.length ? b : java.util.Arrays.copyOfRange(b, off, off + len);
      int done = 0;
      while (done < len) {
        byte[] rest = done == 0 ? chunk : java.util.Arrays.copyOfRange(chunk, done, len);
        long n = libc.write(fd, rest, rest.length);
        if (n <= 0) {
          return;
        }
        done += (int) n;
      }
    }
  }
}
