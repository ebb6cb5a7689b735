package dev.xaicam.cli;

import dev.xaicam.XaiCamException;
import dev.xaicam.explain.InputCollection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The explain command's inputs: image arguments, folder walks and path lists, and their collection. */
final class InputOptions {
  /** Images, folders, or "-" for a list on standard input. */
  @Parameters(paramLabel = "IMAGE", arity = "0..*",
      description = "Image files (JPEG, PNG, BMP, TIFF, WebP, ...) or folders; '-' reads paths from standard input.")
  List<Path> images = new ArrayList<>();

  /** Whether folder walks descend. */
  @Option(names = {"-r", "--recursive"}, description = "Descend into sub-folders of folder arguments.")
  boolean recursive;

  /** Globs a walked file must match. */
  @Option(names = "--include", paramLabel = "GLOB",
      description = "In folders, take only files matching GLOB (e.g. '*.jpg', 'cats/**'); repeatable.")
  List<String> includes = new ArrayList<>();

  /** Globs that drop a walked file. */
  @Option(names = "--exclude", paramLabel = "GLOB", description = "In folders, leave out files matching GLOB; repeatable.")
  List<String> excludes = new ArrayList<>();

  /** A file listing image paths, or null. */
  @Option(names = "--from-file", paramLabel = "LIST", description = "Read image paths, one per line, from LIST.")
  Path fromFile;

  /**
   * The images named, found in folders and listed, with output bases below {@code output}, and
   * the folders that could not be listed; what a walk passed over on purpose is printed to
   * {@code err}, and finding no image at all is a usage error.
   */
  InputCollection.Result collect(Path output, PrintWriter err) throws IOException {
    InputCollection collection = new InputCollection(output, recursive, includes, excludes);
    for (Path image : images) {
      if (image.toString().equals("-")) {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        collection.addLines(stdin, "standard input");
      } else {
        collection.add(image);
      }
    }
    if (fromFile != null) {
      if (!Files.isRegularFile(fromFile)) {
        throw XaiCamException.usage("--from-file " + fromFile + ": no such file");
      }
      try (BufferedReader list = Files.newBufferedReader(fromFile, StandardCharsets.UTF_8)) {
        collection.addLines(list, fromFile.toString());
      }
    }
    if (images.isEmpty() && fromFile == null) {
      throw XaiCamException.usage("no images given; try 'xai-cam --help'");
    }
    InputCollection.Result result = collection.result();
    result.warnings().forEach(w -> err.println("xai-cam: " + OneLine.of(w)));
    if (result.images().isEmpty()) {
      result.errors().forEach(e -> err.println("xai-cam: " + OneLine.of(e.message())));
      throw XaiCamException.usage("no images found in the arguments given (" + result.skippedNotImages()
          + " non-image files and " + result.skippedHidden() + " hidden files skipped)");
    }
    return result;
  }
}
