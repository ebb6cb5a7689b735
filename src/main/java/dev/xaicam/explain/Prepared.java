package dev.xaicam.explain;

import dev.xaicam.image.DecodedImage;

/**
 * An image decoded and turned into network input, or the reason it could not be.
 *
 * @param input the image and its output base
 * @param image the decoded pixels, {@code null} on failure
 * @param tensor the network input (NHWC), {@code null} on failure
 * @param error the one-line failure, {@code null} on success
 * @param nanos time spent decoding and preprocessing
 */
public record Prepared(ImageInput input, DecodedImage image, float[] tensor, String error, long nanos) {

  /** An image that could not be prepared, for {@code reason}. */
  static Prepared failed(ImageInput input, String reason, long nanos) {
    return new Prepared(input, null, null, reason, nanos);
  }
}
