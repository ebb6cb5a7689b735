package dev.xaicam.cam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties every registered method must have; a new method is checked by registering it. */
class CamMethodContractTest {

  /** Heatmap rows requested, unlike the layer and the fakes' input. */
  private static final int OUT_HEIGHT = 9;
  /** Heatmap columns requested. */
  private static final int OUT_WIDTH = 11;
  /**
   * Methods whose normalised map changes when A is scaled: Grad-CAM++'s alpha depends on the
   * channel's global activation sum.
   */
  private static final Set<String> SCALE_DEPENDENT = Set.of("gradcam++");

  /** The registered names, the parameter source. */
  static List<String> names() {
    return CamMethods.names();
  }

  /** Runs a method end to end on inputs of every kind, with fresh fakes. */
  private static Heatmap run(String name, LayerSignal s) {
    CamMethod method = CamMethods.create(name, new CamOptions(3));
    return CamComputation.compute(method, TestInputs.full(s), OUT_HEIGHT, OUT_WIDTH);
  }

  @ParameterizedTest
  @MethodSource("names")
  void givesFiniteValuesInUnitRangeAtTheRequestedSize(String name) {
    Heatmap h = run(name, TestSignals.random(21, 4, 3, 6, 2.0));

    assertThat(h.height()).isEqualTo(OUT_HEIGHT);
    assertThat(h.width()).isEqualTo(OUT_WIDTH);
    for (float v : h.values()) {
      assertThat(v).isBetween(0f, 1f);
    }
    float max = 0;
    for (float v : h.values()) {
      max = Math.max(max, v);
    }
    assertThat(max).as("a varying signal should give a non-trivial map").isGreaterThan(0.99f);
  }

  @ParameterizedTest
  @MethodSource("names")
  void scalingActivationsLeavesTheMapUnchangedWhereTheMathsIsScaleInvariant(String name) {
    LayerSignal s = TestSignals.random(22, 4, 3, 6, 2.0);

    Heatmap base = run(name, s);
    Heatmap scaled = run(name, TestSignals.scaleActivations(s, 3f));

    if (SCALE_DEPENDENT.contains(name)) {
      assertThat(scaled.values()).isNotEqualTo(base.values());
    } else {
      assertThat(scaled.values()).containsExactly(base.values(), within(1e-5f));
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void constantInputsGiveZeros(String name) {
    int size = 4 * 3 * 6;
    float[] a = new float[size];
    float[] g = new float[size];
    Arrays.fill(a, 0.5f);
    Arrays.fill(g, 0.01f);
    LayerSignal s = new LayerSignal(4, 3, 6, a, g, 0, 2.0);

    assertThat(run(name, s).values()).containsOnly(0f);
  }

  @ParameterizedTest
  @MethodSource("names")
  void isDeterministicAndLeavesTheSignalUntouched(String name) {
    LayerSignal s = TestSignals.random(23, 4, 3, 6, 2.0);
    double[] activations = s.activations().clone();
    double[] gradients = s.gradients().clone();

    Heatmap first = run(name, s);
    Heatmap second = run(name, s);

    assertThat(second.values()).containsExactly(first.values());
    assertThat(s.activations()).containsExactly(activations);
    assertThat(s.gradients()).containsExactly(gradients);
  }

  @ParameterizedTest
  @MethodSource("names")
  void runsWithoutWhatItDoesNotNeedAndRefusesToRunWithoutWhatItNeeds(String name) {
    CamMethod method = CamMethods.create(name, new CamOptions(3));
    CamInputs full = TestInputs.full(TestSignals.random(24, 4, 3, 6, 2.0));

    for (CamInputs partial : TestInputs.eachWithOneLess(full)) {
      boolean met = method.needs().stream().allMatch(need -> need.isMetBy(partial));
      if (met) {
        assertThat(CamComputation.compute(method, partial, 2, 2).values()).hasSize(4);
      } else {
        assertThatThrownBy(() -> CamComputation.compute(method, partial, 2, 2))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith(name + " needs ")
            .hasMessageEndingWith(", which the caller did not supply");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void describesItselfOnOneLine(String name) {
    CamMethod method = CamMethods.create(name, CamOptions.defaults());

    assertThat(method.description()).isNotBlank().doesNotContain("\n");
    assertThat(method.needs()).isNotEmpty();
  }
}
