package dev.xaicam.cam;

import dev.xaicam.EditDistance;
import dev.xaicam.XaiCamException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** The registry of CAM methods by command-line name; adding a method is one line here. */
public final class CamMethods {

  /** Canonical names in registration order, as listed to users. */
  private static final List<String> NAMES = new ArrayList<>();
  /** Factories by canonical name and by alias. */
  private static final Map<String, Function<CamOptions, CamMethod>> FACTORIES =
      new LinkedHashMap<>();
  /** The canonical name behind every name and alias. */
  private static final Map<String, String> CANONICAL = new LinkedHashMap<>();

  static {
    register(options -> new GradCam(), "gradcam");
    register(options -> new GradCamPlusPlus(), "gradcam++", "gradcampp");
    register(options -> new ScoreCam(options.scoreCamStats()), "scorecam");
    register(o -> new FasterScoreCam(o.maxN(), o.scoreCamStats()), "faster-scorecam");
    register(options -> new LayerCam(), "layercam");
    register(options -> new XGradCam(), "xgradcam");
    register(options -> new HiResCam(), "hirescam");
    register(options -> new GradCamElementwise(), "gradcam-elementwise");
    register(options -> new EigenGradCam(), "eigengradcam");
    register(options -> new EigenCam(), "eigencam");
    register(options -> new AblationCam(), "ablationcam");
    register(options -> new Saliency(), "saliency");
    register(o -> new SmoothGrad(o.smoothSamples(), o.smoothNoise(), o.seed()), "smoothgrad");
    register(options -> new GuidedGradCam(), "guided-gradcam");
  }

  /** Not instantiable: static registry. */
  private CamMethods() {}

  /** Registers a factory under its canonical name (first) and any aliases. */
  private static void register(
      Function<CamOptions, CamMethod> factory, String name, String... aliases) {
    NAMES.add(name);
    FACTORIES.put(name, factory);
    CANONICAL.put(name, name);
    for (String alias : aliases) {
      FACTORIES.put(alias, factory);
      CANONICAL.put(alias, name);
    }
  }

  /**
   * The method with the given name or alias (case-insensitive).
   *
   * @throws XaiCamException (usage) for an unknown name, listing the known ones
   */
  public static CamMethod create(String name, CamOptions options) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(options, "options");
    String key = name.trim().toLowerCase(Locale.ROOT);
    Function<CamOptions, CamMethod> factory = FACTORIES.get(key);
    if (factory == null) {
      String message = "unknown method '" + name + "'; known: " + String.join(", ", NAMES);
      String closest = closest(key);
      throw XaiCamException.usage(
          closest == null ? message : message + "; did you mean '" + closest + "'?");
    }
    return factory.apply(options);
  }

  /** The canonical method names, in the order users see them. */
  public static List<String> names() {
    return List.copyOf(NAMES);
  }

  /** Each method's one-line description by canonical name, in the order users see them. */
  public static Map<String, String> descriptions() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : NAMES) {
      out.put(name, FACTORIES.get(name).apply(CamOptions.defaults()).description());
    }
    return out;
  }

  /** The canonical name of the nearest name or alias, or null when none is plausibly meant. */
  static String closest(String key) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : CANONICAL.keySet()) {
      int distance = EditDistance.between(key, candidate);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = candidate;
      }
    }
    int tolerance = Math.max(2, key.length() / 3);
    return bestDistance <= tolerance ? CANONICAL.get(best) : null;
  }
}
