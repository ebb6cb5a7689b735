package dev.xaicam.cli;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Test fixture: mutated copies of the sample pictures (byte flips, truncations, header fields
 * overwritten) in every format the tool reads that Java can write, from a fixed seed.
 */
final class FuzzedImages {
  private FuzzedImages() {}

  /** Writes {@code count} mutated images into {@code folder}; the same seed gives the same files. */
  static List<Path> write(Path folder, int count, long seed) throws IOException {
    List<Seed> seeds = seeds();
    SplittableRandom random = new SplittableRandom(seed);
    List<Path> written = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Seed source = seeds.get(random.nextInt(seeds.size()));
      byte[] bytes = mutate(source.bytes(), random);
      Path file = folder.resolve(String.format("f%05d.%s", i, source.extension()));
      Files.write(file, bytes);
      written.add(file);
    }
    return written;
  }

  /** One intact picture and the extension its format goes by. */
  private record Seed(byte[] bytes, String extension) {}

  /** The sample photos and shapes as they are, plus BMP, TIFF and PPM copies of a few. */
  private static List<Seed> seeds() throws IOException {
    List<Seed> seeds = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> samples = Files.list(Path.of("samples"));
        Stream<Path> shapes = Files.list(Path.of("samples/shapes"))) {
      files = Stream.concat(samples, shapes)
          .filter(p -> p.toString().endsWith(".png") || p.toString().endsWith(".jpg")).sorted().toList();
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      seeds.add(new Seed(Files.readAllBytes(file), name.substring(name.lastIndexOf('.') + 1)));
    }
    for (Path file : List.of(Path.of("samples/shapes/00_cross.png"), Path.of("samples/shapes/05_star.png"),
        Path.of("samples/coffee.png"))) {
      BufferedImage image = ImageIO.read(file.toFile());
      BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
      rgb.getGraphics().drawImage(image, 0, 0, null);
      seeds.add(new Seed(encode(rgb, "bmp"), "bmp"));
      seeds.add(new Seed(encode(rgb, "tiff"), "tif"));
      seeds.add(new Seed(ppm(rgb), "ppm"));
    }
    return seeds;
  }

  private static byte[] encode(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A binary PPM (P6), written by hand: Java has no writer for it. */
  private static byte[] ppm(BufferedImage image) {
    byte[] header = ("P6\n" + image.getWidth() + " " + image.getHeight() + "\n255\n")
        .getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(header, header.length + 3 * image.getWidth() * image.getHeight());
    int k = header.length;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        out[k++] = (byte) (rgb >> 16);
        out[k++] = (byte) (rgb >> 8);
        out[k++] = (byte) rgb;
      }
    }
    return out;
  }

  /** One of: flipped bytes anywhere, a truncation, or header bytes overwritten with extreme values. */
  private static byte[] mutate(byte[] original, SplittableRandom random) {
    byte[] bytes = original.clone();
    switch (random.nextInt(3)) {
      case 0 -> {
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips; i++) {
          bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
      }
      case 1 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
      default -> {
        int fields = 1 + random.nextInt(4);
        int[] extremes = {0x00, 0xFF, 0x7F, 0x80};
        for (int i = 0; i < fields; i++) {
          int at = random.nextInt(Math.min(64, bytes.length));
          bytes[at] = (byte) (random.nextBoolean() ? extremes[random.nextInt(extremes.length)] : random.nextInt(256));
        }
      }
    }
    return bytes;
  }
}
