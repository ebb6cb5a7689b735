package dev.xaicam.metrics;

/** What the deletion game puts in place of removed pixels. */
public enum DeletionSubstrate {

  /**
   * Zero, as RISE's code ({@code torch.zeros_like}); RISE applies it to normalised tensors, where
   * zero is the dataset's mean colour, while here zero is black in the 0..255 space.
   */
  ZERO {
    @Override
    InputImage of(InputImage image) {
      return new InputImage(
          image.height(), image.width(), image.channels(), new float[image.values().length]);
    }
  },
  /** The image's own mean per channel (ROAD's "fixed" imputer). */
  MEAN {
    @Override
    InputImage of(InputImage image) {
      int c = image.channels();
      double[] mean = new double[c];
      float[] in = image.values();
      for (int i = 0; i < in.length; i++) {
        mean[i % c] += in[i];
      }
      float[] out = new float[in.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = (float) (mean[i % c] / image.pixels());
      }
      return new InputImage(image.height(), image.width(), c, out);
    }
  };

  /** The image every removed pixel is taken from. */
  abstract InputImage of(InputImage image);
}
