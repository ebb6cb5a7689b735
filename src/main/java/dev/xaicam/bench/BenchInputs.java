package dev.xaicam.bench;

import dev.xaicam.image.DecodedImage;
import dev.xaicam.image.ImageDecoder;
import dev.xaicam.image.ModelInput;
import dev.xaicam.network.ModelGraph;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The benchmark's network inputs, cycled to fill any batch: decoded image files, or seeded random
 * images.
 *
 * @param tensors preprocessed images
 * @param names their names
 * @param decodeSecondsPerImage decode + preprocess time per file, null for random inputs
 */
record BenchInputs(List<float[]> tensors, List<String> names, Double decodeSecondsPerImage) {
  /** Random inputs made when no image file is given. */
  private static final int RANDOM_IMAGES = 4;

  /** The inputs {@code settings} asks for, at its network's input size. */
  static BenchInputs of(BenchSettings settings) {
    int[] shape = ModelGraph.of(settings.architecture()).inputShape();
    ModelInput input = new ModelInput(shape[0], shape[1], shape[2], settings.preprocessing(), false);
    List<float[]> tensors = new ArrayList<>();
    List<String> names = new ArrayList<>();
    if (settings.images().isEmpty()) {
      SplittableRandom random = new SplittableRandom(settings.seed());
      for (int k = 0; k < RANDOM_IMAGES; k++) {
        float[] x = new float[input.size()];
        for (int i = 0; i < x.length; i++) {
          x[i] = (float) random.nextDouble(-120, 150); // the range of caffe-preprocessed pixels
        }
        tensors.add(x);
        names.add("random-" + k);
      }
      return new BenchInputs(tensors, names, null);
    }
    ImageDecoder decoder = new ImageDecoder();
    long t0 = System.nanoTime();
    for (Path file : settings.images()) {
      DecodedImage image = decoder.decode(file);
      tensors.add(input.toModelInput(image));
      names.add(file.getFileName().toString());
    }
    return new BenchInputs(tensors, names, Timings.secondsSince(t0) / settings.images().size());
  }

  /** Images {@code start .. start+n-1}, cycling. */
  List<float[]> batch(int start, int n) {
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(tensors.get((start + i) % tensors.size()));
    }
    return out;
  }

  /** The same images stacked NHWC, as one network input. */
  float[] stacked(int start, int n) {
    int size = tensors.get(0).length;
    float[] out = new float[n * size];
    for (int i = 0; i < n; i++) {
      System.arraycopy(tensors.get((start + i) % tensors.size()), 0, out, i * size, size);
    }
    return out;
  }

  /** Name of image {@code i}, cycling. */
  String name(int i) {
    return names.get(i % names.size());
  }
}
