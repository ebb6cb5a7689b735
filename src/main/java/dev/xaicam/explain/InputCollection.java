package dev.xaicam.explain;

import dev.xaicam.XaiCamException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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
import java.util.stream.Stream;

/**
 * Turns the command line's files, folders and path lists into the ordered list of images to
 * explain, each with an output path that mirrors its place below the folder it was found in and
 * never collides with another's or escapes the output folder.
 *
 * <p>Long because the walk, the filters, the output-folder exclusion and the collision rule share
 * one state (what was found, skipped and filtered) that the summary reports.
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
  /** Image files a walk left out because of {@code --include}/{@code --exclude}. */
  private int filteredOut;
  /** Sub-folders a walk without {@code -r} did not enter. */
  private final List<Path> notEntered = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final List<WalkError> errors = new ArrayList<>();

  /** An image found, and the output base (without suffix) it wants before collisions are settled. */
  private record Found(Path source, Path base) {}

  /**
   * What was collected.
   *
   * @param images the images in input order, with collision-free output bases
   * @param skippedHidden hidden files and folders passed over in folder walks
   * @param skippedNotImages files passed over in folder walks because their extension is not an image's
   * @param filteredOut image files passed over in folder walks because of the include and exclude globs
   * @param imagesInSubFolders whether, when no image was found, a sub-folder not entered (no {@code -r})
   *     holds one
   * @param warnings one line each for what a walk passed over on purpose (symbolic-link loop, broken link)
   * @param errors folders and files a walk could not read: each may hide images, so each fails the run
   */
  public record Result(List<ImageInput> images, int skippedHidden, int skippedNotImages, int filteredOut,
      boolean imagesInSubFolders, List<String> warnings, List<WalkError> errors) {}

  /**
   * A folder that could not be listed (or an entry that could not be read) during a walk.
   *
   * @param path the folder or entry
   * @param message one line naming it and the reason
   */
  public record WalkError(Path path, String message) {}

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
      int number = 0;
      while ((line = list.readLine()) != null) {
        number++;
        if (!line.isBlank()) {
          add(path(line.strip(), listName, number));
        }
      }
    } catch (IOException e) {
      throw XaiCamException.usage("cannot read the path list " + listName + ": " + e.getMessage());
    }
    return this;
  }

  /** Line {@code number} of the path list {@code listName} as a path; a usage error if it cannot be one. */
  private static Path path(String line, String listName, int number) {
    try {
      return Path.of(line);
    } catch (InvalidPathException e) {
      throw XaiCamException.usage(listName + " line " + number + " is not a file path (" + e.getReason() + ")");
    }
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
    boolean below = found.isEmpty() && notEntered.stream().anyMatch(InputCollection::holdsImage);
    return new Result(settleCollisions(), hidden, notImages, filteredOut, below, List.copyOf(warnings),
        List.copyOf(errors));
  }

  /** Whether an image file lies anywhere below {@code folder} (stopping at the first). */
  private static boolean holdsImage(Path folder) {
    try (Stream<Path> files = Files.find(folder, Integer.MAX_VALUE,
        (file, attrs) -> attrs.isRegularFile() && IMAGE_EXTENSIONS.contains(extension(file.getFileName().toString())))) {
      return files.findAny().isPresent();
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  private void walk(Path root) {
    int depth = recursive ? Integer.MAX_VALUE : 1;
    int first = found.size();
    try {
      Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), depth, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (isOutputFolder(dir)) {
            return FileVisitResult.SKIP_SUBTREE; // a run's own outputs are never its inputs
          }
          if (!dir.equals(root) && isHidden(dir)) {
            hidden++;
            return FileVisitResult.SKIP_SUBTREE;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
          if (e != null) {
            // The listing broke off part-way: what was listed is kept, the rest is an error.
            errors.add(new WalkError(dir, dir + ": cannot list the folder to the end (" + reason(e) + ")"));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isDirectory()) {
            if (!isHidden(file) && !isOutputFolder(file)) {
              notEntered.add(file); // a folder below the depth limit (no -r)
            }
            return FileVisitResult.CONTINUE;
          }
          Path relative = root.relativize(file);
          if (isHidden(file)) {
            hidden++;
          } else if (!IMAGE_EXTENSIONS.contains(extension(file.getFileName().toString()))) {
            notImages++;
          } else if (selected(relative)) {
            found.add(new Found(file, mirror(relative)));
          } else {
            filteredOut++;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          if (e instanceof FileSystemLoopException) {
            warnings.add(file + ": symbolic link loop, not followed");
          } else if (Files.isSymbolicLink(file) && !Files.exists(file)) {
            warnings.add(file + ": broken symbolic link, skipped");
          } else if (Files.isDirectory(file)) {
            errors.add(new WalkError(file, file + ": cannot list the folder (" + reason(e) + ")"));
          } else {
            errors.add(new WalkError(file, file + ": cannot read (" + reason(e) + ")"));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      errors.add(new WalkError(root, root + ": cannot walk the folder (" + reason(e) + ")"));
    }
    // Directory listings come in file-system order; sorting makes runs and reports repeatable.
    found.subList(first, found.size()).sort(java.util.Comparator.comparing(f -> f.source().toString()));
  }

  /** Whether {@code dir} is the output folder (as written, or the same folder by another path). */
  private boolean isOutputFolder(Path dir) {
    if (dir.toAbsolutePath().normalize().equals(outputRoot)) {
      return true;
    }
    try {
      return Files.exists(outputRoot) && Files.isSameFile(dir, outputRoot);
    } catch (IOException e) {
      return false;
    }
  }

  /** An I/O failure in a few words: its kind and the system's message. */
  private static String reason(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
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
