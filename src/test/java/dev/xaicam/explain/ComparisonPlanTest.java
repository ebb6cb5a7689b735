package dev.xaicam.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import dev.xaicam.image.Preprocessing;
import dev.xaicam.keras.TestModelFiles;
import dev.xaicam.models.DownloadListener;
import dev.xaicam.models.ModelCatalog;
import dev.xaicam.shapes.ShapeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a model comparison resolves and refuses before any model loads (no natives). */
class ComparisonPlanTest {
  private static final ModelCatalog CATALOG = ModelCatalog.builtIn(DownloadListener.SILENT);

  @TempDir Path dir;

  /** The shared options of a comparison with a montage, as the command line gives them. */
  private Supplier<ExplainSettings.Builder> options() {
    return () -> ExplainSettings.builder().offline(true).montage(dir.resolve("cmp.png"));
  }

  /** A file where a weight file should be: the plan only checks that it is there. */
  private Path weights(String name) throws IOException {
    return Files.writeString(dir.resolve(name), "weights");
  }

  @Test
  void eachModelGetsItsColumnLabelSettingsAndDefaultLayer() throws IOException {
    Path random = weights("demo-random.h5");
    Supplier<ExplainSettings.Builder> options = () -> options().get().threads(1);

    ComparisonPlan plan = ComparisonPlan.of(List.of("demo", " demo = " + random), options, CATALOG);

    assertThat(plan.columns()).extracting(ComparisonPlan.Column::label)
        .containsExactly("demo", "demo (demo-random.h5)");
    assertThat(plan.columns()).extracting(ComparisonPlan.Column::layer)
        .containsExactly("block2_conv2", "block2_conv2");
    assertThat(plan.columns().get(0).settings().weights()).isNull();
    assertThat(plan.columns().get(1).settings().weights()).isEqualTo(random);
    assertThat(plan.columns()).allSatisfy(c -> assertThat(c.settings().model()).isEqualTo("demo"));
    // TensorFlow's pools are sized once, by the first model to load.
    assertThat(plan.columns().get(0).settings().threads()).isEqualTo(1);
    assertThat(plan.columns().get(1).settings().threads()).isNull();
    assertThat(plan.method()).isEqualTo("gradcam");
    assertThat(plan.classIndex()).isNull();
    assertThat(plan.heading()).isEqualTo("method gradcam, target: demo's top prediction for each image, "
        + "layers: block2_conv2 of demo, block2_conv2 of demo (demo-random.h5)");
  }

  @Test
  void aGivenClassIsResolvedOnceForEveryModel() throws IOException {
    Path random = weights("r.h5");
    Supplier<ExplainSettings.Builder> options = () -> options().get()
        .methods(List.of("gradcampp")).classes(List.of("Star"));

    ComparisonPlan plan = ComparisonPlan.of(List.of("demo", "demo=" + random), options, CATALOG);

    assertThat(plan.classIndex()).isEqualTo(ShapeKind.STAR.ordinal());
    assertThat(plan.method()).isEqualTo("gradcam++");
    assertThat(plan.heading()).startsWith("method gradcam++, target: class star (5), layers: ");
  }

  @Test
  void preprocessGoesOnlyToTheModelFilesThatNeedIt() throws IOException {
    Path file = TestModelFiles.rgbClassifier(dir.resolve("shapes.h5"), ShapeKind.values().length, 1);
    Path labels = Files.writeString(dir.resolve("labels.txt"), String.join("\n", ShapeKind.labels()));
    Supplier<ExplainSettings.Builder> options = () -> options().get()
        .preprocess(Preprocessing.byName("scale")).labels(labels);

    ComparisonPlan plan = ComparisonPlan.of(List.of("demo", file.toString()), options, CATALOG);

    assertThat(plan.columns()).extracting(ComparisonPlan.Column::label).containsExactly("demo", "shapes.h5");
    assertThat(plan.columns().get(0).settings().preprocess()).isNull();
    assertThat(plan.columns().get(1).settings().preprocess()).isEqualTo(Preprocessing.byName("scale"));
    assertThat(plan.columns().get(1).layer()).isEqualTo("conv2d");
    assertThat(plan.labels().name(ShapeKind.RING.ordinal())).isEqualTo("ring");
  }

