package dev.xaicam.network;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Rows and columns added or removed around a map, read from a ZeroPadding2D {@code padding} or
 * Cropping2D {@code cropping} key in any form Keras accepts: one integer for all four sides,
 * {@code [rows, cols]} for symmetric amounts, or {@code [[top, bottom], [left, right]]}.
 *
 * @param top rows above
 * @param bottom rows below
 * @param left columns on the left
 * @param right columns on the right
 */
record Margins2D(int top, int bottom, int left, int right) {

  /** Reads {@code key}, or {@code fallback} on every side when it is absent. */
  static Margins2D fromConfig(LayerConfig config, String key, int fallback) {
    JsonNode v = config.raw(key);
    if (v == null || v.isNull()) {
      return new Margins2D(fallback, fallback, fallback, fallback);
    }
    Margins2D m;
    if (v.isIntegralNumber()) {
      m = new Margins2D(v.asInt(), v.asInt(), v.asInt(), v.asInt());
    } else if (v.isArray() && v.size() == 2 && v.get(0).isIntegralNumber()
        && v.get(1).isIntegralNumber()) {
      m = new Margins2D(v.get(0).asInt(), v.get(0).asInt(), v.get(1).asInt(), v.get(1).asInt());
    } else if (v.isArray() && v.size() == 2 && isPair(v.get(0)) && isPair(v.get(1))) {
      m = new Margins2D(v.get(0).get(0).asInt(), v.get(0).get(1).asInt(),
          v.get(1).get(0).asInt(), v.get(1).get(1).asInt());
    } else {
      throw config.error("config '" + key + "' must be an integer, [rows, cols] or "
          + "[[top, bottom], [left, right]], got " + v);
    }
    if (m.top < 0 || m.bottom < 0 || m.left < 0 || m.right < 0) {
      throw config.error("config '" + key + "' must not be negative, got " + v);
    }
    return m;
  }

  /** Whether {@code v} is a list of two integers. */
  private static boolean isPair(JsonNode v) {
    return v.isArray() && v.size() == 2 && v.get(0).isIntegralNumber()
        && v.get(1).isIntegralNumber();
  }

  /** NHWC amounts before each axis: {@code (0, top, left, 0)}. */
  int[] before() {
    return new int[] {0, top, left, 0};
  }

  /** NHWC amounts after each axis: {@code (0, bottom, right, 0)}. */
  int[] after() {
    return new int[] {0, bottom, right, 0};
  }
}
