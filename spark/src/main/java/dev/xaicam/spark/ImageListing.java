package dev.xaicam.spark;

import dev.xaicam.XaiCamException;
import dev.xaicam.explain.ImageInput;
import dev.xaicam.explain.InputCollection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.SparkSession;

/**
 * The driver's list of images: the file index of Spark's {@code binaryFile} source lists them
 * (nothing is read), they are sorted as the command line's folder walk sorts them, and each gets
 * the output base the command line would give it ({@link InputCollection#mirrored}).
 */
final class ImageListing {
  /** Characters that make {@code --input} a glob. */
  private static final String GLOB_CHARACTERS = "*?[{";

  private ImageListing() {}

  /**
   * The {@code binaryFile} reader of the job's images: files whose extension (any case) is an
   * image's, as the command line's folder walk takes them, below any depth (the driver drops deeper
   * files without {@code -r}).
   */
  static DataFrameReader reader(SparkSession spark) {
    return spark.read().format("binaryFile")
        .option("pathGlobFilter", imageGlob())
        .option("recursiveFileLookup", "true");
  }

  /**
   * Lists the images below {@code options.input}, keyed by the path Spark gives each row's
   * {@code path} column.
   *
   * @throws XaiCamException a usage error when the input does not exist
   */
  static Map<String, ListedImage> list(SparkSession spark, JobOptions options) {
    List<String> paths;
    try {
      // The file index's own listing (no job): unlike the rows, it keeps empty files, which the
      // command line reports as failed images.
      paths = Arrays.stream(reader(spark).load(options.input).inputFiles())
          .map(uri -> new org.apache.hadoop.fs.Path(URI.create(uri)).toString()).sorted().toList();
    } catch (Exception e) {
      // Spark's AnalysisException is checked in Scala's eyes only, so javac cannot name it in a catch.
      if (e instanceof AnalysisException) {
        throw XaiCamException.usage("--input " + options.input + ": " + e.getMessage());
      }
      throw e;
    }
    Root root = Root.of(spark, options.input);
    List<String> kept = new ArrayList<>();
    List<Path> relatives = new ArrayList<>();
    for (String path : paths) {
      String relative = path.startsWith(root.qualified() + "/")
          ? path.substring(root.qualified().length() + 1)
          : new org.apache.hadoop.fs.Path(path).getName();
      if (options.recursive || !relative.contains("/")) {
        kept.add(path);
        relatives.add(Path.of(relative));
      }
    }
    List<ImageInput> inputs = InputCollection.mirrored(Path.of("/"), relatives);
    Map<String, ListedImage> images = new HashMap<>();
    for (int i = 0; i < kept.size(); i++) {
      ImageInput input = inputs.get(i);
      images.put(kept.get(i), new ListedImage(i, HadoopStore.child(root.shown(), input.source().toString()),
          input.outputBase().toString()));
    }
    return images;
  }

  /** {@code *.{[jJ][pP][gG],...}}: Hadoop's globs match case-sensitively, so each letter gets both cases. */
  static String imageGlob() {
    return InputCollection.IMAGE_EXTENSIONS.stream().sorted()
        .map(ext -> ext.chars().mapToObj(c -> "[" + (char) c + Character.toUpperCase((char) c) + "]")
            .collect(Collectors.joining()))
        .collect(Collectors.joining(",", "*.{", "}"));
  }

  /**
   * The folder the images' relative paths start from: the input folder, a glob's fixed folder, or
   * a single file's folder.
   *
   * @param shown as the user wrote it, for reports
   * @param qualified fully qualified, as Spark writes each row's path
   */
  record Root(String shown, String qualified) {
    /** The root of {@code input}. */
    static Root of(SparkSession spark, String input) {
      int glob = firstGlobCharacter(input);
      String folder = glob < 0 ? input : parent(input.substring(0, glob));
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(folder);
      try {
        FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
        org.apache.hadoop.fs.Path qualified = fs.makeQualified(path);
        if (glob < 0 && fs.getFileStatus(qualified).isFile()) {
          return new Root(parent(input), qualified.getParent().toString());
        }
        return new Root(folder.length() > 1 && folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder,
            qualified.toString());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + path, e);
      }
    }

    /** The folder part of a path as written: before its last slash, {@code .} without one. */
    private static String parent(String path) {
      int slash = path.lastIndexOf('/');
      return slash < 0 ? "." : path.substring(0, Math.max(slash, 1));
    }
  }

  /** Where the first glob character is in {@code input}, or -1. */
  private static int firstGlobCharacter(String input) {
    int first = -1;
    for (char c : GLOB_CHARACTERS.toCharArray()) {
      int at = input.indexOf(c);
      if (at >= 0 && (first < 0 || at < first)) {
        first = at;
      }
    }
    return first;
  }
}
