package dev.xaicam.model;

import dev.xaicam.cam.LayerSignal;
import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The trace of one batch's forward pass: logits, plus the target layer's output and everything
 * above it, so any number of backward passes to that layer can reuse it. Close it to free the
 * native memory.
 */
public final class ForwardPass implements AutoCloseable {
  /** The network that ran the pass. */
  private final Network network;
  /** Owner of the trace tensors. */
  private final TensorScope scope;
  /** Images in the batch. */
  private final int batch;
  /** Index of the target layer. */
  private final int targetIndex;
  /** Outputs of the target layer (element 0) and every layer above it; the last are logits. */
  private final Tensor[] outputs;
  /** Logits read back, rows are images. */
  private final float[][] logits;
  /** Per-image target-layer size H*W*C. */
  private final int mapSize;
  /** Target-layer shape (H, W, C). */
  private final int[] mapShape;
  /** Target-layer activations read back on first use. */
  private float[] activations;
  /** Softmax of the logits, computed on first use. */
  private float[][] probabilities;

  /** Takes ownership of {@code scope}, which holds {@code outputs}. */
  ForwardPass(Network network, TensorScope scope, int batch, int targetIndex, Tensor[] outputs) {
    this.network = network;
    this.scope = scope;
    this.batch = batch;
    this.targetIndex = targetIndex;
    this.outputs = outputs.clone();
    this.mapShape = network.layers().get(targetIndex).outputShape();
    this.mapSize = mapShape[0] * mapShape[1] * mapShape[2];
    this.logits = Network.rows(outputs[outputs.length - 1].toFloats(), batch,
        network.architecture().classCount());
  }

  /** Images in the batch. */
  public int batch() {
    return batch;
  }

  /** Pre-softmax class scores, one row per image (a copy). */
  public float[][] logits() {
    return copy(logits);
  }

  /** Softmax of {@link #logits()}, one row per image (a copy). */
  public synchronized float[][] probabilities() {
    if (probabilities == null) {
      try (TensorScope temp = scope.child()) {
        probabilities = Network.rows(temp.softmax(outputs[outputs.length - 1]).toFloats(), batch,
            logits[0].length);
      }
    }
    return copy(probabilities);
  }

  /**
   * One backward pass for the whole batch, seeded with a one-hot row per image at its target
   * class on the logits, down to the target layer's output.
   *
   * @param targetClassPerImage the class explained for each image, length {@link #batch()}
   * @return per image: A, dS/dA, target class and its logit S
   */
  public List<LayerSignal> signals(int[] targetClassPerImage) {
    if (targetClassPerImage.length != batch) {
      throw new IllegalArgumentException("need one target class per image: " + batch
          + " images, got " + targetClassPerImage.length + " classes");
    }
    int classes = logits[0].length;
    float[] seed = new float[batch * classes];
    for (int b = 0; b < batch; b++) {
      network.checkClass(targetClassPerImage[b]);
      seed[b * classes + targetClassPerImage[b]] = 1f;
    }
    float[] gradients;
    try (TensorScope back = scope.child()) {
      Tensor dy = network.tensor(back, seed, batch, classes);
      for (int i = network.layerCount() - 1; i > targetIndex; i--) {
        int o = i - targetIndex;
        Tensor dx = network.layer(i).backward(back, outputs[o - 1], outputs[o], dy);
        back.release(dy);
        dy = dx;
      }
      gradients = dy.toFloats();
    }
    float[] a = activations();
    List<LayerSignal> signals = new ArrayList<>(batch);
    for (int b = 0; b < batch; b++) {
      int t = targetClassPerImage[b];
      signals.add(new LayerSignal(mapShape[0], mapShape[1], mapShape[2],
          Arrays.copyOfRange(a, b * mapSize, (b + 1) * mapSize),
          Arrays.copyOfRange(gradients, b * mapSize, (b + 1) * mapSize), t, logits[b][t]));
    }
    return signals;
  }

  /** The target layer's output for one image, without gradients (Score-CAM needs none). */
  public LayerSignal activations(int image, int targetClass) {
    if (image < 0 || image >= batch) {
      throw new IllegalArgumentException("image must be in [0, " + batch + "), got " + image);
    }
    network.checkClass(targetClass);
    float[] a = activations();
    return new LayerSignal(mapShape[0], mapShape[1], mapShape[2],
        Arrays.copyOfRange(a, image * mapSize, (image + 1) * mapSize), null, targetClass,
        logits[image][targetClass]);
  }

  /** Frees the trace. */
  @Override
  public void close() {
    scope.close();
  }

  /** The whole batch's target-layer output, read back once. */
  private synchronized float[] activations() {
    if (activations == null) {
      activations = outputs[0].toFloats();
    }
    return activations;
  }

  /** A deep copy, so callers cannot alter the cached rows. */
  private static float[][] copy(float[][] rows) {
    float[][] out = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[i].clone();
    }
    return out;
  }
}
