package dev.xaicam.network;

import dev.xaicam.cam.MaskScorer;
import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;

/** Score-CAM's {@link MaskScorer} over a {@link GraphNetwork}: masked copies of one image, batched. */
final class GraphMaskScorer implements MaskScorer {
  /**
   * Native memory one forward call may spend on a single node's output. VGG16's first layers hold
   * 224x224x64 floats (12.8 MB) per image; with the weights (553 MB) and the few outputs alive at
   * once, 128 MB per output keeps Score-CAM on VGG16 under 2 GB whatever the batch size.
   */
  static final long ACTIVATION_BUDGET_BYTES = 128L << 20;

  /** The network scoring the masked inputs. */
  private final GraphNetwork network;
  /** The preprocessed image, H*W*C. */
  private final float[] image;
  /** The class whose probability is returned. */
  private final int targetClass;
  /** Masks the caller hands over per call. */
  private final int batchSize;
  /** Masked inputs per forward pass: the batch size, capped so node outputs stay small. */
  private final int imagesPerPass;

  /** A scorer over an already checked image, class and batch size. */
  GraphMaskScorer(GraphNetwork network, float[] image, int targetClass, int batchSize) {
    this.network = network;
    this.image = image;
    this.targetClass = targetClass;
    this.batchSize = batchSize;
    long perImage = (long) network.precision().bytes() * network.graph().largestOutputPerImage();
    this.imagesPerPass = (int) Math.max(1, Math.min(batchSize, ACTIVATION_BUDGET_BYTES / perImage));
  }

  @Override
  public int inputHeight() {
    return network.graph().inputShape()[0];
  }

  @Override
  public int inputWidth() {
    return network.graph().inputShape()[1];
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
    for (int start = 0; start < masks.length; start += imagesPerPass) {
      int n = Math.min(imagesPerPass, masks.length - start);
      float[] flat = new float[n * pixels];
      for (int m = 0; m < n; m++) {
        System.arraycopy(masks[start + m], 0, flat, m * pixels, pixels);
      }
      try (TensorScope scope = network.openWorkScope()) {
        Tensor x = scope.multiply(network.input(scope, image, 1),
            network.tensor(scope, flat, n, inputHeight(), inputWidth(), 1));
        double[][] logits = network.logits(scope, x, n);
        for (int m = 0; m < n; m++) {
          scores[start + m] = network.graph().head().probabilities(logits[m])[targetClass];
        }
      }
    }
    return scores;
  }
}
