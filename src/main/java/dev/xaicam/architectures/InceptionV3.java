package dev.xaicam.architectures;

import dev.xaicam.network.GraphSpec;

/**
 * Keras Applications' InceptionV3 ({@code include_top=True}) as a graph with Keras's layer names:
 * every convolution is an unnamed conv-BN(no scale)-ReLU triple numbered as Keras numbers them
 * ({@code conv2d_7}, {@code batch_normalization_7}, {@code activation_7}); the inception modules
 * end in the named concatenations {@code mixed0} to {@code mixed10}.
 */
public final class InceptionV3 {
  /** Input height and width in pixels. */
  public static final int INPUT_SIZE = 299;
  /** BatchNormalization's epsilon (Keras's default). */
  private static final double EPSILON = 1e-3;

  /** The builder, for the helpers. */
  private final KerasGraphBuilder b;

  /** A builder for one graph. */
  private InceptionV3() {
    b = new KerasGraphBuilder("inception_v3", "input_1", INPUT_SIZE, INPUT_SIZE, 3);
  }

  /** The ImageNet InceptionV3: 299x299x3 input, 1000 classes. */
  public static GraphSpec spec() {
    return new InceptionV3().build();
  }

  /** Assembles the stem, the eleven modules and the top. */
  private GraphSpec build() {
    String x = cbr(b.last(), 32, 3, 3, 2, "valid");
    x = cbr(x, 32, 3, 3, 1, "valid");
    x = cbr(x, 64, 3, 3, 1, "same");
    x = b.maxPool(b.auto("max_pooling2d"), x, 3, 2, "valid");
    x = cbr(x, 80, 1, 1, 1, "valid");
    x = cbr(x, 192, 3, 3, 1, "valid");
    x = b.maxPool(b.auto("max_pooling2d"), x, 3, 2, "valid");
    x = moduleA(x, 32, "mixed0");
    x = moduleA(x, 64, "mixed1");
    x = moduleA(x, 64, "mixed2");
    String b3 = cbr(x, 384, 3, 3, 2, "valid");
    String d = cbr(x, 64, 1, 1, 1, "same");
    d = cbr(d, 96, 3, 3, 1, "same");
    d = cbr(d, 96, 3, 3, 2, "valid");
    String pool = b.maxPool(b.auto("max_pooling2d"), x, 3, 2, "valid");
    x = b.concat("mixed3", b3, d, pool);
    x = moduleB(x, 128, "mixed4");
    x = moduleB(x, 160, "mixed5");
    x = moduleB(x, 160, "mixed6");
    x = moduleB(x, 192, "mixed7");
    String c = cbr(x, 192, 1, 1, 1, "same");
    c = cbr(c, 320, 3, 3, 2, "valid");
    String s = cbr(x, 192, 1, 1, 1, "same");
    s = cbr(s, 192, 1, 7, 1, "same");
    s = cbr(s, 192, 7, 1, 1, "same");
    s = cbr(s, 192, 3, 3, 2, "valid");
    pool = b.maxPool(b.auto("max_pooling2d"), x, 3, 2, "valid");
    x = b.concat("mixed8", c, s, pool);
    x = moduleC(x, 0);
    x = moduleC(x, 1);
    x = b.globalAvgPool("avg_pool", x, false);
    b.dense("predictions", x, 1000, "softmax");
    return b.build();
  }

  /** Mixed 0-2: 1x1, 5x5, double 3x3 and pooled branches. */
  private String moduleA(String x, int poolFilters, String name) {
    String one = cbr(x, 64, 1, 1, 1, "same");
    String five = cbr(x, 48, 1, 1, 1, "same");
    five = cbr(five, 64, 5, 5, 1, "same");
    String dbl = cbr(x, 64, 1, 1, 1, "same");
    dbl = cbr(dbl, 96, 3, 3, 1, "same");
    dbl = cbr(dbl, 96, 3, 3, 1, "same");
    String pool = cbr(avgPool(x), poolFilters, 1, 1, 1, "same");
    return b.concat(name, one, five, dbl, pool);
  }

  /** Mixed 4-7: factorised 7x7 branches of width {@code mid}. */
  private String moduleB(String x, int mid, String name) {
    String one = cbr(x, 192, 1, 1, 1, "same");
    String seven = cbr(x, mid, 1, 1, 1, "same");
    seven = cbr(seven, mid, 1, 7, 1, "same");
    seven = cbr(seven, 192, 7, 1, 1, "same");
    String dbl = cbr(x, mid, 1, 1, 1, "same");
    dbl = cbr(dbl, mid, 7, 1, 1, "same");
    dbl = cbr(dbl, mid, 1, 7, 1, "same");
    dbl = cbr(dbl, mid, 7, 1, 1, "same");
    dbl = cbr(dbl, 192, 1, 7, 1, "same");
    String pool = cbr(avgPool(x), 192, 1, 1, 1, "same");
    return b.concat(name, one, seven, dbl, pool);
  }

  /** Mixed 9 and 10: expanded 1x3/3x1 branches. */
  private String moduleC(String x, int i) {
    String one = cbr(x, 320, 1, 1, 1, "same");
    String three = cbr(x, 384, 1, 1, 1, "same");
    String t1 = cbr(three, 384, 1, 3, 1, "same");
    String t2 = cbr(three, 384, 3, 1, 1, "same");
    three = b.concat("mixed9_" + i, t1, t2);
    String dbl = cbr(x, 448, 1, 1, 1, "same");
    dbl = cbr(dbl, 384, 3, 3, 1, "same");
    String d1 = cbr(dbl, 384, 1, 3, 1, "same");
    String d2 = cbr(dbl, 384, 3, 1, 1, "same");
    dbl = b.concat(b.auto("concatenate"), d1, d2);
    String pool = cbr(avgPool(x), 192, 1, 1, 1, "same");
    return b.concat("mixed" + (9 + i), one, three, dbl, pool);
  }

  /** A 3x3 average pooling with stride 1 and {@code same} padding. */
  private String avgPool(String x) {
    return b.avgPool(b.auto("average_pooling2d"), x, 3, 1, "same");
  }

  /** Keras's {@code conv2d_bn}: an unnamed bias-free conv, BN without gamma, ReLU. */
  private String cbr(String x, int filters, int kh, int kw, int stride, String padding) {
    x = b.conv(b.auto("conv2d"), x, filters, kh, kw, stride, padding, false, "linear");
    x = b.batchNormNoScale(b.auto("batch_normalization"), x, EPSILON);
    return b.activation(b.auto("activation"), x, "relu");
  }
}
