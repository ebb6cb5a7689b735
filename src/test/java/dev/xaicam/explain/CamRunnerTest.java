package dev.xaicam.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.cam.CamComputation;
import dev.xaicam.cam.CamMethod;
import dev.xaicam.cam.CamMethods;
import dev.xaicam.cam.CamOptions;
import dev.xaicam.cam.Heatmap;
import dev.xaicam.cam.LayerSignal;
import dev.xaicam.explain.CamRunner.Cam;
import dev.xaicam.explain.CamRunner.ImageCams;
import dev.xaicam.network.ModelGraph;
import dev.xaicam.network.BackwardMode;
import dev.xaicam.network.GraphPass;
import dev.xaicam.network.GraphNetwork;
import dev.xaicam.network.Precision;
import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.network.TargetNode;
import dev.xaicam.architectures.Vgg16;
import dev.xaicam.architectures.GlorotWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The per-batch flow on a tiny VGG16-shaped network, against the same steps taken one by one. */
@Tag("native")
class CamRunnerTest {
  private static final ModelGraph TINY = ModelGraph.of(Vgg16.spec(16, 8, 10, 32));
  private static GraphNetwork network;
  private static TargetNode layer;
  private static List<float[]> images;

  @BeforeAll
  static void load() {
    network = GraphNetwork.create(TINY, GlorotWeights.of(TINY, 11), TensorRuntime.shared(), Precision.FLOAT32);
    layer = TINY.defaultTarget();
    SplittableRandom random = new SplittableRandom(4);
    images = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      float[] x = new float[TINY.inputSize()];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) random.nextDouble(-120, 150);
      }
      images.add(x);
    }
  }

  @AfterAll
  static void close() {
    network.close();
  }

  @Test
  void eachImageGetsItsTopTargetsTimesEveryMethodAsTheSingleStepsGiveThem() {
    List<CamMethod> methods = List.of(CamMethods.create("gradcam", CamOptions.defaults()),
        CamMethods.create("scorecam", CamOptions.defaults()));
    List<ImageCams> results = new ArrayList<>();

    new CamRunner(network, layer, methods, Targets.top(2), 4).run(images, () -> false, results::add);

    assertThat(results).extracting(ImageCams::index).containsExactly(0, 1, 2);
    for (ImageCams image : results) {
      float[] input = images.get(image.index());
      try (GraphPass pass = network.forward(input, 1, layer)) {
        List<Integer> top2 = Targets.ranked(pass.probabilities()[0], 2);
        assertThat(image.targets()).isEqualTo(top2);
        assertThat(image.cams()).extracting(c -> c.method().name(), Cam::target).containsExactly(
            org.assertj.core.groups.Tuple.tuple("gradcam", top2.get(0)),
            org.assertj.core.groups.Tuple.tuple("scorecam", top2.get(0)),
            org.assertj.core.groups.Tuple.tuple("gradcam", top2.get(1)),
            org.assertj.core.groups.Tuple.tuple("scorecam", top2.get(1)));
        for (int round = 0; round < 2; round++) {
          LayerSignal signal = pass.signals(new int[] {top2.get(round)}).get(0);
          Heatmap gradcam = CamComputation.compute(methods.get(0),
              dev.xaicam.cam.CamInputs.of(signal), 32, 32);
          Heatmap scorecam = CamComputation.compute(methods.get(1),
              dev.xaicam.cam.CamInputs.of(signal).withMaskScorer(
                  network.maskScorer(input, top2.get(round), 4)), 32, 32);
          assertClose(image.cams().get(2 * round).heatmap(), gradcam);
          assertClose(image.cams().get(2 * round + 1).heatmap(), scorecam);
        }
      }
    }
  }

  @Test
  void everyRegisteredMethodGetsWhatItNeedsFromOneForwardPassPerBatch() {
    CamOptions options = CamOptions.defaults().withSmoothing(3, 0.2, 5);
    List<CamMethod> methods = CamMethods.names().stream()
        .map(name -> CamMethods.create(name, options)).toList();
    List<ImageCams> results = new ArrayList<>();

    new CamRunner(network, layer, methods, Targets.top(1), 4)
        .run(images.subList(0, 2), () -> false, results::add);

    assertThat(results).hasSize(2);
    for (ImageCams image : results) {
      float[] input = images.get(image.index());
      int target = image.targets().get(0);
      try (GraphPass pass = network.forward(input, 1, layer, true)) {
        int[] classes = {target};
        // every input any method reads, made step by step for this image alone
        dev.xaicam.cam.CamInputs all = dev.xaicam.cam.CamInputs.of(pass.signals(classes).get(0))
            .withInputGradients(pass.inputGradients(classes, BackwardMode.PLAIN).get(0))
            .withGuidedInputGradients(pass.inputGradients(classes, BackwardMode.GUIDED).get(0))
            .withInputGradientFunction(network.inputGradientFunction(input, target, 4))
            .withMaskScorer(network.maskScorer(input, target, 4))
            .withAblationScorer(pass.ablationScorer(0, target, 4));
        assertThat(image.cams()).extracting(c -> c.method().name())
            .containsExactlyElementsOf(CamMethods.names());
        for (int m = 0; m < methods.size(); m++) {
          assertClose(image.cams().get(m).heatmap(),
              CamComputation.compute(methods.get(m), all, 32, 32));
        }
      }
    }
  }

  @Test
  void aStopRequestEndsTheBatchBetweenImages() {
    List<ImageCams> results = new ArrayList<>();
    CamRunner runner = new CamRunner(network, layer, List.of(CamMethods.create("gradcam", CamOptions.defaults())),
        Targets.explicit(List.of(3)), 4);

    runner.run(images, () -> !results.isEmpty(), results::add);

    assertThat(results).hasSize(1);
    assertThat(results.get(0).targets()).containsExactly(3);
  }

  @Test
  void eachImageMayExplainItsOwnClassAsTheRunnersOwnRuleWouldForThatClass() {
    List<CamMethod> gradcam = List.of(CamMethods.create("gradcam", CamOptions.defaults()));
    CamRunner runner = new CamRunner(network, layer, gradcam, Targets.top(1), 4);
    List<ImageCams> perImage = new ArrayList<>();
    List<ImageCams> allSeven = new ArrayList<>();
    List<ImageCams> allTwo = new ArrayList<>();

    runner.run(images.subList(0, 2), List.of(Targets.explicit(List.of(7)), Targets.explicit(List.of(2))), 4,
        () -> false, perImage::add);
    new CamRunner(network, layer, gradcam, Targets.explicit(List.of(7)), 4)
        .run(images.subList(0, 2), 4, () -> false, allSeven::add);
    new CamRunner(network, layer, gradcam, Targets.explicit(List.of(2)), 4)
        .run(images.subList(0, 2), 4, () -> false, allTwo::add);

    assertThat(perImage).extracting(ImageCams::targets).containsExactly(List.of(7), List.of(2));
    assertThat(perImage.get(0).cams().get(0).heatmap().values())
        .isEqualTo(allSeven.get(0).cams().get(0).heatmap().values());
    assertThat(perImage.get(1).cams().get(0).heatmap().values())
        .isEqualTo(allTwo.get(1).cams().get(0).heatmap().values());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> runner.run(images.subList(0, 2),
            List.of(Targets.top(1), Targets.top(2)), 4, () -> false, c -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("as many classes");
  }

  @Test
  void aBatchPaddedToTheFullSizeGivesEachImageTheSameBitsWhateverItsNeighboursAndPlace() {
    List<CamMethod> methods = List.of(CamMethods.create("gradcam", CamOptions.defaults()),
        CamMethods.create("gradcam++", CamOptions.defaults()));
    CamRunner runner = new CamRunner(network, layer, methods, Targets.top(1), 32);
    List<float[]> full = new ArrayList<>(images);
    SplittableRandom random = new SplittableRandom(9);
    while (full.size() < 32) {
      float[] x = new float[TINY.inputSize()];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) random.nextDouble(-120, 150);
      }
      full.add(x);
    }
    List<ImageCams> inFullBatch = new ArrayList<>();
    List<ImageCams> alonePadded = new ArrayList<>();

    runner.run(full, () -> false, inFullBatch::add);
    runner.run(List.of(images.get(2), images.get(0)), 32, () -> false, alonePadded::add);

    assertThat(alonePadded).hasSize(2);
    for (int k = 0; k < 2; k++) {
      ImageCams expected = inFullBatch.get(k == 0 ? 2 : 0);
      assertThat(alonePadded.get(k).probabilities()).isEqualTo(expected.probabilities());
      for (int m = 0; m < methods.size(); m++) {
        assertThat(alonePadded.get(k).cams().get(m).heatmap().values())
            .isEqualTo(expected.cams().get(m).heatmap().values());
      }
    }
  }

  /** Batched and single passes may differ in float32 round-off only. */
  private static void assertClose(Heatmap actual, Heatmap expected) {
    assertThat(actual.values().length).isEqualTo(expected.values().length);
    for (int i = 0; i < actual.values().length; i++) {
      assertThat((double) actual.values()[i]).isCloseTo(expected.values()[i], org.assertj.core.data.Offset.offset(1e-3));
    }
  }
}
