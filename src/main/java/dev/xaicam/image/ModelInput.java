package dev.xaicam.image;

import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * What a model's input looks like and how a decoded image becomes it: bilinear resize of the 8-bit
 * pixels to height x width (as {@code cv2.resize}), grey-scale when the model has one channel,
 * channel order (RGB, or BGR for models trained on {@code cv2.imread} arrays and for "caffe"), and
 * the {@link Preprocessing} mode's scaling.
 *
 * @param height model input height in pixels
 * @param width model input width in pixels
 * @param channels 3 for colour, 1 for grey-scale
 * @param preprocessing the scaling mode
 * @param bgr feed BGR order instead of RGB (ignored for one channel; "caffe" is always BGR)
 */
public record ModelInput(int height, int width, int channels, Preprocessing preprocessing,
    boolean bgr) {

  /** Checks the size, the channel count and that the mode suits it. */
  public ModelInput {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("model input size must be positive, got " + height + "x"
          + width);
    }
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("model input must have 1 or 3 channels, got " + channels);
    }
    if (preprocessing == null) {
      throw new IllegalArgumentException("preprocessing must not be null");
    }
    if (channels == 1 && preprocessing.needsColour()) {
      throw new IllegalArgumentException("preprocessing '" + preprocessing.cliName()
          + "' needs a colour (3-channel) model input");
    }
  }

  /** Floats per image: height * width * channels. */
  public int size() {
    return height * width * channels;
  }

  /**
   * The image converted for the model: one image, NHWC, length {@link #size()}.
   *
   * <p>The resize works on the 8-bit samples, rounding to 8 bits as {@code cv2.resize} does on a
   * uint8 array, so values match a notebook's; it commutes with channel order.
   */
  public float[] toModelInput(DecodedImage image) {
    return fromPixels(pixels(image));
  }

  /**
   * The image at the model's size in its 0..255 pixel space, before preprocessing: H x W x 3 in
   * RGB order for a colour model, H x W x 1 grey levels for a grey one; what the faithfulness
   * metrics perturb.
   */
  public float[] pixels(DecodedImage image) {
    if (image == null) {
      throw new IllegalArgumentException("image must not be null");
    }
    byte[] samples = resizedBgr(image);
    int pixels = height * width;
    float[] out = new float[pixels * channels];
    if (channels == 1) {
      byte[] grey = grey(samples, image);
      for (int p = 0; p < pixels; p++) {
        out[p] = grey[p] & 0xFF;
      }
      return out;
    }
    for (int p = 0; p < pixels; p++) {
      for (int rgb = 0; rgb < 3; rgb++) {
        out[p * 3 + rgb] = samples[p * 3 + 2 - rgb] & 0xFF;
      }
    }
    return out;
  }

  /**
   * Pixels in {@link #pixels}' layout (0..255, RGB or grey, any real values) converted for the
   * model: the channel order and the preprocessing's scaling.
   */
  public float[] fromPixels(float[] pixels) {
    if (pixels == null || pixels.length != size()) {
      throw new IllegalArgumentException("pixels must hold " + height + "x" + width + "x"
          + channels + " = " + size() + " values, got "
          + (pixels == null ? "null" : pixels.length));
    }
    float[] out = new float[size()];
    if (channels == 1) {
      for (int p = 0; p < out.length; p++) {
        out[p] = preprocessing.value(pixels[p], 0);
      }
      return out;
    }
    boolean reversed = bgr || preprocessing.bgrOrder();
    for (int p = 0; p < height * width; p++) {
      for (int rgb = 0; rgb < 3; rgb++) {
        out[p * 3 + (reversed ? 2 - rgb : rgb)] = preprocessing.value(pixels[p * 3 + rgb], rgb);
      }
    }
    return out;
  }

  /** The image's BGR samples at the model's size, bilinear (OpenCV's half-pixel rule). */
  private byte[] resizedBgr(DecodedImage image) {
    if (image.height() == height && image.width() == width) {
      return image.bgr(); // cv2.resize to the same size copies the pixels unchanged
    }
    Mat source = MatBridge.toMat(image);
    Mat resized = new Mat();
    try {
      Imgproc.resize(source, resized, new Size(width, height), 0, 0, Imgproc.INTER_LINEAR);
      return MatBridge.toImage(image.source(), resized).bgr();
    } finally {
      source.release();
      resized.release();
    }
  }

  /** Grey levels of resized BGR samples with OpenCV's weights (0.299 R + 0.587 G + 0.114 B). */
  private byte[] grey(byte[] bgrSamples, DecodedImage image) {
    Mat colour = MatBridge.toMat(new DecodedImage(image.source(), width, height, bgrSamples));
    Mat grey = new Mat();
    try {
      Imgproc.cvtColor(colour, grey, Imgproc.COLOR_BGR2GRAY);
      byte[] out = new byte[height * width];
      grey.get(0, 0, out);
      return out;
    } finally {
      colour.release();
      grey.release();
    }
  }
}
