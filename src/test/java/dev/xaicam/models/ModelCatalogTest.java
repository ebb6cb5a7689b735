package dev.xaicam.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import dev.xaicam.cam.CamComputation;
import dev.xaicam.cam.CamInputs;
import dev.xaicam.cam.CamMethod;
import dev.xaicam.cam.CamMethods;
import dev.xaicam.cam.CamOptions;
import dev.xaicam.cam.Heatmap;
import dev.xaicam.cam.LayerSignal;
import dev.xaicam.cam.MethodNeed;
import dev.xaicam.image.ImageDecoder;
import dev.xaicam.network.ModelGraph;
import dev.xaicam.network.GraphPass;
import dev.xaicam.image.Preprocessing;
import dev.xaicam.network.GraphNetwork;
import dev.xaicam.network.Precision;
import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.network.TargetNode;
import dev.xaicam.shapes.ShapeBox;
import dev.xaicam.shapes.ShapeKind;
import dev.xaicam.shapes.ShapeSamples;
import dev.xaicam.shapes.ShapeScene;
import dev.xaicam.shapes.ShapeSceneGenerator;
import dev.xaicam.train.TrainDemo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The built-in catalog, above all the bundled demo model: its weights load from the jar, it
 * classifies held-out pictures, and every CAM method points at the shape (the pointing game).
 */
@Tag("native")
class ModelCatalogTest {
  /**
   * The usual pointing game's tolerance in pixels, reported only: Zhang et al. (ECCV 2016) count a
   * hit within 15 pixels of the object at 224x224, which is 4 pixels at 64x64; the asserts allow none.
   */
  private static final int TOLERANCE = 4;
  /** Held-out pictures for the pointing game, from index 10,000 of the test stream. */
  private static final int POINTING_IMAGES = 100;
  /** The demo entry. */
  private static ModelCatalog.Entry demo;
  /** Its network with the bundled weights. */
  private static GraphNetwork network;

  @BeforeAll
  static void loadDemo() {
    demo = ModelCatalog.builtIn(DownloadListener.SILENT).find("demo");
    network = GraphNetwork.create(ModelGraph.of(demo.spec()), demo.weights().load(null, true),
        TensorRuntime.shared(), Precision.FLOAT32);
  }

  @AfterAll
  static void closeDemo() {
    network.close();
  }

  @Test
  void listsVgg16FirstThenTheBundledDemoThenTheOtherImageNetModels() {
    ModelCatalog catalog = ModelCatalog.builtIn(DownloadListener.SILENT);
    assertThat(catalog.entries()).extracting(ModelCatalog.Entry::name).containsExactly("vgg16",
        "demo", "vgg19", "resnet50", "mobilenetv2", "efficientnetb0", "densenet121",
        "inceptionv3", "xception");
    assertThat(demo.weights().status()).containsExactly(
        "weights: bundled in the tool's jar as models/demo/weights.h5 (present)");
    assertThat(demo.labels().get().size()).isEqualTo(ShapeKind.values().length);
    assertThat(demo.labels().get().resolve("Triangle")).isEqualTo(ShapeKind.TRIANGLE.ordinal());
    assertThatThrownBy(() -> catalog.find("resnet")).isInstanceOf(XaiCamException.class)
        .hasMessage("unknown model 'resnet'; known: vgg16, demo, vgg19, resnet50, mobilenetv2, "
            + "efficientnetb0, densenet121, inceptionv3, xception, or a Keras model file (.h5, "
            + ".keras)");
  }

  @Test
  void imageNetEntriesCarryKerasPreprocessingAndFiles() {
    ModelCatalog catalog = ModelCatalog.builtIn(DownloadListener.SILENT);
    assertThat(catalog.find("ResNet50").preprocessing()).isEqualTo(Preprocessing.CAFFE);
    assertThat(catalog.find("vgg19").preprocessing()).isEqualTo(Preprocessing.CAFFE);
    assertThat(catalog.find("mobilenetv2").preprocessing()).isEqualTo(Preprocessing.TF);
    assertThat(catalog.find("inceptionv3").preprocessing()).isEqualTo(Preprocessing.TF);
    assertThat(catalog.find("xception").preprocessing()).isEqualTo(Preprocessing.TF);
    assertThat(catalog.find("densenet121").preprocessing()).isEqualTo(Preprocessing.TORCH);
    assertThat(catalog.find("efficientnetb0").preprocessing()).isEqualTo(Preprocessing.NONE);
    assertThat(ModelGraph.of(catalog.find("xception").spec()).inputShape())
        .containsExactly(299, 299, 3);
    List<String> status = catalog.find("mobilenetv2").weights().status();
    assertThat(status.get(0)).startsWith("weights: ").matches(
        ".*/models/mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1\\.0_224\\.h5 \\((present|absent)\\)");
    assertThat(status.get(2)).isEqualTo("download: https://storage.googleapis.com/tensorflow/"
        + "keras-applications/mobilenet_v2/mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0"
        + "_224.h5 (14 MB, size checked; Keras records no hash)");
    assertThat(catalog.find("vgg16").weights().status().get(2)).isEqualTo("download: https://"
        + "storage.googleapis.com/tensorflow/keras-applications/vgg16/vgg16_weights_tf_dim_"
        + "ordering_tf_kernels.h5 (553 MB, md5 checked)");
  }

