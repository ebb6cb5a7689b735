package dev.xaicam.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ShapeSceneGenerator: a pure function of (seed, index), with boxes that fit the drawn shape. */
class ShapeSceneGeneratorTest {

  @Test
  void sameSeedAndIndexGiveTheSamePicture() {
    ShapeScene a = new ShapeSceneGenerator(3, 64).scene(17);
    ShapeScene b = new ShapeSceneGenerator(3, 64).scene(17);
    assertThat(a.rgb()).isEqualTo(b.rgb());
    assertThat(a.kind()).isEqualTo(b.kind());
    assertThat(a.box()).isEqualTo(b.box());
    assertThat(new ShapeSceneGenerator(4, 64).scene(17).rgb()).isNotEqualTo(a.rgb());
    assertThat(new ShapeSceneGenerator(3, 64).scene(18).rgb()).isNotEqualTo(a.rgb());
  }

  @Test
  void boxesLieInsideThePictureWithTheShapeSizesDrawn() {
    ShapeSceneGenerator generator = new ShapeSceneGenerator(1, 64);
    Map<ShapeKind, Integer> counts = new EnumMap<>(ShapeKind.class);
    for (int i = 0; i < 600; i++) {
      ShapeScene scene = generator.scene(i);
      ShapeBox box = scene.box();
      counts.merge(scene.kind(), 1, Integer::sum);
      assertThat(box.x1()).isLessThanOrEqualTo(64);
      assertThat(box.y1()).isLessThanOrEqualTo(64);
      // the square is inset by a tenth on each side; every other shape spans its full extent
      int min = scene.kind() == ShapeKind.SQUARE ? 12 : ShapeSceneGenerator.MIN_SHAPE - 1;
      assertThat(Math.max(box.width(), box.height())).isBetween(min, ShapeSceneGenerator.MAX_SHAPE + 1);
    }
    // every class shows up, none dominates
    assertThat(counts).hasSize(ShapeKind.values().length);
    assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(60, 140));
  }

  @Test
  void shapePixelsAreBrighterThanTheBackgroundAndFillTheirBox() {
    ShapeSceneGenerator generator = new ShapeSceneGenerator(2, 64);
    for (int i = 0; i < 50; i++) {
      ShapeScene scene = generator.scene(i);
      ShapeBox box = scene.box();
      // Shapes have a channel >= 204 - noise; background and clutter stay below 170 + noise.
      boolean[] bright = new boolean[64 * 64];
      for (int p = 0; p < bright.length; p++) {
        int max = 0;
        for (int c = 0; c < 3; c++) {
          max = Math.max(max, scene.rgb()[p * 3 + c] & 0xFF);
        }
        bright[p] = max >= 197;
      }
      int inside = 0;
      int outside = 0;
      boolean[] rows = new boolean[64];
      boolean[] cols = new boolean[64];
      for (int y = 0; y < 64; y++) {
        for (int x = 0; x < 64; x++) {
          if (bright[y * 64 + x]) {
            if (box.contains(x, y)) {
              inside++;
              rows[y] = true;
              cols[x] = true;
            } else {
              outside++;
            }
          }
        }
      }
      assertThat(outside).as("bright pixels outside the box of scene %d", i).isLessThanOrEqualTo(3);
      // the box is tight: its first and last rows and columns hold shape pixels
      assertThat(rows[box.y0()] && rows[box.y1() - 1] && cols[box.x0()] && cols[box.x1() - 1])
          .as("tight box of scene %d", i).isTrue();
      assertThat(inside).isGreaterThan(box.width() * box.height() / 4);
    }
  }

  @Test
  void outlinesFillTheirSquareAsDrawn() {
    // extent 20 at (10, 10): the square is inset by 0.1 of it, every other shape spans it all
    assertThat(ShapeKind.SQUARE.outline(10, 10, 20).getBounds2D())
        .isEqualTo(new java.awt.geom.Rectangle2D.Double(12, 12, 16, 16));
    for (ShapeKind kind : new ShapeKind[] {ShapeKind.CIRCLE, ShapeKind.TRIANGLE, ShapeKind.CROSS, ShapeKind.RING}) {
      assertThat(kind.outline(10, 10, 20).getBounds2D()).as(kind.label())
          .isEqualTo(new java.awt.geom.Rectangle2D.Double(10, 10, 20, 20));
    }
    // the star's top point touches the top; its lower points stop short of the bottom
    java.awt.geom.Rectangle2D star = ShapeKind.STAR.outline(10, 10, 20).getBounds2D();
    assertThat(star.getMinY()).isEqualTo(10.0);
    assertThat(star.getMaxY()).isLessThan(30.0);
    assertThat(ShapeKind.labels()).containsExactly("circle", "square", "triangle", "cross", "ring", "star");
  }

  @Test
  void rejectsPicturesTooSmallForTheShapesAndNegativeIndices() {
    assertThatThrownBy(() -> new ShapeSceneGenerator(1, 20)).hasMessage("picture size must be >= 32, got 20");
    assertThatThrownBy(() -> new ShapeSceneGenerator(1, 64).scene(-1))
        .hasMessage("scene index must be >= 0, got -1");
  }
}
