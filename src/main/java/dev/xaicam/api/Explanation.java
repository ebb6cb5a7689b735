package dev.xaicam.api;

import java.util.List;

/**
 * What {@link XaiCam#explain} found for one image: the network's class probabilities and a map per
 * (target class, method), targets outermost, methods in the order given.
 */
public final class Explanation {
  /** The layer the maps were taken at. */
  private final String layer;
  /** Softmax probability per class. */
  private final float[] probabilities;
  /** Every class, most probable first, ranked as the command line's report ranks them. */
  private final List<ClassProbability> ranked;
  /** The classes explained, in order. */
  private final List<ClassProbability> targets;
  /** The maps, targets outermost. */
  private final List<CamMap> maps;

  Explanation(String layer, float[] probabilities, List<ClassProbability> ranked, List<ClassProbability> targets,
      List<CamMap> maps) {
    this.layer = layer;
    this.probabilities = probabilities.clone();
    this.ranked = List.copyOf(ranked);
    this.targets = List.copyOf(targets);
    this.maps = List.copyOf(maps);
  }

  /** The layer the maps were taken at ({@code block5_conv3} for VGG16 by default). */
  public String layer() {
    return layer;
  }

  /** A copy of the softmax probability of every class, by class index. */
  public float[] probabilities() {
    return probabilities.clone();
  }

  /** The {@code k} most probable classes (fewer if the model has fewer), most probable first. */
  public List<ClassProbability> topClasses(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    return ranked.subList(0, Math.min(k, ranked.size()));
  }

  /** The classes explained: the explicit classes asked for, or the top prediction(s). */
  public List<ClassProbability> targets() {
    return targets;
  }

  /** Every map, targets outermost, then methods in the order given. */
  public List<CamMap> maps() {
    return maps;
  }

  /** The map of {@code method} for the first target (the top class unless classes were given). */
  public float[][] map(String method) {
    return map(method, targets.get(0).index());
  }

  /** The map of {@code method} for class {@code classIndex}; an exception lists what was computed otherwise. */
  public float[][] map(String method, int classIndex) {
    for (CamMap map : maps) {
      if (map.method().equals(method) && map.target().index() == classIndex) {
        return map.values();
      }
    }
    throw new IllegalArgumentException("no map of " + method + " for class " + classIndex + "; computed: "
        + maps.stream().map(m -> m.method() + " for class " + m.target().index()).toList());
  }
}
