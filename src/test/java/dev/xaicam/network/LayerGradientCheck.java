package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test support for layer types: builds a layer from a Keras-style JSON config and checks its
 * vector-Jacobian products against float64 central differences of its forward pass.
 */
final class LayerGradientCheck {
  /** Central-difference step; small enough not to cross relu kinks or pooling ties. */
  static final double STEP = 1e-6;
  /** JSON for configs written inline in tests. */
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Static methods only. */
  private LayerGradientCheck() {}

  /** A layer of Keras class {@code className} parsed from {@code configJson} (Keras 2). */
  static Layer layer(String className, String configJson, int[]... inputShapes) {
    return layer(GraphSpec.KERAS_2, className, configJson, inputShapes);
  }

  /** As {@link #layer(String, String, int[]...)} for a config Keras {@code kerasMajor} wrote. */
  static Layer layer(int kerasMajor, String className, String configJson, int[]... inputShapes) {
    try {
      ObjectNode config = (ObjectNode) JSON.readTree(configJson);
      List<String> inputs = new ArrayList<>();
      for (int i = 0; i < inputShapes.length; i++) {
        inputs.add("in" + i);
      }
      NodeSpec node = new NodeSpec("layer", className, config, inputs);
      return LayerTypes.create(node, List.of(inputShapes), kerasMajor);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(configJson, e);
    }
  }

  /** The layer's float64 forward output for one input batch {@code x} of {@code batchShape}. */
  static double[] forward(TensorScope scope, Layer layer, List<Tensor> weights, double[] x,
      int... batchShape) {
    return layer.forward(scope, List.of(scope.fromDoubles(x, batchShape)), weights).toDoubles();
  }

  /** n uniform values in [-1, 1). */
  static double[] random(long seed, int n) {
    Random r = new Random(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = 2 * r.nextDouble() - 1;
    }
    return v;
  }

  /** Random float64 weights for every weight the layer expects (positive where noted). */
  static List<Tensor> randomWeights(TensorScope scope, Layer layer, long seed) {
    List<Tensor> weights = new ArrayList<>();
    for (WeightSpec w : layer.weights()) {
      double[] values = random(seed++, (int) w.size());
      if (w.role().contains("variance")) {
        for (int i = 0; i < values.length; i++) {
          values[i] = 0.5 + Math.abs(values[i]);
        }
      }
      weights.add(scope.fromDoubles(values, w.shape()));
    }
    return weights;
  }

  /** Sum of a[i] * b[i]. */
  static double dot(double[] a, double[] b) {
    assertThat(a).hasSameSizeAs(b);
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** x + t * v. */
  static double[] step(double[] x, double t, double[] v) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i] + t * v[i];
    }
    return out;
  }

  /**
   * Dot-product test of {@code layer.backward} for every input at once: {@code <u, J v>} by
   * central differences of the forward must equal {@code sum_i <J_i^T u, v_i>} from the backward,
   * for random inputs x_i (batch shapes, batch axis first), directions v_i and cotangent u.
   */
  static void assertBackwardMatchesForward(
      TensorScope scope, Layer layer, List<Tensor> weights, long seed, int[]... batchShapes) {
    int inputs = batchShapes.length;
    double[][] x = new double[inputs][];
    double[][] v = new double[inputs][];
    List<Tensor> xt = new ArrayList<>();
    List<Tensor> plusT = new ArrayList<>();
    List<Tensor> minusT = new ArrayList<>();
    for (int i = 0; i < inputs; i++) {
      int n = 1;
      for (int d : batchShapes[i]) {
        n *= d;
      }
      x[i] = random(seed + 10L * i, n);
      v[i] = random(seed + 10L * i + 1, n);
      xt.add(scope.fromDoubles(x[i], batchShapes[i]));
      plusT.add(scope.fromDoubles(step(x[i], STEP, v[i]), batchShapes[i]));
      minusT.add(scope.fromDoubles(step(x[i], -STEP, v[i]), batchShapes[i]));
    }
    Tensor y = layer.forward(scope, xt, weights);
    int[] expectedShape = new int[layer.outputShape().length + 1];
    expectedShape[0] = batchShapes[0][0];
    System.arraycopy(layer.outputShape(), 0, expectedShape, 1, layer.outputShape().length);
    assertThat(y.shape()).as("forward output shape").containsExactly(expectedShape);
    double[] u = random(seed + 99, (int) y.size());
    double[] plus = layer.forward(scope, plusT, weights).toDoubles();
    double[] minus = layer.forward(scope, minusT, weights).toDoubles();
    double expected = (dot(u, plus) - dot(u, minus)) / (2 * STEP);
    List<Tensor> dx = layer.backward(scope, xt, y, scope.fromDoubles(u, y.shape()), weights);
    assertThat(dx).hasSize(inputs);
    double actual = 0;
    for (int i = 0; i < inputs; i++) {
      assertThat(dx.get(i).shape()).as("gradient shape of input " + i)
          .containsExactly(batchShapes[i]);
      actual += dot(dx.get(i).toDoubles(), v[i]);
    }
    assertThat(Math.abs(expected)).as("a non-trivial test").isGreaterThan(1e-3);
    assertThat(actual).isCloseTo(expected, within(1e-7 * (1 + Math.abs(expected))));
  }
  /**
   * Dot-product test of {@code layer.weightGradients}: {@code <u, (f(W + tV) - f(W - tV)) / 2t>}
   * must equal {@code sum_j <dW_j, V_j>} for random weights W, directions V, input and cotangent u.
   */
  static void assertWeightGradientsMatchForward(
      TensorScope scope, TrainableLayer layer, long seed, int[] batchShape) {
    int n = 1;
    for (int d : batchShape) {
      n *= d;
    }
    List<Tensor> x = List.of(scope.fromDoubles(random(seed, n), batchShape));
    List<WeightSpec> specs = layer.weights();
    List<Tensor> w = new ArrayList<>();
    List<Tensor> plus = new ArrayList<>();
    List<Tensor> minus = new ArrayList<>();
    double[][] v = new double[specs.size()][];
    for (int j = 0; j < specs.size(); j++) {
      double[] values = random(seed + 20L + j, (int) specs.get(j).size());
      v[j] = random(seed + 40L + j, values.length);
      w.add(scope.fromDoubles(values, specs.get(j).shape()));
      plus.add(scope.fromDoubles(step(values, STEP, v[j]), specs.get(j).shape()));
      minus.add(scope.fromDoubles(step(values, -STEP, v[j]), specs.get(j).shape()));
    }
    Tensor y = layer.forward(scope, x, w);
    double[] u = random(seed + 99, (int) y.size());
    double expected = (dot(u, layer.forward(scope, x, plus).toDoubles())
        - dot(u, layer.forward(scope, x, minus).toDoubles())) / (2 * STEP);
    List<Tensor> dw = layer.weightGradients(scope, x, y, scope.fromDoubles(u, y.shape()), w);
    assertThat(dw).hasSameSizeAs(specs);
    double actual = 0;
    for (int j = 0; j < specs.size(); j++) {
      assertThat(dw.get(j).shape()).as("gradient shape of " + specs.get(j).role())
          .containsExactly(specs.get(j).shape());
      actual += dot(dw.get(j).toDoubles(), v[j]);
    }
    assertThat(Math.abs(expected)).as("a non-trivial test").isGreaterThan(1e-3);
    assertThat(actual).isCloseTo(expected, within(1e-7 * (1 + Math.abs(expected))));
  }
}
