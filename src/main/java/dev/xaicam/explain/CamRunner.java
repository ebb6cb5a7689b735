package dev.xaicam.explain;

import dev.xaicam.cam.CamComputation;
import dev.xaicam.cam.CamInputs;
import dev.xaicam.cam.MethodNeed;
import dev.xaicam.cam.CamMethod;
import dev.xaicam.cam.Heatmap;
import dev.xaicam.cam.LayerSignal;
import dev.xaicam.cam.MaskScorer;
import dev.xaicam.cam.RawMap;
import dev.xaicam.network.GraphPass;
import dev.xaicam.network.GraphNetwork;
import dev.xaicam.network.TargetNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The per-batch flow every caller runs (the explain command through {@link Explainer}, and
 * {@code xai-cam bench}): one forward pass for the batch, each image's targets, one backward pass
 * per target round if a method needs gradients, then every method's heatmap image by image.
 */
public final class CamRunner {
  /** The loaded network. */
  private final GraphNetwork network;
  /** The layer the maps are taken at. */
  private final TargetNode layer;
  /** The methods, in output order. */
  private final List<CamMethod> methods;
  /** Which classes each image explains. */
  private final Targets targets;
  /** Masked inputs per Score-CAM forward pass. */
  private final int maskBatchSize;
  /** Whether any method needs the backward pass. */
  private final boolean gradients;

  /**
   * A runner of {@code methods} at {@code layer} of {@code network}.
   *
   * @param maskBatchSize masked inputs per Score-CAM forward pass
   */
  public CamRunner(GraphNetwork network, TargetNode layer, List<CamMethod> methods, Targets targets, int maskBatchSize) {
    this.network = network;
    this.layer = layer;
    this.methods = List.copyOf(methods);
    this.targets = targets;
    this.maskBatchSize = maskBatchSize;
    this.gradients = this.methods.stream().anyMatch(m -> m.needs(MethodNeed.LAYER_GRADIENTS));
  }

  /**
   * One heatmap.
   *
   * @param method the method that made it
   * @param target the class it explains
   * @param heatmap the normalised map at network input size
   * @param raw the method's map before ReLU, upsampling and normalisation ({@code --raw})
   */
  public record Cam(CamMethod method, int target, Heatmap heatmap, RawMap raw) {}

  /**
   * One image's results.
   *
   * @param index the image's place in the batch
   * @param probabilities its class probabilities
   * @param targets the classes explained, in order
   * @param cams a heatmap per (target, method), targets outermost
   */
  public record ImageCams(int index, float[] probabilities, List<Integer> targets, List<Cam> cams) {}

  /**
   * Explains a batch of network inputs (NHWC, each the network's input size). Images are handed
   * to {@code sink} in order as each is done; once {@code stop} turns true no further image starts.
   */
  public void run(List<float[]> inputs, BooleanSupplier stop, Consumer<ImageCams> sink) {
    run(inputs, inputs.size(), stop, sink);
  }

  /**
   * As {@link #run(List, BooleanSupplier, Consumer)}, the network seeing at least {@code rows}
   * images: a smaller batch is padded with all-zero images, whose results are dropped. TensorFlow
   * picks its kernels by batch size, so a fixed size makes each image's result independent of
   * how many images share its batch (measured: which images, and in which places, never matters).
   */
  public void run(List<float[]> inputs, int rows, BooleanSupplier stop, Consumer<ImageCams> sink) {
    int batch = inputs.size();
    int padded = Math.max(batch, rows);
    int height = network.graph().inputShape()[0];
    int width = network.graph().inputShape()[1];
    try (GraphPass pass = network.forward(stack(inputs, padded), padded, layer)) {
      float[][] probabilities = pass.probabilities();
      List<List<Integer>> imageTargets = new ArrayList<>();
      for (int k = 0; k < batch; k++) {
        imageTargets.add(targets.of(probabilities[k]));
      }
      int rounds = imageTargets.get(0).size();
      // One backward pass per round serves the whole batch; CAMs are then made image by image so a
      // stop request can end the run between images.
      List<List<LayerSignal>> signalsByRound = new ArrayList<>();
      for (int round = 0; round < rounds && gradients; round++) {
        int[] roundTargets = new int[padded]; // padding rows explain class 0, unused
        for (int k = 0; k < batch; k++) {
          roundTargets[k] = imageTargets.get(k).get(round);
        }
        signalsByRound.add(pass.signals(roundTargets));
      }
      for (int k = 0; k < batch && !stop.getAsBoolean(); k++) {
        List<Cam> cams = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          int target = imageTargets.get(k).get(round);
          LayerSignal signal = gradients ? signalsByRound.get(round).get(k) : pass.activations(k, target);
          for (CamMethod method : methods) {
            MaskScorer scorer = method.needs(MethodNeed.MASKED_INPUT_SCORER)
                ? network.maskScorer(inputs.get(k), target, maskBatchSize)
                : null;
            RawMap raw = CamComputation.rawMap(method, CamInputs.of(signal).withMaskScorer(scorer));
            cams.add(new Cam(method, target, CamComputation.heatmapOf(raw, height, width), raw));
          }
        }
        sink.accept(new ImageCams(k, probabilities[k], imageTargets.get(k), cams));
      }
    }
  }

  /** Row-major concatenation of equally long inputs, then zeros up to {@code rows} inputs. */
  private static float[] stack(List<float[]> inputs, int rows) {
    int size = inputs.get(0).length;
    float[] out = new float[rows * size];
    for (int i = 0; i < inputs.size(); i++) {
      System.arraycopy(inputs.get(i), 0, out, i * size, size);
    }
    return out;
  }
}
