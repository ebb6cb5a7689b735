package dev.xaicam.explain;

import dev.xaicam.cam.CamComputation;
import dev.xaicam.cam.CamInputs;
import dev.xaicam.cam.CamMethod;
import dev.xaicam.cam.Heatmap;
import dev.xaicam.cam.InputGradients;
import dev.xaicam.cam.LayerSignal;
import dev.xaicam.cam.MethodNeed;
import dev.xaicam.network.BackwardMode;
import dev.xaicam.cam.RawMap;
import dev.xaicam.network.GraphNetwork;
import dev.xaicam.network.GraphPass;
import dev.xaicam.network.TargetNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The per-batch flow every caller runs (the explain command through {@link Explainer}, and
 * {@code xai-cam bench}): one forward pass for the batch, each image's targets, then what the
 * methods need and nothing more ({@link MethodNeed}): one backward pass to the target layer per
 * target round if a method reads layer gradients, one to the input (plain or guided) if a method
 * reads input gradients, and per image the scorers and gradient functions methods call; then every
 * method's heatmap image by image.
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
  /** Masked inputs, ablated channels or noisy copies per call of a scorer or gradient function. */
  private final int maskBatchSize;
  /** Everything some method reads. */
  private final Set<MethodNeed> needs;

  /**
   * A runner of {@code methods} at {@code layer} of {@code network}.
   *
   * @param maskBatchSize masked inputs per Score-CAM forward pass, ablated channels per
   *     Ablation-CAM call, noisy copies per SmoothGrad call
   */
  public CamRunner(GraphNetwork network, TargetNode layer, List<CamMethod> methods,
      Targets targets, int maskBatchSize) {
    this.network = network;
    this.layer = layer;
    this.methods = List.copyOf(methods);
    this.targets = targets;
    this.maskBatchSize = maskBatchSize;
    Set<MethodNeed> all = EnumSet.noneOf(MethodNeed.class);
    this.methods.forEach(m -> all.addAll(m.needs()));
    this.needs = Collections.unmodifiableSet(all);
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
    run(inputs, Collections.nCopies(inputs.size(), targets), rows, stop, sink);
  }

  /**
   * As {@link #run(List, int, BooleanSupplier, Consumer)}, input {@code k} explaining the classes
   * {@code imageTargets.get(k)} picks instead of the runner's own rule: a model comparison gives
   * each image the class the first model chose for it. Every image must get as many classes.
   */
  public void run(List<float[]> inputs, List<Targets> imageTargets, int rows, BooleanSupplier stop,
      Consumer<ImageCams> sink) {
    if (imageTargets.size() != inputs.size()) {
      throw new IllegalArgumentException(imageTargets.size() + " target rules for " + inputs.size()
          + " images");
    }
    int batch = inputs.size();
    int padded = Math.max(batch, rows);
    int height = network.graph().inputShape()[0];
    int width = network.graph().inputShape()[1];
    boolean toInput = needs.contains(MethodNeed.INPUT_GRADIENTS)
        || needs.contains(MethodNeed.GUIDED_INPUT_GRADIENTS);
    try (GraphPass pass = network.forward(stack(inputs, padded), padded, layer, toInput)) {
      float[][] probabilities = pass.probabilities();
      List<List<Integer>> classes = new ArrayList<>();
      for (int k = 0; k < batch; k++) {
        classes.add(imageTargets.get(k).of(probabilities[k]));
      }
      int rounds = classes.get(0).size();
      if (classes.stream().anyMatch(c -> c.size() != rounds)) {
        throw new IllegalArgumentException("every image of a batch must explain as many classes: "
            + classes);
      }
      // Backward passes serve the whole batch, one per round; CAMs are then made image by image so
      // a stop request can end the run between images.
      List<RoundInputs> byRound = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        int[] roundTargets = new int[padded]; // padding rows explain class 0, unused
        for (int k = 0; k < batch; k++) {
          roundTargets[k] = classes.get(k).get(round);
        }
        byRound.add(roundInputs(pass, roundTargets));
      }
      if (batch > 1 && readsFetchedArraysOnly()) {
        // Every input is already a Java array: the images' CAM arithmetic and upsampling run on
        // all cores while TensorFlow has nothing to do (on MobileNetV2 they were a tenth of a
        // forward pass), each image's maps exactly as alone, delivered in order.
        List<List<Cam>> made = IntStream.range(0, batch).parallel()
            .mapToObj(k -> camsOf(pass, byRound, classes, inputs, k, height, width)).toList();
        for (int k = 0; k < batch && !stop.getAsBoolean(); k++) {
          sink.accept(new ImageCams(k, probabilities[k], classes.get(k), made.get(k)));
        }
      } else {
        for (int k = 0; k < batch && !stop.getAsBoolean(); k++) {
          sink.accept(new ImageCams(k, probabilities[k], classes.get(k),
              camsOf(pass, byRound, classes, inputs, k, height, width)));
        }
      }
    }
  }

  /** Image {@code k}'s maps, every round and method. */
  private List<Cam> camsOf(GraphPass pass, List<RoundInputs> byRound, List<List<Integer>> classes,
      List<float[]> inputs, int k, int height, int width) {
    List<Cam> cams = new ArrayList<>();
    for (int round = 0; round < classes.get(k).size(); round++) {
      int target = classes.get(k).get(round);
      CamInputs camInputs = imageInputs(pass, byRound.get(round), k, inputs.get(k), target);
      for (CamMethod method : methods) {
        RawMap raw = CamComputation.rawMap(method, camInputs);
        cams.add(new Cam(method, target, CamComputation.heatmapOf(raw, height, width), raw));
      }
    }
    return cams;
  }

  /**
   * Whether every method reads only what the batch's backward passes already copied into Java
   * arrays: no scorer, no gradient function (they call TensorFlow), and no activations read
   * image by image from the pass (they are, when no method needs gradients).
   */
  private boolean readsFetchedArraysOnly() {
    Set<MethodNeed> fetched = EnumSet.of(MethodNeed.LAYER_GRADIENTS, MethodNeed.INPUT_GRADIENTS,
        MethodNeed.GUIDED_INPUT_GRADIENTS, MethodNeed.LAYER_ACTIVATIONS);
    return fetched.containsAll(needs)
        && (!needs.contains(MethodNeed.LAYER_ACTIVATIONS) || needs.contains(MethodNeed.LAYER_GRADIENTS));
  }

  /**
   * What one backward pass per kind gives a target round, per image; a list is null where no
   * method needs it.
   *
   * @param signals A with dS/dA at the target layer
   * @param inputGradients dS/dx
   * @param guided dS/dx through guided backpropagation
   */
  private record RoundInputs(
      List<LayerSignal> signals, List<InputGradients> inputGradients,
      List<InputGradients> guided) {}

  /** The round's backward passes, only those some method needs. */
  private RoundInputs roundInputs(GraphPass pass, int[] roundTargets) {
    return new RoundInputs(
        needs.contains(MethodNeed.LAYER_GRADIENTS) ? pass.signals(roundTargets) : null,
        needs.contains(MethodNeed.INPUT_GRADIENTS)
            ? pass.inputGradients(roundTargets, BackwardMode.PLAIN) : null,
        needs.contains(MethodNeed.GUIDED_INPUT_GRADIENTS)
            ? pass.inputGradients(roundTargets, BackwardMode.GUIDED) : null);
  }

  /** Everything the methods read for image {@code k} and class {@code target}, nothing more. */
  private CamInputs imageInputs(GraphPass pass, RoundInputs round, int k, float[] input,
      int target) {
    LayerSignal signal = round.signals() != null ? round.signals().get(k)
        : needs.contains(MethodNeed.LAYER_ACTIVATIONS) ? pass.activations(k, target) : null;
    CamInputs camInputs = CamInputs.of(signal);
    if (round.inputGradients() != null) {
      camInputs = camInputs.withInputGradients(round.inputGradients().get(k));
    }
    if (round.guided() != null) {
      camInputs = camInputs.withGuidedInputGradients(round.guided().get(k));
    }
    if (needs.contains(MethodNeed.INPUT_GRADIENT_FUNCTION)) {
      camInputs = camInputs.withInputGradientFunction(
          network.inputGradientFunction(input, target, maskBatchSize));
    }
    if (needs.contains(MethodNeed.MASKED_INPUT_SCORER)) {
      camInputs = camInputs.withMaskScorer(network.maskScorer(input, target, maskBatchSize));
    }
    if (needs.contains(MethodNeed.ABLATED_LAYER_SCORER)) {
      camInputs = camInputs.withAblationScorer(pass.ablationScorer(k, target, maskBatchSize));
    }
    return camInputs;
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
