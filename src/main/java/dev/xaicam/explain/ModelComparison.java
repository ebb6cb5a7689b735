package dev.xaicam.explain;

import dev.xaicam.XaiCamException;
import dev.xaicam.explain.CamRunner.Cam;
import dev.xaicam.explain.CamRunner.ImageCams;
import dev.xaicam.image.DecodedImage;
import dev.xaicam.image.ImageDecoder;
import dev.xaicam.image.Thumbnail;
import dev.xaicam.models.ModelCatalog;
import dev.xaicam.network.GraphNetwork;
import dev.xaicam.output.ComparedImage;
import dev.xaicam.output.ComparedImage.ModelResult;
import dev.xaicam.output.ImageReport;
import dev.xaicam.output.ImageReport.ClassScore;
import dev.xaicam.output.MontageFile;
import java.util.ArrayList;
import java.util.List;

/**
 * A model comparison ({@code --compare-models}): every image through each model in turn, one
 * network loaded at a time (two ImageNet networks side by side would double the run's memory),
 * keeping per image only a thumbnail and each model's map until the montage is written.
 *
 * <p>Each model decodes the images again, batch by batch, rather than keeping every image's
 * pixels or network inputs across models: decoding costs far less than a network's pass, and
 * memory then grows only by the small maps.
 */
public final class ModelComparison {
  /** What the comparison does. */
  private final ComparisonPlan plan;
  /** Where the models come from. */
  private final ModelCatalog catalog;
  /** Set by Ctrl-C: the comparison stops between images and writes nothing. */
  private volatile boolean stopRequested;

  /** Receives what the comparison has to say. */
  public interface Listener {
    /** What is being loaded ("model 2 of 3: loading resnet50 weights (102 MB)..."), which takes seconds. */
    void stage(String text);

    /** One image compared by every model; called in input order once the last model has run. */
    void compared(ComparedImage image);

    /** One image that could not be compared, with its one-line reason; in input order. */
    void failed(ImageReport report);
  }

  /** A comparison of {@code plan}'s models, found in {@code catalog}. */
  public ModelComparison(ComparisonPlan plan, ModelCatalog catalog) {
    this.plan = plan;
    this.catalog = catalog;
  }

  /** Asks the comparison to stop after the image in flight; safe from any thread (a shutdown hook). */
  public void requestStop() {
    stopRequested = true;
  }

  /**
   * Compares the models on {@code images}, then writes the montage of every image all models
   * explained and reports each image in input order; an interrupted comparison reports only its
   * failures and writes no montage.
   */
  public BatchRun.Summary run(List<ImageInput> images, Listener listener) {
    long start = System.nanoTime();
    ExplainSettings shared = plan.columns().get(0).settings();
    ImageDecoder decoder = new ImageDecoder(shared.maxPixels());
    List<Row> rows = new ArrayList<>();
    for (ImageInput input : images) {
      Row row = new Row(input, plan.classIndex());
      try {
        // A file that cannot be an image fails here, before any model loads.
        decoder.inspect(input.source());
      } catch (XaiCamException e) {
        row.fail(e.getMessage());
      }
      rows.add(row);
    }
    // As an explain run: never more rows per forward pass than images, so a column's maps are
    // those that model's own run with the same --batch-size gives.
    int padded = Math.max(1, Math.min(shared.batchSize(), images.size()));
    for (int m = 0; m < plan.columns().size(); m++) {
      List<Row> live = rows.stream().filter(r -> r.error == null).toList();
      if (live.isEmpty() || stopRequested) {
        break;
      }
      ComparisonPlan.Column column = plan.columns().get(m);
      String model = "model " + (m + 1) + " of " + plan.columns().size() + ": ";
      RunPlan runPlan = RunPlan.of(column.settings(), catalog);
      try (GraphNetwork network = NetworkLoader.load(column.settings(), runPlan,
          text -> listener.stage(model + text))) {
        CamRunner runner = new CamRunner(network, runPlan.layer(), runPlan.methods(),
            runPlan.targets(), shared.batchSize());
        for (int from = 0; from < live.size() && !stopRequested; from += shared.batchSize()) {
          runBatch(column.label(), runPlan, runner, decoder,
              live.subList(from, Math.min(live.size(), from + shared.batchSize())), padded);
        }
      }
    }
    boolean interrupted = stopRequested;
    MontageFile montage = new MontageFile(shared.montage(), shared.alpha(), shared.colormap(),
        plan.heading());
    List<ComparedImage> compared = new ArrayList<>();
    if (!interrupted) {
      for (Row row : rows) {
        if (row.error == null) {
          compared.add(row.compared(plan.method(), plan.labels().name(row.classIndex)));
          montage.addRow(compared.get(compared.size() - 1));
        }
      }
      montage.write();
    }
    int failed = 0;
    int next = 0;
    for (Row row : rows) {
      if (row.error != null) {
        listener.failed(ImageReport.failed(row.input.source(), row.error, 0));
        failed++;
      } else if (!interrupted) {
        listener.compared(compared.get(next++));
      }
    }
    return new BatchRun.Summary(compared.size(), 0, failed, (System.nanoTime() - start) / 1_000_000,
        interrupted, false);
  }

