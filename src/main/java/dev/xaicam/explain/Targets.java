package dev.xaicam.explain;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Which classes an image's heatmaps explain: the classes given, or its top K predictions. */
public final class Targets {
  /** The explicit classes, or empty for the top predictions. */
  private final List<Integer> explicit;
  /** How many top predictions, when no class is given. */
  private final int topK;

  private Targets(List<Integer> explicit, int topK) {
    this.explicit = List.copyOf(explicit);
    this.topK = topK;
  }

  /** The same classes for every image. */
  public static Targets explicit(List<Integer> classes) {
    if (classes.isEmpty()) {
      throw new IllegalArgumentException("explicit targets need at least one class");
    }
    return new Targets(classes, 0);
  }

  /** Each image's {@code k} most probable classes. */
  public static Targets top(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("top-k needs k >= 1, got " + k);
    }
    return new Targets(List.of(), k);
  }

  /** The classes to explain for an image with these class probabilities. */
  public List<Integer> of(float[] probabilities) {
    return explicit.isEmpty() ? ranked(probabilities, topK) : explicit;
  }

  /** The {@code k} most probable classes, most probable first, the lower index first on ties. */
  public static List<Integer> ranked(float[] probabilities, int k) {
    return IntStream.range(0, probabilities.length)
        .boxed()
        .sorted(Comparator.<Integer>comparingDouble(c -> -probabilities[c]).thenComparingInt(c -> c))
        .limit(k)
        .toList();
  }
}
