package dev.xaicam.keras;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xaicam.XaiCamException;
import dev.xaicam.network.NodeSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * The image a model takes, from its input layer's batch shape {@code (None, H, W, C)}.
 *
 * @param height rows, or {@code null} when the model leaves it open
 * @param width columns, or {@code null} when the model leaves it open
 * @param channels colour channels (1 for grayscale, 3 for colour)
 */
public record ModelInput(Integer height, Integer width, int channels) {

  /** Whether the model fixes both height and width. */
  public boolean hasFixedSize() {
    return height != null && width != null;
  }

  /** Config keys Keras has used for an input layer's batch shape (Keras 1/2, Keras 3). */
  private static final List<String> SHAPE_KEYS = List.of("batch_input_shape", "batch_shape");

  /**
   * The image shape {@code input}'s config declares.
   *
   * @throws XaiCamException (setup) naming the file when the shape is absent or not
   *     {@code (None, H, W, C)}
   */
  static ModelInput of(Path file, NodeSpec input) {
    JsonNode shape = null;
    for (String key : SHAPE_KEYS) {
      if (input.config() != null && input.config().hasNonNull(key)) {
        shape = input.config().get(key);
      }
    }
    if (shape == null) {
      throw XaiCamException.setup(file + ": input layer '" + input.name()
          + "' declares no batch shape");
    }
    if (!shape.isArray() || shape.size() != 4 || !isDimension(shape.get(1))
        || !isDimension(shape.get(2)) || !shape.get(3).isIntegralNumber()
        || shape.get(3).asInt() <= 0) {
      throw XaiCamException.setup(file + ": input layer '" + input.name() + "' takes "
          + shape + ", not a batch of images (None, height, width, channels)");
    }
    return new ModelInput(dimension(shape.get(1)), dimension(shape.get(2)), shape.get(3).asInt());
  }

  /** Whether {@code value} is an open ({@code null}) or positive dimension. */
  private static boolean isDimension(JsonNode value) {
    return value.isNull() || value.isIntegralNumber() && value.asInt() > 0;
  }

  /** A dimension, {@code null} when open. */
  private static Integer dimension(JsonNode value) {
    return value.isNull() ? null : value.asInt();
  }
}