  /** Decodes a batch's images for this model and adds each one's map to its row. */
  private void runBatch(String label, RunPlan runPlan, CamRunner runner, ImageDecoder decoder,
      List<Row> rows, int padded) {
    List<Row> batch = new ArrayList<>();
    List<float[]> inputs = new ArrayList<>();
    List<Targets> targets = new ArrayList<>();
    for (Row row : rows) {
      try {
        DecodedImage image = decoder.decode(row.input.source());
        if (row.thumbnail == null) {
          row.thumbnail = Thumbnail.fit(image, MontageFile.TILE_SIZE);
        }
        inputs.add(runPlan.input().toModelInput(image));
        targets.add(row.classIndex == null ? Targets.top(1) : Targets.explicit(List.of(row.classIndex)));
        batch.add(row);
      } catch (XaiCamException e) {
        // The file changed since an earlier model read it: the row can no longer be complete.
        row.fail(e.getMessage());
      }
    }
    if (!batch.isEmpty()) {
      runner.run(inputs, targets, padded, () -> stopRequested,
          cams -> batch.get(cams.index()).add(label, runPlan, cams));
    }
  }

  /** One image's part of the comparison so far. */
  private static final class Row {
    /** The image. */
    final ImageInput input;
    /** The class every model explains: {@code --class}, else set by the first model. */
    Integer classIndex;
    /** The picture shrunk for the montage, made by the first model to decode it. */
    DecodedImage thumbnail;
    /** Each model's result so far, in column order. */
    final List<ModelResult> results = new ArrayList<>();
    /** Why the image cannot be compared, or {@code null}. */
    String error;

    Row(ImageInput input, Integer classIndex) {
      this.input = input;
      this.classIndex = classIndex;
    }

    /** Marks the image failed and lets its pixels and maps go. */
    void fail(String reason) {
      error = reason;
      thumbnail = null;
      results.clear();
    }

    /** Keeps one model's map and probabilities, unless the network's output is not a number. */
    void add(String label, RunPlan runPlan, ImageCams cams) {
      if (!Explainer.finite(cams)) {
        fail(input.source() + ": " + label + "'s output is not finite (NaN or infinity: an overflow"
            + " inside the network), so this image cannot be compared");
        return;
      }
      Cam cam = cams.cams().get(0);
      classIndex = cam.target();
      int top = Targets.ranked(cams.probabilities(), 1).get(0);
      results.add(new ModelResult(label, runPlan.layer().name(),
          score(runPlan, cams.probabilities(), cam.target()),
          score(runPlan, cams.probabilities(), top), cam.heatmap()));
    }

    /** The finished row. */
    ComparedImage compared(String method, String className) {
      return new ComparedImage(input.source(), thumbnail, method, classIndex, className, results);
    }

    /** Class {@code index} with its name and probability. */
    private static ClassScore score(RunPlan runPlan, float[] probabilities, int index) {
      return new ClassScore(index, runPlan.labels().name(index), probabilities[index]);
    }
  }
}
