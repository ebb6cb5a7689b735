package dev.xaicam.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * While open, turns the JVM's shutdown (Ctrl-C, SIGTERM) into a stop request and holds the exit
 * for up to a minute until the run has finished its image in flight and closed.
 */
final class StopOnSignal implements AutoCloseable {
  /** How long an exit waits for the run to wind down. */
  private static final long GRACE_SECONDS = 60;
  /** Counted down when the run is over. */
  private final CountDownLatch done = new CountDownLatch(1);
  /** The shutdown hook. */
  private final Thread hook;

  /** Installs a hook that calls {@code stop}, then waits for {@link #close()}. */
  StopOnSignal(Runnable stop) {
    hook = new Thread(() -> {
      stop.run();
      try {
        done.await(GRACE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "xai-cam-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Lets a waiting exit proceed and removes the hook. */
  @Override
  public void close() {
    done.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already exiting (Ctrl-C): the hook is running and will see 'done'.
    }
  }
}
