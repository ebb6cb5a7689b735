package dev.xaicam.shapes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes generated pictures as PNG files with their ground-truth boxes in {@code boxes.csv}
 * ({@code file,class,x0,y0,x1,y1}, x1/y1 exclusive), as committed in {@code samples/shapes/}.
 *
 * <p>Run: {@code java -cp target/classes dev.xaicam.shapes.ShapeSamples samples/shapes [COUNT [SEED]]}.
 */
public final class ShapeSamples {
  /** Header line of {@code boxes.csv}. */
  public static final String CSV_HEADER = "file,class,x0,y0,x1,y1";
  /** Picture size of the demo model's input. */
  public static final int SIZE = 64;
  /** Seed of the committed samples; distinct from the training and test seeds. */
  public static final long SAMPLES_SEED = 2024;

  /** Static methods and {@code main} only. */
  private ShapeSamples() {}

  /**
   * Writes {@code count} pictures {@code <class>_<nn>.png} and {@code boxes.csv} into {@code dir}.
   *
   * @return the file names written, in order
   */
  public static List<String> write(Path dir, int count, long seed) throws IOException {
    if (count < 1) {
      throw new IllegalArgumentException("sample count must be >= 1, got " + count);
    }
    Files.createDirectories(dir);
    List<ShapeScene> scenes = pick(new ShapeSceneGenerator(seed, SIZE), count);
    List<String> files = new ArrayList<>();
    try (Writer csv = Files.newBufferedWriter(dir.resolve("boxes.csv"), StandardCharsets.UTF_8)) {
      csv.write(CSV_HEADER + "\n");
      for (int i = 0; i < count; i++) {
        ShapeScene scene = scenes.get(i);
        String file = String.format("%02d_%s.png", i, scene.kind().label());
        if (!ImageIO.write(scene.toImage(), "png", dir.resolve(file).toFile())) {
          throw new IOException("no PNG writer available");
        }
        ShapeBox b = scene.box();
        csv.write(file + "," + scene.kind().label() + "," + b.x0() + "," + b.y0() + "," + b.x1() + ","
            + b.y1() + "\n");
        files.add(file);
      }
    }
    return files;
  }

  /**
   * The first {@code count} pictures of the stream, skipping those whose class already has its
   * share (count / classes, rounded up), so every class is shown.
   */
  static List<ShapeScene> pick(ShapeSceneGenerator generator, int count) {
    int share = (count + ShapeKind.values().length - 1) / ShapeKind.values().length;
    int[] taken = new int[ShapeKind.values().length];
    List<ShapeScene> scenes = new ArrayList<>();
    for (long index = 0; scenes.size() < count; index++) {
      ShapeScene scene = generator.scene(index);
      if (taken[scene.kind().ordinal()] < share) {
        taken[scene.kind().ordinal()]++;
        scenes.add(scene);
      }
    }
    return scenes;
  }

  /** Command line: folder, then optional count (default 12) and seed. */
  public static void main(String[] args) {
    if (args.length < 1 || args.length > 3) {
      System.err.println("usage: ShapeSamples DIR [COUNT [SEED]]");
      System.exit(2);
    }
    System.setProperty("java.awt.headless", "true");
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 12;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : SAMPLES_SEED;
    try {
      List<String> files = write(Path.of(args[0]), count, seed);
      System.out.println("wrote " + files.size() + " pictures and boxes.csv to " + args[0]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
