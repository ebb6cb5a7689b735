package dev.xaicam.spark;

import dev.xaicam.output.ImageReport;
import dev.xaicam.output.ImageReport.ClassScore;
import dev.xaicam.output.ImageReport.HeatmapOutput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The results table: the fields of the command line's {@code --report} line, one row per image
 * and method (and target class, with several). A failed or skipped image has a row per method
 * too, with its status and error and no target or files, so no image ever goes missing.
 */
final class ResultRows {
  /** A class with its probability, as the report's {@code target} and {@code top5} entries. */
  static final StructType CLASS = new StructType()
      .add("index", DataTypes.IntegerType, false)
      .add("name", DataTypes.StringType, false)
      .add("probability", DataTypes.DoubleType, false);

  /** The table's columns, named as the report's fields. */
  static final StructType SCHEMA = new StructType()
      .add("input", DataTypes.StringType, false)
      .add("status", DataTypes.StringType, false)
      .add("error", DataTypes.StringType, true)
      .add("layer", DataTypes.StringType, true)
      .add("top5", DataTypes.createArrayType(CLASS, false), true)
      .add("method", DataTypes.StringType, false)
      .add("target", CLASS, true)
      .add("png", DataTypes.StringType, true)
      .add("npy", DataTypes.StringType, true)
      .add("milliseconds", DataTypes.LongType, false);

  private ResultRows() {}

  /**
   * The rows of one image's report.
   *
   * @param report the image's report, files named below {@code /}
   * @param methods the job's method names, for the rows of failed and skipped images
   * @param output the output folder as the user wrote it, which the file columns start with
   */
  static List<Row> of(ImageReport report, List<String> methods, String output) {
    List<Row> rows = new ArrayList<>();
    String input = report.input().toString();
    if (report.status() == ImageReport.Status.OK) {
      // Spark's row encoder takes arrays as Scala sequences only.
      Seq<Row> top5 = CollectionConverters.asScala(report.top5().stream().map(ResultRows::classRow).toList());
      for (HeatmapOutput h : report.heatmaps()) {
        rows.add(RowFactory.create(input, report.status().word(), null, report.layer(), top5, h.method(),
            classRow(h.target()), file(output, h.png()), file(output, h.npy()), report.millis()));
      }
    } else {
      for (String method : methods) {
        rows.add(RowFactory.create(input, report.status().word(), report.error(), null, null, method, null, null,
            null, report.millis()));
      }
    }
    return rows;
  }

  /** A class score as a struct row. */
  private static Row classRow(ClassScore score) {
    return RowFactory.create(score.index(), score.name(), score.probability());
  }

  /** A file the writers named below {@code /}, as a path below the output folder, or {@code null}. */
  private static String file(String output, Path file) {
    return file == null ? null : HadoopStore.child(output, file.toString().substring(1));
  }
}
