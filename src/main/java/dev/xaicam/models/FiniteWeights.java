package dev.xaicam.models;

import dev.xaicam.XaiCamException;
import dev.xaicam.network.ModelWeights;
import dev.xaicam.network.WeightArray;
import java.util.List;

/**
 * The check that loaded weights are numbers: a NaN or an infinity in a weight file makes every
 * probability NaN and every heatmap blank, so such a file is refused at load, naming the layer.
 */
public final class FiniteWeights {
  private FiniteWeights() {}

  /** {@link #check(String, List)} for every layer of {@code weights}. */
  public static void check(ModelWeights weights) {
    weights.byLayer().forEach((name, arrays) ->
        check(name, arrays.stream().map(WeightArray::values).toList()));
  }

  /**
   * Fails with a setup error (exit 3) naming {@code layer}, the array and the first position that
   * holds NaN or an infinity; returns quietly when every value is finite.
   *
   * @param layer the layer's name, for the message
   * @param arrays the layer's weight arrays in file order (Keras: kernel, then bias)
   */
  public static void check(String layer, List<float[]> arrays) {
    for (int a = 0; a < arrays.size(); a++) {
      float[] values = arrays.get(a);
      for (int i = 0; i < values.length; i++) {
        if (!Float.isFinite(values[i])) {
          throw XaiCamException.setup("the weights of layer " + layer + " are not finite: weight array " + a
              + " of " + arrays.size() + " holds " + values[i] + " at position " + i + " of " + values.length
              + "; the weight file is damaged");
        }
      }
    }
  }
}
