package dev.xaicam.shapes;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ShapeSamples: lossless PNGs, a boxes.csv that matches them, and the committed samples up to date. */
class ShapeSamplesTest {

  @Test
  void writesPngsAndBoxesThatMatchTheGenerator(@TempDir Path dir) throws Exception {
    List<String> files = ShapeSamples.write(dir, 3, 11);
    List<String> csv = Files.readAllLines(dir.resolve("boxes.csv"));
    assertThat(csv).hasSize(4);
    assertThat(csv.get(0)).isEqualTo("file,class,x0,y0,x1,y1");
    List<ShapeScene> scenes = ShapeSamples.pick(new ShapeSceneGenerator(11, 64), 3);
    for (int i = 0; i < 3; i++) {
      ShapeScene scene = scenes.get(i);
      ShapeBox b = scene.box();
      assertThat(files.get(i)).isEqualTo(String.format("%02d_%s.png", i, scene.kind().label()));
      assertThat(csv.get(i + 1)).isEqualTo(files.get(i) + "," + scene.kind().label() + "," + b.x0() + ","
          + b.y0() + "," + b.x1() + "," + b.y1());
      BufferedImage png = ImageIO.read(dir.resolve(files.get(i)).toFile());
      int p = (7 * 64 + 5) * 3;
      int rgb = png.getRGB(5, 7) & 0xFFFFFF;
      assertThat(rgb).isEqualTo((scene.rgb()[p] & 0xFF) << 16 | (scene.rgb()[p + 1] & 0xFF) << 8
          | (scene.rgb()[p + 2] & 0xFF));
      assertThat(Files.size(dir.resolve(files.get(i)))).isLessThan(50_000);
    }
  }

  @Test
  void pickShowsEveryClassInStreamOrder() {
    ShapeSceneGenerator generator = new ShapeSceneGenerator(2024, 64);
    List<ShapeScene> scenes = ShapeSamples.pick(generator, 12);
    assertThat(scenes).extracting(ShapeScene::kind)
        .containsOnly(ShapeKind.values())
        .allSatisfy(k -> assertThat(scenes.stream().filter(s -> s.kind() == k).count()).isEqualTo(2));
    // the first picture of the stream is always taken
    assertThat(scenes.get(0).rgb()).isEqualTo(generator.scene(0).rgb());
  }

  @Test
  void committedSamplesAreWhatTheGeneratorWrites(@TempDir Path dir) throws Exception {
    Path committed = Path.of("samples/shapes/boxes.csv");
    ShapeSamples.write(dir, 12, ShapeSamples.SAMPLES_SEED);
    assertThat(Files.readAllLines(committed)).isEqualTo(Files.readAllLines(dir.resolve("boxes.csv")));
  }
}
