package dev.xaicam.explain;

import dev.xaicam.output.ImageReport;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs an {@link Explainer} over many images: decoding runs ahead on worker threads while the
 * network works on batches (always padded to the full size), reports come out in input order,
 * and a stop request (Ctrl-C) ends the run between images without leaving a partial file.
 */
public final class BatchRun {
  private final Explainer explainer;
  private final List<ImageInput> inputs;
  private final Options options;
  private final Listener listener;
  private volatile boolean stopRequested;
  /** Images explained so far. */
  private int ok;
  /** Images failed so far. */
  private int failed;
  /** Whether a failure under {@code --fail-fast} has ended the run. */
  private boolean failedFast;

  /**
   * How the run behaves.
   *
   * @param batchSize images per forward pass
   * @param skipExisting skip images whose outputs are all present (resume)
   * @param failFast stop at the first failed image
   * @param decodeThreads worker threads decoding ahead of the network
   */
  public record Options(int batchSize, boolean skipExisting, boolean failFast, int decodeThreads) {
    /** Checks the counts. */
    public Options {
      if (batchSize < 1 || batchSize > ExplainSettings.MAX_BATCH_SIZE) {
        throw new IllegalArgumentException(
            "batch size must be in [1, " + ExplainSettings.MAX_BATCH_SIZE + "], got " + batchSize);
      }
      if (decodeThreads < 1) {
        throw new IllegalArgumentException("decode threads must be >= 1, got " + decodeThreads);
      }
    }
  }

  /** Receives each image's report as soon as it and every earlier image are done. */
  public interface Listener {
    /** Called once per input, in input order. */
    void finished(ImageReport report);
  }

  /**
   * How the run ended.
   *
   * @param ok images explained
   * @param skipped images skipped because their outputs existed
   * @param failed images that failed
   * @param millis wall-clock time of the run
   * @param interrupted whether a stop request ended the run early
   * @param stoppedAtFailure whether {@code --fail-fast} ended the run early
   */
  public record Summary(int ok, int skipped, int failed, long millis, boolean interrupted, boolean stoppedAtFailure) {
    /** This summary with {@code more} failures that happened outside the run (folders that could not be listed). */
    public Summary withFailed(int more) {
      return new Summary(ok, skipped, failed + more, millis, interrupted, stoppedAtFailure);
    }
  }

  /** Prepares a run; nothing happens until {@link #run()}, which is called once. */
  public BatchRun(Explainer explainer, List<ImageInput> inputs, Options options, Listener listener) {
    this.explainer = explainer;
    this.inputs = List.copyOf(inputs);
    this.options = options;
    this.listener = listener;
  }

  /** Processes every input (or until stopped) and says how it went. */
  public Summary run() {
    long start = System.nanoTime();
    int skipped = 0;
    ExecutorService decoders = Executors.newFixedThreadPool(options.decodeThreads(), runnable -> {
      Thread t = new Thread(runnable, "xai-cam-decode");
      t.setDaemon(true);
      return t;
    });
    try {
      Deque<Pending> pending = new ArrayDeque<>();
      int next = 0;
      // Images queued ahead, at most two batches; their pixels are held only within the
      // Explainer's memory budget, so a queue of huge images costs decoding again, not the heap.
      int lookahead = 2 * options.batchSize();
      while ((next < inputs.size() || !pending.isEmpty()) && !stopRequested && !failedFast) {
        while (next < inputs.size() && pending.size() < lookahead) {
          ImageInput input = inputs.get(next++);
          if (options.skipExisting() && explainer.layout().complete(input.outputBase())) {
            pending.add(new Pending(input, null));
          } else {
            pending.add(new Pending(input, decoders.submit(() -> explainer.prepare(input))));
          }
        }
        // Skipped images ahead of the batch are reported at once, keeping input order.
        while (!pending.isEmpty() && pending.peek().work() == null) {
          listener.finished(ImageReport.skipped(pending.poll().input().source()));
          skipped++;
        }
        List<Prepared> batch = new ArrayList<>();
        while (!pending.isEmpty() && pending.peek().work() != null && batch.size() < options.batchSize()) {
          batch.add(await(pending.poll()));
        }
        if (batch.isEmpty() || stopRequested) {
          continue;
        }
        // --fail-fast ends the batch at its first failure: the images after it are not explained.
        explainer.explainPrepared(batch, () -> stopRequested || failedFast, this::finished);
      }
    } finally {
      decoders.shutdownNow();
    }
    return new Summary(ok, skipped, failed, (System.nanoTime() - start) / 1_000_000, stopRequested, failedFast);
  }

  /** Passes one explained (or failed) image's report on and counts it. */
  private void finished(ImageReport report) {
    listener.finished(report);
    if (report.status() == ImageReport.Status.ERROR) {
      failed++;
      failedFast |= options.failFast();
    } else {
      ok++;
    }
  }

  /** Asks the run to stop after the image in flight; safe from any thread (a shutdown hook). */
  public void requestStop() {
    stopRequested = true;
  }

  private static Prepared await(Pending pending) {
    try {
      return pending.work().get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String reason = cause == null ? e.toString() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
      return Prepared.failed(pending.input(), pending.input().source() + ": " + reason, 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Prepared.failed(pending.input(), pending.input().source() + ": interrupted", 0);
    }
  }

  /** An input waiting its turn: its decode in progress, or {@code null} work when it is skipped. */
  private record Pending(ImageInput input, Future<Prepared> work) {}
}
