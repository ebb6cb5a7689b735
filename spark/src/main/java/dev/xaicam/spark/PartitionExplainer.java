package dev.xaicam.spark;

import dev.xaicam.explain.CamRunner.ImageCams;
import dev.xaicam.explain.Explainer;
import dev.xaicam.explain.ImageInput;
import dev.xaicam.explain.Prepared;
import dev.xaicam.output.ImageReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.Optional;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * Explains one partition, one network batch: each image is skipped ({@code --skip-existing}),
 * decoded, or reported failed; the decoded ones go through the command line's {@link Explainer}
 * as one batch, and each one's files are written through the job's {@link HadoopStore}. A bad
 * image becomes rows with its error; it never fails the task.
 */
final class PartitionExplainer implements FlatMapFunction<Iterator<Tuple2<Integer, Tuple2<ListedImage, Optional<byte[]>>>>, Row> {
  private static final long serialVersionUID = 1L;

  /** The job's arguments, parsed again on the executor. */
  private final List<String> args;
  /** Where files go. */
  private final HadoopStore store;

  /** A partition function for the job run with {@code args}, writing into {@code store}. */
  PartitionExplainer(List<String> args, HadoopStore store) {
    this.args = List.copyOf(args);
    this.store = store;
  }

  @Override
  public Iterator<Row> call(Iterator<Tuple2<Integer, Tuple2<ListedImage, Optional<byte[]>>>> partition) {
    List<Tuple2<ListedImage, Optional<byte[]>>> images = new ArrayList<>();
    partition.forEachRemaining(pair -> images.add(pair._2()));
    if (images.isEmpty()) {
      return List.<Row>of().iterator();
    }
    images.sort(Comparator.comparingInt(i -> i._1().index()));
    JobOptions options = JobOptions.parse(args.toArray(String[]::new));
    Explainer explainer = ExplainerHolder.get(args, store);
    List<String> methods = explainer.plan().methods().stream().map(m -> m.name()).toList();
    List<ImageReport> reports = new ArrayList<>();
    List<Prepared> decoded = new ArrayList<>();
    for (Tuple2<ListedImage, Optional<byte[]>> image : images) {
      ImageInput input = new ImageInput(Path.of(image._1().input()), Path.of(image._1().outputBase()));
      if (options.skipExisting && explainer.layout().complete(input.outputBase(), store)) {
        reports.add(ImageReport.skipped(input.source()));
        continue;
      }
      // An empty file has no row in Spark's binaryFile source, so no bytes.
      Prepared prepared = prepare(explainer, input, image._2().orElse(new byte[0]));
      if (prepared.error() == null) {
        decoded.add(prepared);
      } else {
        reports.add(ImageReport.failed(input.source(), prepared.error(), prepared.nanos() / 1_000_000));
      }
    }
    reports.addAll(explain(explainer, decoded));
    List<Row> rows = new ArrayList<>();
    for (ImageReport report : reports) {
      rows.addAll(ResultRows.of(report, methods, options.output));
    }
    return rows.iterator();
  }

  /**
   * Decodes one image; an unexpected failure of a decoder library (beyond the checked bad inputs)
   * is that image's error too, as the command line's decode workers report it.
   */
  private static Prepared prepare(Explainer explainer, ImageInput input, byte[] content) {
    try {
      return explainer.prepare(input, content);
    } catch (RuntimeException e) {
      return new Prepared(input, null, null, input.source() + ": " + e.getClass().getSimpleName() + ": "
          + e.getMessage(), 0);
    }
  }

  /** Runs the decoded images as one batch (the network one task at a time), then writes their files. */
  private static List<ImageReport> explain(Explainer explainer, List<Prepared> decoded) {
    long start = System.nanoTime();
    List<ImageCams> cams;
    synchronized (explainer) {
      cams = explainer.compute(decoded);
    }
    long shared = (System.nanoTime() - start) / Math.max(1, decoded.size());
    List<ImageReport> reports = new ArrayList<>();
    for (int k = 0; k < decoded.size(); k++) {
      long writeStart = System.nanoTime();
      Prepared p = decoded.get(k);
      ImageReport r = explainer.write(p, cams.get(k));
      long millis = (p.nanos() + shared + System.nanoTime() - writeStart) / 1_000_000;
      reports.add(new ImageReport(r.input(), r.status(), r.error(), r.layer(), r.top5(), r.heatmaps(), millis));
    }
    return reports;
  }
}