  @Test
  void committedSamplesDecodeToTheGeneratorsNetworkInput() throws Exception {
    List<String> rows = Files.readAllLines(Path.of("samples/shapes/boxes.csv"));
    // the first sample is the stream's first picture
    ShapeScene scene = new ShapeSceneGenerator(ShapeSamples.SAMPLES_SEED, 64).scene(0);
    Path png = Path.of("samples/shapes", rows.get(1).split(",")[0]);
    float[] decoded = demo.preprocessing().toModelInput(new ImageDecoder().decode(png), 64, 64);
    assertThat(decoded).containsExactly(scene.unitScaleRgb());
  }

  @Test
  void classifiesHeldOutPicturesAtLeast95PercentRight() {
    double accuracy = TrainDemo.heldOutAccuracy(network, 300);
    System.out.printf(Locale.ROOT, "demo model held-out accuracy: %.3f on 300 pictures%n", accuracy);
    assertThat(accuracy).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void everyMethodPointsAtTheShapeAndGradCamEnergySitsInTheBox() {
    TargetNode layer = ModelGraph.of(demo.spec()).defaultTarget();
    ShapeSceneGenerator generator = new ShapeSceneGenerator(TrainDemo.TEST_SEED, 64);
    List<String> names = List.of("gradcam", "gradcam++", "scorecam", "faster-scorecam", "layercam");
    int[] hits = new int[names.size()];
    int[] strictHits = new int[names.size()];
    double energy = 0;
    double baseline = 0;
    Random random = new Random(5);
    for (int i = 0; i < POINTING_IMAGES; i++) {
      ShapeScene scene = generator.scene(10_000 + i);
      float[] input = scene.unitScaleRgb();
      int target = scene.kind().ordinal();
      LayerSignal signal;
      try (GraphPass pass = network.forward(input, 1, layer)) {
        signal = pass.signals(new int[] {target}).get(0);
      }
      for (int m = 0; m < names.size(); m++) {
        CamMethod method = CamMethods.create(names.get(m), CamOptions.defaults());
        Heatmap heatmap = CamComputation.compute(method, CamInputs.of(signal).withMaskScorer(
            method.needs(MethodNeed.MASKED_INPUT_SCORER) ? network.maskScorer(input, target, 64) : null), 64, 64);
        int best = 0;
        for (int p = 1; p < heatmap.values().length; p++) {
          best = heatmap.values()[p] > heatmap.values()[best] ? p : best;
        }
        ShapeBox box = scene.box();
        int x = best % 64;
        int y = best / 64;
        strictHits[m] += box.contains(x, y) ? 1 : 0;
        hits[m] += x >= box.x0() - TOLERANCE && x < box.x1() + TOLERANCE && y >= box.y0() - TOLERANCE
            && y < box.y1() + TOLERANCE ? 1 : 0;
        if (m == 0) {
          energy += energyIn(heatmap, box.x0(), box.y0(), box.width(), box.height());
          // the same box at a random place: what a heatmap with no idea of the shape would score
          baseline += energyIn(heatmap, random.nextInt(64 - box.width() + 1),
              random.nextInt(64 - box.height() + 1), box.width(), box.height());
        }
      }
    }
    StringBuilder report = new StringBuilder("pointing game on " + POINTING_IMAGES
        + " held-out pictures, max inside the box (within " + TOLERANCE + " px of it):");
    for (int m = 0; m < names.size(); m++) {
      report.append(String.format(Locale.ROOT, " %s %.3f (%.3f)", names.get(m),
          strictHits[m] / (double) POINTING_IMAGES, hits[m] / (double) POINTING_IMAGES));
    }
    System.out.println(report);
    System.out.printf(Locale.ROOT, "gradcam mean energy in box %.3f, same box at random places %.3f%n",
        energy / POINTING_IMAGES, baseline / POINTING_IMAGES);
    for (int m = 0; m < names.size(); m++) {
      // the pointing game: the heatmap's maximum inside the shape's tight box itself
      assertThat(strictHits[m] / (double) POINTING_IMAGES).as(names.get(m)).isGreaterThanOrEqualTo(0.9);
    }
    assertThat(energy / POINTING_IMAGES).isGreaterThan(baseline / POINTING_IMAGES + 0.2);
  }

  /** Fraction of the heatmap's total in the w x h box at (x0, y0). */
  private static double energyIn(Heatmap heatmap, int x0, int y0, int w, int h) {
    double inside = 0;
    double total = 0;
    for (int y = 0; y < heatmap.height(); y++) {
      for (int x = 0; x < heatmap.width(); x++) {
        double v = heatmap.at(y, x);
        total += v;
        inside += x >= x0 && x < x0 + w && y >= y0 && y < y0 + h ? v : 0;
      }
    }
    return total == 0 ? 0 : inside / total;
  }
}
