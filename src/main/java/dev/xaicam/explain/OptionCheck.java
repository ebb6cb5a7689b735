package dev.xaicam.explain;

import dev.xaicam.XaiCamException;

/** The checks settings builders make, each failing with a usage error that names the option and value. */
public final class OptionCheck {
  private OptionCheck() {}

  /** A usage error with {@code message} unless {@code ok}. */
  public static void that(boolean ok, String message) {
    if (!ok) {
      throw XaiCamException.usage(message);
    }
  }

  /** A usage error "{@code option} must be >= min, got value" unless {@code value >= min}. */
  public static void atLeast(String option, long value, long min) {
    that(value >= min, option + " must be >= " + min + ", got " + value);
  }

  /** A usage error "{@code option} must be between min and max, got value" unless it is. */
  public static void between(String option, long value, long min, long max) {
    that(value >= min && value <= max, option + " must be between " + min + " and " + max + ", got " + value);
  }
}
