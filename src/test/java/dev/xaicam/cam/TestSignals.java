package dev.xaicam.cam;

import java.util.Random;

/** Builds small {@link LayerSignal}s from per-channel planes for the CAM tests. */
final class TestSignals {

  /** Not instantiable: static factories only. */
  private TestSignals() {}

  /**
   * A signal from channel planes: {@code planes[c][y * width + x]}; gradient planes may be null.
   */
  static LayerSignal of(
      int height, int width, double[][] activationPlanes, double[][] gradientPlanes, double logit) {
    int channels = activationPlanes.length;
    return new LayerSignal(
        height,
        width,
        channels,
        interleave(height * width, activationPlanes),
        gradientPlanes == null ? null : interleave(height * width, gradientPlanes),
        0,
        logit);
  }

  /** Channel planes to row-major H x W x C floats. */
  static float[] interleave(int pixels, double[][] planes) {
    int channels = planes.length;
    float[] out = new float[pixels * channels];
    for (int c = 0; c < channels; c++) {
      for (int p = 0; p < pixels; p++) {
        out[p * channels + c] = (float) planes[c][p];
      }
    }
    return out;
  }

  /**
   * A pseudo-random signal in which channel 0 is all zero, channel 1 is the constant 0.75 and the
   * rest vary; activations are ReLU-like (>= 0), gradients signed.
   */
  static LayerSignal random(long seed, int height, int width, int channels, double logit) {
    Random random = new Random(seed);
    int pixels = height * width;
    double[][] a = new double[channels][pixels];
    double[][] g = new double[channels][pixels];
    for (int c = 0; c < channels; c++) {
      for (int p = 0; p < pixels; p++) {
        a[c][p] = c == 0 ? 0 : c == 1 ? 0.75 : Math.max(0, random.nextGaussian());
        g[c][p] = random.nextGaussian() * 0.01;
      }
    }
    return of(height, width, a, g, logit);
  }

  /** The same signal with every activation multiplied by k. */
  static LayerSignal scaleActivations(LayerSignal s, float k) {
    double[] a = s.activations().clone();
    for (int i = 0; i < a.length; i++) {
      a[i] *= k;
    }
    return new LayerSignal(
        s.height(), s.width(), s.channels(), a, s.gradients(), s.targetClass(), s.targetLogit());
  }
}
