package dev.xaicam.model;

import dev.xaicam.cam.MaskScorer;
import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;

/** Score-CAM's {@link MaskScorer} over a {@link Network}: masked copies of one image, batched. */
final class NetworkMaskScorer implements MaskScorer {
  /** The network scoring the masked inputs. */
  private final Network network;
  /** The preprocessed image, H*W*C. */
  private final float[] image;
  /** The class whose probability is returned. */
  private final int targetClass;
  /** Masks the caller hands over per call. */
  private final int batchSize;
  /** Masked inputs per TensorFlow call: the batch size, capped so activations stay small. */
  private final int imagesPerPass;

  /**
   * Native memory one forward call may spend on a single layer's output. VGG16's first layers
   * hold 224x224x64 floats (12.8 MB) per image; with the weights (553 MB) and the few outputs alive
   * at once, 128 MB per output keeps Score-CAM on VGG16 under 2 GB whatever {@code --batch-size}.
   */
  static final long ACTIVATION_BUDGET_BYTES = 128L << 20;

  /** A scorer over an already checked image, class and batch size. */
  NetworkMaskScorer(Network network, float[] image, int targetClass, int batchSize) {
    this.network = network;
    this.image = image;
    this.targetClass = targetClass;
    this.batchSize = batchSize;
    long perImage = 4L * network.largestActivationPerImage();
    this.imagesPerPass = (int) Math.max(1, Math.min(batchSize, ACTIVATION_BUDGET_BYTES / perImage));
  }

  @Override
  public int inputHeight() {
    return network.architecture().inputHeight();
  }

  @Override
  public int inputWidth() {
    return network.architecture().inputWidth();
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  @Override
  public double[] score(float[][] masks) {
    int pixels = inputHeight() * inputWidth();
    for (int i = 0; i < masks.length; i++) {
      if (masks[i].length != pixels) {
        throw new IllegalArgumentException("mask " + i + " must hold " + inputHeight() + "x"
            + inputWidth() + " = " + pixels + " values, got " + masks[i].length);
      }
    }
    double[] scores = new double[masks.length];
    int classes = network.architecture().classCount();
    for (int start = 0; start < masks.length; start += imagesPerPass) {
      int n = Math.min(imagesPerPass, masks.length - start);
      float[] flat = new float[n * pixels];
      for (int m = 0; m < n; m++) {
        System.arraycopy(masks[start + m], 0, flat, m * pixels, pixels);
      }
      try (TensorScope scope = network.openWorkScope()) {
        Tensor x = scope.multiply(network.input(scope, image, 1),
            network.tensor(scope, flat, n, inputHeight(), inputWidth(), 1));
        Tensor logits = network.runLayers(scope, x, 0, network.layerCount());
        float[] p = scope.softmax(logits).toFloats();
        for (int m = 0; m < n; m++) {
          scores[start + m] = p[m * classes + targetClass];
        }
      }
    }
    return scores;
  }
}
