package dev.xaicam.spark;

import dev.xaicam.explain.Explainer;
import dev.xaicam.models.DownloadListener;
import dev.xaicam.models.ModelCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One loaded network per executor JVM and job configuration, made by the first task that needs
 * it and shared by every later task and every core: loading VGG16 costs seconds and 0.5 GB of
 * native memory, far too much per partition. Tasks decode and write in parallel but take turns
 * on the network ({@code synchronized} on the {@link Explainer}): the engine runs one batch at a
 * time, and TensorFlow spreads each operation over every core of the executor anyway.
 */
final class ExplainerHolder {
  /** The loaded explainers, by job arguments and output. */
  private static final Map<Key, Explainer> EXPLAINERS = new HashMap<>();

  private ExplainerHolder() {}

  /** What makes two jobs' explainers interchangeable: the same arguments into the same output. */
  private record Key(List<String> args, HadoopStore store) {}

  /** The explainer of the job run with {@code args} writing into {@code store}, loaded on first call. */
  static synchronized Explainer get(List<String> args, HadoopStore store) {
    return EXPLAINERS.computeIfAbsent(new Key(List.copyOf(args), store), key -> Explainer.open(
        JobOptions.parse(key.args().toArray(String[]::new)).settings(),
        ModelCatalog.builtIn(DownloadListener.SILENT), store));
  }
}
