package dev.xaicam.image;

import java.util.Locale;

/**
 * How a model expects its 8-bit samples scaled, as Keras's {@code preprocess_input} modes (and the
 * two plain conventions hand-built models use) define it. Channel order and size are the
 * {@link ModelInput}'s business; each mode maps one sample of one RGB channel to a float, in
 * float32 arithmetic like NumPy's in-place operations on a float32 array.
 */
public enum Preprocessing {
  /** RGB 0..255 as they are. */
  NONE("none", "0..255 as is: models that rescale inside (a Rescaling or Normalization layer)") {
    @Override
    float value(float sample, int rgbChannel) {
      return sample;
    }
  },
  /** x / 255 into [0, 1]. */
  UNIT_SCALE("scale", "x/255 into [0, 1]: most hand-built CNNs (ImageDataGenerator(rescale=1/255))") {
    @Override
    float value(float sample, int rgbChannel) {
      return sample / 255f;
    }
  },
  /** Keras "tf" mode: x / 127.5 - 1 into [-1, 1]. */
  TF("tf", "x/127.5 - 1 into [-1, 1]: MobileNet, MobileNetV2, InceptionV3, Xception") {
    @Override
    float value(float sample, int rgbChannel) {
      return sample / 127.5f - 1f;
    }
  },
  /** Keras "caffe" mode: BGR order minus the ImageNet means, no scaling. */
  CAFFE("caffe", "BGR minus the ImageNet means: VGG16, VGG19, ResNet50") {
    @Override
    float value(float sample, int rgbChannel) {
      return sample - CAFFE_MEANS_RGB[rgbChannel];
    }

    @Override
    boolean bgrOrder() {
      return true;
    }
  },
  /** Keras "torch" mode: x / 255, then minus the ImageNet mean over its standard deviation. */
  TORCH("torch", "x/255 then ImageNet mean/std: DenseNet, models ported from PyTorch") {
    @Override
    float value(float sample, int rgbChannel) {
      return (sample / 255f - TORCH_MEAN_RGB[rgbChannel]) / TORCH_STD_RGB[rgbChannel];
    }
  };

  /** Keras's ImageNet means for "caffe", in R, G, B order (subtracted from B, G, R samples). */
  private static final float[] CAFFE_MEANS_RGB = {123.68f, 116.779f, 103.939f};
  /** ImageNet channel means for "torch", R, G, B. */
  private static final float[] TORCH_MEAN_RGB = {0.485f, 0.456f, 0.406f};
  /** ImageNet channel standard deviations for "torch", R, G, B. */
  private static final float[] TORCH_STD_RGB = {0.229f, 0.224f, 0.225f};

  /** The name as typed after {@code --preprocess}. */
  private final String cliName;
  /** What the mode does and which models it suits, for help and errors. */
  private final String description;

  Preprocessing(String cliName, String description) {
    this.cliName = cliName;
    this.description = description;
  }

  /** The float the model sees for an 8-bit {@code sample} of RGB channel 0, 1 or 2. */
  abstract float value(float sample, int rgbChannel);

  /** Whether the mode itself fixes BGR channel order (caffe), whatever {@code --bgr} says. */
  boolean bgrOrder() {
    return false;
  }

  /** Whether the mode has per-channel constants and so needs three colour channels. */
  public boolean needsColour() {
    return this == CAFFE || this == TORCH;
  }

  /** The name as typed after {@code --preprocess} ({@code caffe}). */
  public String cliName() {
    return cliName;
  }

  /** What the mode does and which models it suits. */
  public String description() {
    return description;
  }

  /** The mode called {@code name} (case-insensitive), or null. */
  public static Preprocessing byName(String name) {
    for (Preprocessing p : values()) {
      if (p.cliName.equals(name.toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    return null;
  }

  /** Every mode with its description, one per line, for usage errors and help. */
  public static String listing() {
    StringBuilder sb = new StringBuilder();
    for (Preprocessing p : values()) {
      sb.append(sb.length() == 0 ? "" : "; ").append(p.cliName).append(" = ").append(p.description);
    }
    return sb.toString();
  }

  /**
   * The image resized to height x width and converted for a colour model in this mode's default
   * channel order: one image, NHWC, length height*width*3.
   */
  public float[] toModelInput(DecodedImage image, int height, int width) {
    return new ModelInput(height, width, 3, this, false).toModelInput(image);
  }
}
