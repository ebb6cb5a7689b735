package dev.xaicam.explain;

import dev.xaicam.XaiCamException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the command line's files, folders and path lists into the ordered list of images to
 * explain, each with an output path that mirrors its place below the folder it was found in and
 * never collides with another's or escapes the output folder.
 */
public final class InputCollection {
  /** Extensions (lower case) a folder walk takes as images; files named directly are always taken. */
  public static final Set<String> IMAGE_EXTENSIONS = Set.of(
      "jpg", "jpeg", "jpe", "png", "bmp", "dib", "tif", "tiff", "webp", "pbm", "pgm", "ppm", "pnm",
      "jp2", "sr", "ras");

  /** The output folder as given, so reports name files the way the user wrote the folder. */
  private final Path outputDir;
  /** The same folder made absolute, for the check that no output escapes it. */
  private final Path outputRoot;
  private final boolean recursive;
  private final List<PathMatcher> includes;
  private final List<PathMatcher> excludes;
  private final List<Found> found = new ArrayList<>();
  private int hidden;
  private int notImages;
  private final List<String> warnings = new ArrayList<>();

  /** An image found, and the output base (without suffix) it wants before collisions are settled. */
  private record Found(Path source, Path base) {}

  /**
   * What was collected.
   *
   * @param images the images in input order, with collision-free output bases
   * @param skippedHidden hidden files and folders passed over in folder walks
   * @param skippedNotImages files passed over in folder walks because their extension is not an image's
   * @param warnings one line each for walk problems (unreadable folder, symlink loop)
   */
  public record Result(List<ImageInput> images, int skippedHidden, int skippedNotImages, List<String> warnings) {}

  /**
   * Prepares a collection; a usage error if the output folder is a file.
   *
   * @param outputDir where outputs go
   * @param recursive whether folder walks descend into sub-folders
   * @param includes glob patterns a walked file must match (any of them), empty for all
   * @param excludes glob patterns that drop a walked file
   */
  public InputCollection(Path outputDir, boolean recursive, List<String> includes, List<String> excludes) {
    if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
      throw XaiCamException.usage("--output " + outputDir + " is a file; give a folder (it is created if missing)");
    }
    this.outputDir = outputDir.normalize();
    this.outputRoot = outputDir.toAbsolutePath().normalize();
    this.recursive = recursive;
    this.includes = matchers(includes);
    this.excludes = matchers(excludes);
  }

  /** Adds one command-line argument: a file, or a folder to walk. */
  public InputCollection add(Path argument) {
    if (Files.isDirectory(argument)) {
      walk(argument);
    } else {
      // Named directly: taken as is, so a missing or broken file is reported, not silently dropped.
      found.add(new Found(argument, outputDir.resolve(stem(argument.getFileName().toString()))));
    }
    return this;
  }

  /** Adds every non-blank line of {@code list} as an argument (for {@code -} and {@code --from-file}). */
  public InputCollection addLines(BufferedReader list, String listName) {
    try {
      String line;
      while ((line = list.readLine()) != null) {
        if (!line.isBlank()) {
          add(Path.of(line.strip()));
        }
      }
    } catch (IOException e) {
      throw XaiCamException.usage("cannot read the path list " + listName + ": " + e.getMessage());
    }
    return this;
  }

  /**
   * Images listed outside the local file system (a Spark job's input): each path relative to the
   * input folder, in the order given, gets the output base a folder walk gives it below
   * {@code outputDir}, collisions settled the same way; the sources stay the relative paths.
   */
  public static List<ImageInput> mirrored(Path outputDir, List<Path> relativePaths) {
    InputCollection collection = new InputCollection(outputDir, true, List.of(), List.of());
    for (Path relative : relativePaths) {
      collection.found.add(new Found(relative, collection.mirror(relative)));
    }
    return collection.settleCollisions();
  }

  /** The images with collision-free output bases. */
  public Result result() {
    return new Result(settleCollisions(), hidden, notImages, List.copyOf(warnings));
  }

  private void walk(Path root) {
    int depth = recursive ? Integer.MAX_VALUE : 1;
    int first = found.size();
    try {
      Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), depth, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (!dir.equals(root) && isHidden(dir)) {
            hidden++;
            return FileVisitResult.SKIP_SUBTREE;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isDirectory()) {
            return FileVisitResult.CONTINUE; // a folder below the depth limit (no -r)
          }
          Path relative = root.relativize(file);
          if (isHidden(file)) {
            hidden++;
          } else if (!IMAGE_EXTENSIONS.contains(extension(file.getFileName().toString()))) {
            notImages++;
          } else if (selected(relative)) {
            found.add(new Found(file, mirror(relative)));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          if (e instanceof FileSystemLoopException) {
            warnings.add(file + ": symbolic link loop, not followed");
          } else if (Files.isSymbolicLink(file) && !Files.exists(file)) {
            warnings.add(file + ": broken symbolic link, skipped");
          } else {
            warnings.add(file + ": cannot read (" + e.getClass().getSimpleName() + "), skipped");
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      warnings.add(root + ": cannot walk folder (" + e.getMessage() + ")");
    }
    // Directory listings come in file-system order; sorting makes runs and reports repeatable.
    found.subList(first, found.size()).sort(java.util.Comparator.comparing(f -> f.source().toString()));
  }

  private boolean selected(Path relative) {
    boolean included = includes.isEmpty() || includes.stream().anyMatch(m -> matches(m, relative));
    return included && excludes.stream().noneMatch(m -> matches(m, relative));
  }

  /** A pattern matches the path below the walked folder, or the file name alone. */
  private static boolean matches(PathMatcher matcher, Path relative) {
    return matcher.matches(relative) || matcher.matches(relative.getFileName());
  }

  private Path mirror(Path relative) {
    Path base = outputDir;
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      base = base.resolve(relative.getName(i).toString());
    }
    base = base.resolve(stem(relative.getFileName().toString())).normalize();
    if (!base.toAbsolutePath().normalize().startsWith(outputRoot)) {
      throw new IllegalStateException("output path " + base + " escapes " + outputRoot);
    }
    return base;
  }

  /**
   * Gives every image its own output base: where two want the same one (dog.jpg beside dog.png,
   * or two dog.jpg named from different folders) both keep their full file name
   * ({@code dog.jpg.gradcam.png}), and any remaining tie gets a counter in input order, so a
   * re-run maps each input to the same files.
   */
  private List<ImageInput> settleCollisions() {
    Map<Path, Integer> wanted = new HashMap<>();
    for (Found f : found) {
      wanted.merge(f.base(), 1, Integer::sum);
    }
    Map<Path, Integer> used = new LinkedHashMap<>();
    List<ImageInput> images = new ArrayList<>();
    for (Found f : found) {
      Path base = f.base();
      if (wanted.get(base) > 1) {
        base = base.resolveSibling(f.source().getFileName().toString());
      }
      int n = used.merge(base, 1, Integer::sum);
      if (n > 1) {
        base = base.resolveSibling(base.getFileName() + "-" + n);
      }
      images.add(new ImageInput(f.source(), base));
    }
    return images;
  }

  private static boolean isHidden(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  /** File name without its last extension: {@code dog.jpg} gives {@code dog}. */
  static String stem(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }

  private static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }

  private static List<PathMatcher> matchers(List<String> globs) {
    List<PathMatcher> matchers = new ArrayList<>();
    for (String glob : globs) {
      try {
        matchers.add(java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob));
      } catch (IllegalArgumentException e) {
        throw XaiCamException.usage("bad glob pattern '" + glob + "': " + e.getMessage());
      }
    }
    return matchers;
  }
}