  @Test
  void modelsWithDifferentClassesCannotShareARow() throws IOException {
    Path file = TestModelFiles.rgbClassifier(dir.resolve("shapes.h5"), ShapeKind.values().length, 1);

    assertThatThrownBy(() -> ComparisonPlan.of(List.of("demo", file.toString()), () -> options().get()
        .preprocess(Preprocessing.byName("scale")), CATALOG))
        .isInstanceOf(XaiCamException.class)
        .hasMessage("--compare-models needs models with the same classes: demo has 6 classes (circle, "
            + "square, triangle, ...), shapes.h5 has 6 classes (0, 1, 2, ...); give --labels "
            + "if they are the same classes");
    assertThatThrownBy(() -> ComparisonPlan.of(List.of("demo", "vgg16"), options(), CATALOG))
        .hasMessage("--compare-models needs models with the same classes: demo has 6 classes (circle, "
            + "square, triangle, ...), vgg16 has 1000 classes (tench, goldfish, great_white_shark, ...)");
  }

  @Test
  void optionsAComparisonCannotHonourAreRefusedOneLineEach() throws IOException {
    Path random = weights("r.h5");
    List<String> two = List.of("demo", "demo=" + random);
    assertRefused(two, b -> b.weights(random),
        "--weights cannot be used with --compare-models: give a model's weights as NAME=WEIGHTS in the list");
    assertRefused(two, b -> b.layer("block1_conv1"),
        "-l cannot be used with --compare-models: each model is explained at its own default layer");
    assertRefused(two, b -> b.npy(true), "--npy cannot be used with --compare-models: it writes only the montage");
    assertRefused(two, b -> b.raw(true), "--raw cannot be used with --compare-models: it writes only the montage");
    assertRefused(two, b -> b.html(dir.resolve("g.html")),
        "--html cannot be used with --compare-models: it writes only the montage");
    assertRefused(two, b -> b.topK(2),
        "--top-k cannot be used with --compare-models: each image is explained for one class");
    assertRefused(two, b -> b.montage(null),
        "--compare-models needs --montage FILE: the comparison is that picture");
    assertRefused(two, b -> b.methods(List.of("gradcam", "scorecam")),
        "--compare-models compares one method, got 2 (gradcam, scorecam); run once per method");
    assertRefused(two, b -> b.classes(List.of("star", "ring")),
        "--compare-models explains one class per image, got 2 with --class");
    assertRefused(two, b -> b.preprocess(Preprocessing.byName("tf")), "--preprocess is for model files "
        + "that do not rescale their input, and no compared model is one; built-in models keep their own");
    assertRefused(List.of("demo"), b -> b, "--compare-models needs at least two models, got 1");
    assertRefused(List.of("demo", "demo"), b -> b,
        "--compare-models names demo twice; compare different models or weight files with different names");
    assertRefused(List.of("demo", "demo="), b -> b, "--compare-models: 'demo=' is not MODEL or MODEL=WEIGHTS");
    Path missing = dir.resolve("missing.h5");
    assertRefused(List.of("demo", "demo=" + missing), b -> b,
        "--compare-models demo=" + missing + ": no such weight file " + missing);
  }

  /** {@code models} with {@code change} made to the options is a usage error with exactly {@code message}. */
  private void assertRefused(List<String> models,
      java.util.function.UnaryOperator<ExplainSettings.Builder> change, String message) {
    assertThatThrownBy(() -> ComparisonPlan.of(models, () -> change.apply(options().get()), CATALOG))
        .isInstanceOf(XaiCamException.class)
        .hasMessage(message)
        .satisfies(e -> assertThat(((XaiCamException) e).exitCode()).isEqualTo(XaiCamException.EXIT_USAGE));
  }
}
