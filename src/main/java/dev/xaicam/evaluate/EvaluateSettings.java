package dev.xaicam.evaluate;

import dev.xaicam.explain.ExplainSettings;
import dev.xaicam.explain.OptionCheck;
import dev.xaicam.metrics.CausalCurve;
import java.util.Objects;

/**
 * What {@code xai-cam evaluate} does: the model, layer, classes and methods as an explain run
 * takes them, plus the metrics' own options. Immutable; made by its {@link Builder}.
 */
public final class EvaluateSettings {
  /** Deletion and insertion steps: the metrics' own default. */
  public static final int DEFAULT_STEPS = CausalCurve.DEFAULT_STEPS;
  /** {@link #DEFAULT_STEPS} as picocli's default text. */
  public static final String DEFAULT_STEPS_TEXT = "" + DEFAULT_STEPS;
  /** The most steps: each costs a forward pass per image and method. */
  public static final int MAX_STEPS = 1000;

  /** Model, layer, classes, methods, batch size, precision. */
  private final ExplainSettings explain;
  /** Deletion and insertion steps. */
  private final int steps;
  /** Whether ROAD runs (slow at 224x224: a sparse solve per percentile and order). */
  private final boolean road;

  /** Settings from a checked builder. */
  private EvaluateSettings(Builder b) {
    explain = b.explain;
    steps = b.steps;
    road = b.road;
  }

  /** A builder holding every default. */
  public static Builder builder() {
    return new Builder();
  }

  /** Model, layer, classes, methods, batch size and precision, as an explain run takes them. */
  public ExplainSettings explain() {
    return explain;
  }

  /** Deletion and insertion steps. */
  public int steps() {
    return steps;
  }

  /** Whether ROAD MoRF/LeRF run. */
  public boolean road() {
    return road;
  }

  /** Builds {@link EvaluateSettings}; every range check is in {@link #build()}. */
  public static final class Builder {
    private ExplainSettings explain = ExplainSettings.builder().build();
    private int steps = DEFAULT_STEPS;
    private boolean road;

    /** Sets {@link EvaluateSettings#explain()}. */
    public Builder explain(ExplainSettings value) {
      explain = Objects.requireNonNull(value, "explain");
      return this;
    }

    /** Sets {@link EvaluateSettings#steps()}. */
    public Builder steps(int value) {
      steps = value;
      return this;
    }

    /** Sets {@link EvaluateSettings#road()}. */
    public Builder road(boolean value) {
      road = value;
      return this;
    }

    /** The settings; a usage error naming the option when a value is out of range. */
    public EvaluateSettings build() {
      OptionCheck.between("--steps", steps, 1, MAX_STEPS);
      return new EvaluateSettings(this);
    }
  }
}
