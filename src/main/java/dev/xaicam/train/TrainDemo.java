package dev.xaicam.train;

import dev.xaicam.architectures.DemoNet;
import dev.xaicam.architectures.GlorotWeights;
import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.keras.KerasModelFile;
import dev.xaicam.keras.KerasWeightsWriter;
import dev.xaicam.network.GraphNetwork;
import dev.xaicam.network.ModelGraph;
import dev.xaicam.network.ModelWeights;
import dev.xaicam.network.Precision;
import dev.xaicam.shapes.ShapeKind;
import dev.xaicam.shapes.ShapeScene;
import dev.xaicam.shapes.ShapeSceneGenerator;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Trains the bundled demo model from scratch on generated shape pictures and writes its weights
 * as a Keras HDF5 file. Every picture is drawn fresh from a seeded stream, so the run is
 * reproducible (up to the float rounding order of TensorFlow's multi-threaded kernels) and never
 * sees a held-out picture. The loss sits near ln 6 for about 200 steps, then falls within 400 more.
 *
 * <p>Run: {@code java -cp "target/classes:target/lib/*" dev.xaicam.train.TrainDemo
 * models/demo/weights.h5 [STEPS]}.
 */
public final class TrainDemo {
  /** Seed of the training pictures. */
  public static final long TRAIN_SEED = 1;
  /** Seed of the held-out pictures that accuracy and the pointing game are measured on. */
  public static final long TEST_SEED = 7;
  /** Seed of the initial (Glorot-uniform) weights. */
  public static final long INIT_SEED = 42;
  /** Pictures per step. */
  static final int BATCH = 32;
  /** Steps of the published recipe. */
  static final int DEFAULT_STEPS = 3000;
  /** Adam's step size for the first 70% of the steps, then a tenth of it. */
  static final double LEARNING_RATE = 1e-3;
  /** Held-out pictures scored at the end. */
  static final int HELD_OUT = 1000;

  /** Static methods and {@code main} only. */
  private TrainDemo() {}

  /** The demo model's graph, one output per shape class. */
  public static ModelGraph graph() {
    return ModelGraph.of(DemoNet.spec(ShapeKind.values().length));
  }

  /**
   * Trains for {@code steps} batches from the fixed seeds, logging progress to standard output.
   *
   * @return the trained weights
   */
  public static ModelWeights train(int steps, int batch) {
    if (steps < 1 || batch < 1) {
      throw new IllegalArgumentException("steps and batch must be >= 1, got " + steps + " and " + batch);
    }
    ModelGraph graph = graph();
    Trainer trainer = new Trainer(graph, GlorotWeights.of(graph, INIT_SEED), TensorRuntime.shared());
    ShapeSceneGenerator generator = new ShapeSceneGenerator(TRAIN_SEED, DemoNet.INPUT_SIZE);
    double lossSum = 0;
    int correct = 0;
    int seen = 0;
    long start = System.nanoTime();
    for (int step = 0; step < steps; step++) {
      float[] inputs = new float[batch * graph.inputSize()];
      int[] labels = new int[batch];
      fill(generator, (long) step * batch, inputs, labels);
      double rate = step < 0.7 * steps ? LEARNING_RATE : LEARNING_RATE / 10;
      TrainingStep result = trainer.step(inputs, batch, labels, rate);
      lossSum += result.loss() * batch;
      correct += result.correct();
      seen += batch;
      if ((step + 1) % 50 == 0 || step + 1 == steps) {
        System.out.printf(Locale.ROOT, "step %4d/%d  loss %.4f  train accuracy %.3f  %.0f s%n", step + 1,
            steps, lossSum / seen, correct / (double) seen, (System.nanoTime() - start) / 1e9);
        lossSum = 0;
        correct = 0;
        seen = 0;
      }
    }
    return trainer.weights();
  }

  /** Pictures {@code first}, {@code first + 1}, ... of the stream as network inputs and labels. */
  static void fill(ShapeSceneGenerator generator, long first, float[] inputs, int[] labels) {
    int size = inputs.length / labels.length;
    for (int k = 0; k < labels.length; k++) {
      ShapeScene scene = generator.scene(first + k);
      System.arraycopy(scene.unitScaleRgb(), 0, inputs, k * size, size);
      labels[k] = scene.kind().ordinal();
    }
  }

  /** Fraction of {@code count} held-out pictures (seed {@link #TEST_SEED}) classified right. */
  public static double heldOutAccuracy(GraphNetwork network, int count) {
    int inputSize = network.graph().inputSize();
    ShapeSceneGenerator generator = new ShapeSceneGenerator(TEST_SEED, DemoNet.INPUT_SIZE);
    int correct = 0;
    int batch = 50;
    for (int first = 0; first < count; first += batch) {
      int n = Math.min(batch, count - first);
      float[] inputs = new float[n * inputSize];
      int[] labels = new int[n];
      fill(generator, first, inputs, labels);
      float[][] p = network.probabilities(inputs, n);
      for (int k = 0; k < n; k++) {
        int best = 0;
        for (int c = 1; c < p[k].length; c++) {
          best = p[k][c] > p[k][best] ? c : best;
        }
        correct += best == labels[k] ? 1 : 0;
      }
    }
    return correct / (double) count;
  }

  /** Command line: output file, then optional step count. */
  public static void main(String[] args) {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: TrainDemo OUT.h5 [STEPS]");
      System.exit(2);
    }
    System.setProperty("java.awt.headless", "true");
    Path out = Path.of(args[0]);
    int steps = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_STEPS;
    long start = System.nanoTime();
    ModelWeights weights = train(steps, BATCH);
    KerasWeightsWriter.write(out, weights, KerasWeightsWriter.Layout.LEGACY);
    ModelWeights written = KerasModelFile.readWeightsOnly(out);
    try (GraphNetwork network = GraphNetwork.create(graph(), written, TensorRuntime.shared(),
        Precision.FLOAT32)) {
      System.out.printf(Locale.ROOT, "held-out accuracy %.4f on %d pictures; wrote %s in %.0f s%n",
          heldOutAccuracy(network, HELD_OUT), HELD_OUT, out, (System.nanoTime() - start) / 1e9);
    }
  }
}
