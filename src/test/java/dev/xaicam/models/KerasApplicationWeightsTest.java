package dev.xaicam.models;

import java.nio.file.Path;
import java.nio.file.Files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import dev.xaicam.network.ModelWeights;
import dev.xaicam.network.WeightArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Matching a Keras Applications file to the architecture: by name, else by Keras's position. */
class KerasApplicationWeightsTest {
  @org.junit.jupiter.api.io.TempDir Path dir;

  /** A kernel of one value. */
  private static List<WeightArray> kernel(float v) {
    return List.of(new WeightArray(new int[] {1}, new float[] {v}));
  }

  /** The architecture's layers: input, two convolutions, an activation between. */
  private static final Map<String, List<int[]>> SHAPES = new LinkedHashMap<>();

  static {
    SHAPES.put("input_1", List.of());
    SHAPES.put("conv2d", List.of(new int[] {1}));
    SHAPES.put("activation", List.of());
    SHAPES.put("conv2d_1", List.of(new int[] {1}));
  }

  @Test
  void aFileNamingEveryLayerIsTakenAsItIs() {
    Map<String, List<WeightArray>> file = new LinkedHashMap<>();
    file.put("conv2d_1", kernel(2));
    file.put("conv2d", kernel(1));
    ModelWeights read = new ModelWeights(file);
    assertThat(KerasApplicationWeights.byKerasPosition(SHAPES, read)).isSameAs(read);
  }

  @Test
  void olderNamesAreMatchedByPositionAsKerasLoadsThem() {
    Map<String, List<WeightArray>> file = new LinkedHashMap<>();
    file.put("input_1", List.of());
    file.put("conv2d_1", kernel(1));
    file.put("activation_1", List.of());
    file.put("conv2d_2", kernel(2));
    ModelWeights matched = KerasApplicationWeights.byKerasPosition(SHAPES,
        new ModelWeights(file));
    assertThat(matched.byLayer().keySet()).containsExactly("input_1", "conv2d", "activation",
        "conv2d_1");
    assertThat(matched.of("conv2d").get(0).values()).containsExactly(1f);
    assertThat(matched.of("conv2d_1").get(0).values()).containsExactly(2f);
  }

  @Test
  void differentCountsNameAMissingLayer() {
    ModelWeights read = new ModelWeights(Map.of("conv2d_7", kernel(1)));
    assertThatThrownBy(() -> KerasApplicationWeights.byKerasPosition(SHAPES, read))
        .isInstanceOf(XaiCamException.class)
        .hasMessage("weights: layer 'conv2d' is missing and the file has 1 layers with weights "
            + "where the model has 2; the weights do not fit");
  }

  @Test
  void aCachedFileIsPresentOnlyAtTheExpectedSizeAndOtherwiseMarkedWrong() throws Exception {
    Path right = Files.write(dir.resolve("right.h5"), new byte[10]);
    Path cut = Files.write(dir.resolve("cut.h5"), new byte[7]);

    assertThat(KerasApplicationWeights.presence(right, 10)).isEqualTo(" (present)");
    assertThat(KerasApplicationWeights.presence(cut, 10))
        .isEqualTo(" (WRONG SIZE: 7 bytes, expected 10; delete it to download again)");
    assertThat(KerasApplicationWeights.presence(dir.resolve("none.h5"), 10)).isEqualTo(" (absent)");
  }

  @Test
  void theLoadingLineNamesTheDownloadsSize() {
    assertThat(ModelCatalog.builtIn(DownloadListener.SILENT).find("vgg16").weights().fileBytes())
        .isEqualTo(553_467_096L);
  }
}
