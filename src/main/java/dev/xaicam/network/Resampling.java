package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;

/**
 * A linear map from an (H, W, C) map to an (H', W', C) one that treats rows and columns
 * separately, {@code y[i][j] = sum rows[i][h] * cols[j][w] * x[h][w]}: the form of
 * {@code tf.image.resize} (bilinear or nearest, {@code half_pixel_centers}, no antialiasing) and
 * of a crop followed by one. Computed as matrix products rather than with TensorFlow's
 * ResizeBilinear, which interpolates and returns float32 whatever its input (so {@code --float64}
 * would lose precision there); the gradient is the transposed map.
 */
final class Resampling {
  /** Input (height, width). */
  private final int[] inputSize;
  /** Output (height, width). */
  private final int[] outputSize;
  /** Row weights, outputSize[0] x inputSize[0], row-major. */
  private final double[] rows;
  /** Column weights, outputSize[1] x inputSize[1], row-major. */
  private final double[] cols;

  /** The map with the given weights. */
  private Resampling(int[] inputSize, int[] outputSize, double[] rows, double[] cols) {
    this.inputSize = inputSize.clone();
    this.outputSize = outputSize.clone();
    this.rows = rows;
    this.cols = cols;
  }

  /**
   * {@code tf.image.resize} of the block starting at {@code (top, left)} of size
   * {@code (cropHeight, cropWidth)} of an {@code (inputHeight, inputWidth)} map to
   * {@code (outputHeight, outputWidth)}; bilinear unless {@code nearest}.
   */
  static Resampling of(int[] inputSize, int[] cropOrigin, int[] cropSize, int[] outputSize,
      boolean nearest) {
    double[][] axes = new double[2][];
    for (int a = 0; a < 2; a++) {
      axes[a] = nearest
          ? nearestWeights(inputSize[a], cropOrigin[a], cropSize[a], outputSize[a])
          : bilinearWeights(inputSize[a], cropOrigin[a], cropSize[a], outputSize[a]);
    }
    return new Resampling(inputSize, outputSize, axes[0], axes[1]);
  }

  /**
   * TensorFlow's ResizeBilinear weights along one axis (half-pixel centres, no corner alignment),
   * in float32 arithmetic as its kernel computes them: source {@code (o + 0.5) * in / out - 0.5},
   * clamped to the input, split between its floor and ceiling.
   */
  private static double[] bilinearWeights(int size, int origin, int in, int out) {
    double[] w = new double[out * size];
    float scale = (float) in / out;
    for (int o = 0; o < out; o++) {
      float source = (o + 0.5f) * scale - 0.5f;
      float floor = (float) Math.floor(source);
      int lower = Math.max((int) floor, 0);
      int upper = Math.min((int) Math.ceil(source), in - 1);
      float lerp = source - floor;
      w[o * size + origin + lower] += 1 - lerp;
      w[o * size + origin + upper] += lerp;
    }
    return w;
  }

  /**
   * TensorFlow's ResizeNearestNeighbor choice along one axis (half-pixel centres): source
   * {@code floor((o + 0.5) * in / out)} in float32, clamped to the input.
   */
  private static double[] nearestWeights(int size, int origin, int in, int out) {
    double[] w = new double[out * size];
    float scale = (float) in / out;
    for (int o = 0; o < out; o++) {
      int source = Math.max(0, Math.min((int) Math.floor((o + 0.5f) * scale), in - 1));
      w[o * size + origin + source] = 1;
    }
    return w;
  }

  /**
   * Whether the config's {@code interpolation} (default {@code fallback}) is {@code nearest};
   * false for {@code bilinear}; any other method is refused.
   */
  static boolean nearestFromConfig(LayerConfig config, String fallback) {
    String method = config.string("interpolation", fallback);
    if (!method.equals("nearest") && !method.equals("bilinear")) {
      throw config.error("interpolation '" + method + "' is not supported; supported: "
          + "bilinear, nearest");
    }
    return method.equals("nearest");
  }

  /** Output (height, width). */
  int[] outputSize() {
    return outputSize.clone();
  }

  /** The map applied to a batch {@code x} of (N, H, W, C). */
  Tensor apply(TensorScope scope, Tensor x) {
    int[] s = x.shape();
    int n = s[0];
    int c = s[3];
    Tensor rowMatrix = scope.constantLike(x, rows, outputSize[0], inputSize[0]);
    Tensor colMatrix = scope.constantLike(x, cols, outputSize[1], inputSize[1]);
    // Rows: (H', H) times each image's (H, W*C); columns: (W', W) times each row's (W, C).
    Tensor stacked = scope.reshape(x, n, inputSize[0], inputSize[1] * c);
    Tensor rowsDone = scope.batchMatmul(rowMatrix, stacked, false, false);
    scope.release(stacked);
    Tensor lines = scope.reshape(rowsDone, n * outputSize[0], inputSize[1], c);
    scope.release(rowsDone);
    Tensor colsDone = scope.batchMatmul(colMatrix, lines, false, false);
    scope.release(lines);
    Tensor y = scope.reshape(colsDone, n, outputSize[0], outputSize[1], c);
    scope.release(colsDone);
    scope.release(rowMatrix);
    scope.release(colMatrix);
    return y;
  }

  /** The transposed map, the gradient: dL/dx of (N, H, W, C) from dL/dy of (N, H', W', C). */
  Tensor transpose(TensorScope scope, Tensor dy) {
    int[] s = dy.shape();
    int n = s[0];
    int c = s[3];
    Tensor rowMatrix = scope.constantLike(dy, rows, outputSize[0], inputSize[0]);
    Tensor colMatrix = scope.constantLike(dy, cols, outputSize[1], inputSize[1]);
    Tensor lines = scope.reshape(dy, n * outputSize[0], outputSize[1], c);
    Tensor colsDone = scope.batchMatmul(colMatrix, lines, true, false);
    scope.release(lines);
    Tensor stacked = scope.reshape(colsDone, n, outputSize[0], inputSize[1] * c);
    scope.release(colsDone);
    Tensor rowsDone = scope.batchMatmul(rowMatrix, stacked, true, false);
    scope.release(stacked);
    Tensor dx = scope.reshape(rowsDone, n, inputSize[0], inputSize[1], c);
    scope.release(rowsDone);
    scope.release(rowMatrix);
    scope.release(colMatrix);
    return dx;
  }
}
