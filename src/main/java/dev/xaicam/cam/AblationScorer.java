package dev.xaicam.cam;

/**
 * Ablation-CAM's forward passes for one image and one target class: the target layer's
 * activations A with one channel set to zero run through the layers above the target (the layers
 * below are not rerun), and the target class's score (logit, as {@link LayerSignal#targetLogit()})
 * comes back.
 *
 * <p>Implementations batch internally; callers hand over at most {@link #batchSize()} channels
 * at a time so memory stays bounded however many channels the layer has.
 */
public interface AblationScorer {

  /** How many channels one call should carry at most. */
  int batchSize();

  /**
   * Target-class scores, one per channel: element i is the score with channel {@code channels[i]}
   * of A (alone) set to zero.
   *
   * @param channels channel indices, each in [0, C)
   */
  double[] scores(int[] channels);
}
