package dev.xaicam.cli;

import dev.xaicam.XaiCamException;
import dev.xaicam.explain.InputCollection;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The explain command's inputs: image arguments, folder walks and path lists, and their collection. */
final class InputOptions {
  /** Bytes of standard input looked at to tell a path list from binary data. */
  private static final int HEAD_BYTES = 4096;

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
        collection.addLines(pathList(System.in), "standard input");
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
          + " non-image files, " + result.skippedHidden() + " hidden files"
          + (includes.isEmpty() && excludes.isEmpty() ? "" : " and " + result.filteredOut()
              + " images left out by --include/--exclude") + " skipped)"
          + (result.imagesInSubFolders() ? "; sub-folders hold images: add -r to walk them" : ""));
    }
    return result;
  }

  /**
   * Standard input as a list of paths; a usage error, at once, when it holds binary data (a NUL
   * byte, or bytes that are not UTF-8 text, in its first block), as {@code cat x.png | xai-cam -} sends.
   */
  static BufferedReader pathList(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, HEAD_BYTES);
    buffered.mark(HEAD_BYTES);
    byte[] head = buffered.readNBytes(HEAD_BYTES);
    buffered.reset();
    if (!isText(head)) {
      throw XaiCamException.usage("standard input holds binary data (an image?), not a list of paths: "
          + "'-' reads file paths, one per line; name the image file instead (xai-cam x.png)");
    }
    return new BufferedReader(new InputStreamReader(buffered, StandardCharsets.UTF_8));
  }

  /** Whether {@code head} is UTF-8 text without NUL bytes; a character cut at the end of the block counts as text. */
  private static boolean isText(byte[] head) {
    for (byte b : head) {
      if (b == 0) {
        return false;
      }
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    CoderResult result = decoder.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), false);
    return !result.isError();
  }
}
