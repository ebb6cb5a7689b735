package dev.xaicam.shapes;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.SplittableRandom;

/**
 * Makes the demo task's pictures, each a pure function of (seed, index): a noisy, cluttered
 * background with one bright shape at a random place, size and colour. The ground-truth box is
 * measured from the pixels the shape actually covers, so it is exact by construction.
 */
public final class ShapeSceneGenerator {
  /** Smallest shape extent in pixels: small enough to make localisation non-trivial. */
  static final int MIN_SHAPE = 16;
  /** Largest shape extent in pixels. */
  static final int MAX_SHAPE = 30;
  /** Thin clutter lines per picture, at most; they cross the shape too so it is not the only edge. */
  private static final int MAX_LINES = 8;
  /** Amplitude of the per-pixel background noise. */
  private static final int NOISE = 20;

  /** Seed of the whole stream. */
  private final long seed;
  /** Width and height of every picture. */
  private final int size;

  /**
   * A generator of {@code size} x {@code size} pictures.
   *
   * @param seed picks the stream; two generators with the same seed and size agree picture by picture
   * @param size side in pixels, at least {@code MAX_SHAPE + 2}
   */
  public ShapeSceneGenerator(long seed, int size) {
    if (size < MAX_SHAPE + 2) {
      throw new IllegalArgumentException("picture size must be >= " + (MAX_SHAPE + 2) + ", got " + size);
    }
    this.seed = seed;
    this.size = size;
  }

  /** Width and height of every picture. */
  public int size() {
    return size;
  }

  /** Picture number {@code index} of this generator's stream. */
  public ShapeScene scene(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("scene index must be >= 0, got " + index);
    }
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    ShapeKind kind = ShapeKind.values()[random.nextInt(ShapeKind.values().length)];
    byte[] rgb = background(random);
    drawClutter(rgb, random);
    int extent = random.nextInt(MIN_SHAPE, MAX_SHAPE + 1);
    int x = random.nextInt(1, size - extent);
    int y = random.nextInt(1, size - extent);
    boolean[] mask = mask(kind, x, y, extent);
    Color colour = Color.getHSBColor((float) random.nextDouble(),
        (float) random.nextDouble(0.55, 1.0), (float) random.nextDouble(0.8, 1.0));
    int[] c = {colour.getRed(), colour.getGreen(), colour.getBlue()};
    int x0 = size;
    int y0 = size;
    int x1 = 0;
    int y1 = 0;
    for (int py = 0; py < size; py++) {
      for (int px = 0; px < size; px++) {
        if (!mask[py * size + px]) {
          continue;
        }
        x0 = Math.min(x0, px);
        y0 = Math.min(y0, py);
        x1 = Math.max(x1, px + 1);
        y1 = Math.max(y1, py + 1);
        int p = (py * size + px) * 3;
        for (int ch = 0; ch < 3; ch++) {
          // A little noise on the shape too, so flat colour alone does not give it away.
          rgb[p + ch] = (byte) clamp(c[ch] + random.nextInt(-NOISE / 3, NOISE / 3 + 1));
        }
      }
    }
    return new ShapeScene(size, rgb, kind, new ShapeBox(x0, y0, x1, y1));
  }

  /** A muted colour gradient with per-pixel noise. */
  private byte[] background(SplittableRandom random) {
    int[] base = new int[3];
    int[] slopeX = new int[3];
    int[] slopeY = new int[3];
    for (int ch = 0; ch < 3; ch++) {
      base[ch] = random.nextInt(20, 101);
      slopeX[ch] = random.nextInt(-40, 41);
      slopeY[ch] = random.nextInt(-40, 41);
    }
    byte[] rgb = new byte[size * size * 3];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int p = (y * size + x) * 3;
        for (int ch = 0; ch < 3; ch++) {
          double value = base[ch] + slopeX[ch] * (x / (double) size) + slopeY[ch] * (y / (double) size)
              + random.nextInt(-NOISE, NOISE + 1);
          rgb[p + ch] = (byte) clamp((int) Math.round(value));
        }
      }
    }
    return rgb;
  }

  /** Thin straight lines of random muted colours across the background. */
  private void drawClutter(byte[] rgb, SplittableRandom random) {
    BufferedImage canvas = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
    byte[] bgr = ((DataBufferByte) canvas.getRaster().getDataBuffer()).getData();
    // Start from the background so lines are drawn over it; the canvas stores B, G, R.
    for (int i = 0; i < rgb.length; i += 3) {
      bgr[i] = rgb[i + 2];
      bgr[i + 1] = rgb[i + 1];
      bgr[i + 2] = rgb[i];
    }
    Graphics2D g = canvas.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
      int lines = random.nextInt(MAX_LINES / 2, MAX_LINES + 1);
      for (int i = 0; i < lines; i++) {
        // Dimmer than any shape (whose brightest channel is >= 204), so the shape stays the salient object.
        g.setColor(new Color(random.nextInt(170), random.nextInt(170), random.nextInt(170)));
        g.drawLine(random.nextInt(size), random.nextInt(size), random.nextInt(size), random.nextInt(size));
      }
    } finally {
      g.dispose();
    }
    for (int i = 0; i < rgb.length; i += 3) {
      rgb[i] = bgr[i + 2];
      rgb[i + 1] = bgr[i + 1];
      rgb[i + 2] = bgr[i];
    }
  }

  /** Which pixels the shape covers, rasterised without antialiasing so coverage is all or nothing. */
  private boolean[] mask(ShapeKind kind, int x, int y, int extent) {
    BufferedImage canvas = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = canvas.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
      g.setColor(Color.WHITE);
      g.fill(kind.outline(x, y, extent));
    } finally {
      g.dispose();
    }
    byte[] gray = ((DataBufferByte) canvas.getRaster().getDataBuffer()).getData();
    boolean[] mask = new boolean[size * size];
    for (int i = 0; i < mask.length; i++) {
      mask[i] = gray[i] != 0;
    }
    return mask;
  }

  /** The value limited to 0..255. */
  private static int clamp(int value) {
    return Math.max(0, Math.min(255, value));
  }
}
