package dev.xaicam.cam;

import java.util.Set;

/**
 * One class-activation-map method: it supplies only its raw map; {@link CamComputation} applies
 * the steps every method shares (ReLU, upsampling, normalisation).
 *
 * <p>To add a method: write one small package-private class implementing this interface (or
 * extending {@link ChannelWeightedCam} when the map is a weighted sum of channels) and register it
 * with one line in {@link CamMethods}.
 */
public interface CamMethod {

  /** The method's canonical command-line name, e.g. {@code gradcam}. */
  String name();

  /** One line for help and reports: the method's paper, and anything a user must know. */
  String description();

  /** What {@link #rawMap} reads; the runner supplies exactly these in {@link CamInputs}. */
  Set<MethodNeed> needs();

  /** Whether {@link #needs()} holds the given need. */
  default boolean needs(MethodNeed need) {
    return needs().contains(need);
  }

  /**
   * Checks the method's options against the target layer before any image runs.
   *
   * @throws dev.xaicam.XaiCamException (usage) naming the option and its allowed range
   */
  default void checkOptions(int layerChannels, String layerName) {}

  /**
   * The method's map before ReLU, upsampling and normalisation.
   *
   * @param inputs for one image and one target class; carries at least every need in {@link
   *     #needs()} ({@link CamComputation#compute} checks)
   */
  RawMap rawMap(CamInputs inputs);
}
