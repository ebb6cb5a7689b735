package dev.xaicam.shapes;

import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The shape classes of the demo task, in the demo model's output order (ordinal = class index). */
public enum ShapeKind {
  /** A filled disc. */
  CIRCLE,
  /** A filled axis-aligned square. */
  SQUARE,
  /** A filled upright triangle. */
  TRIANGLE,
  /** A plus sign: two crossing bars. */
  CROSS,
  /** An annulus: a disc with a hole of half its radius. */
  RING,
  /** A filled five-pointed star, one point up. */
  STAR;

  /** The class name as the tool prints it, e.g. {@code triangle}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every class name in class-index order. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(ShapeKind::label).toList();
  }

  /** The outline of this shape filling the square of side {@code size} at ({@code x}, {@code y}). */
  Shape outline(double x, double y, double size) {
    double c = size / 2;
    switch (this) {
      case CIRCLE:
        return new Ellipse2D.Double(x, y, size, size);
      case SQUARE:
        return new Rectangle2D.Double(x + 0.1 * size, y + 0.1 * size, 0.8 * size, 0.8 * size);
      case TRIANGLE: {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x + c, y);
        p.lineTo(x + size, y + size);
        p.lineTo(x, y + size);
        p.closePath();
        return p;
      }
      case CROSS: {
        // Bars a third of the size wide, so the arms stay visible on small crosses.
        Area a = new Area(new Rectangle2D.Double(x + size / 3, y, size / 3, size));
        a.add(new Area(new Rectangle2D.Double(x, y + size / 3, size, size / 3)));
        return a;
      }
      case RING: {
        Area a = new Area(new Ellipse2D.Double(x, y, size, size));
        a.subtract(new Area(new Ellipse2D.Double(x + c / 2, y + c / 2, c, c)));
        return a;
      }
      case STAR: {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
          double r = i % 2 == 0 ? c : 0.42 * c;
          double angle = -Math.PI / 2 + i * Math.PI / 5;
          double px = x + c + r * Math.cos(angle);
          double py = y + c + r * Math.sin(angle);
          if (i == 0) {
            p.moveTo(px, py);
          } else {
            p.lineTo(px, py);
          }
        }
        p.closePath();
        return p;
      }
      default:
        throw new IllegalStateException("no outline for " + this);
    }
  }
}
