package dev.xaicam.cli;

import dev.xaicam.TemporaryFile;
import dev.xaicam.FileTrees;
import dev.xaicam.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Help text kept from the last time it was printed, so that {@code xai-cam --help} costs a JVM
 * start and a file read instead of picocli building eight commands' models in the interpreter
 * (0.5 s of a 0.55 s run on 2 cores).
 *
 * <p>Help is a pure function of the build, the arguments and the width: it is printed without
 * colours and its texts have no defaults from the environment. So an entry is keyed by exactly
 * those: a folder per build (the jar's size and modification time) holding one file per
 * arguments-and-width (a SHA-256 of both). An entry is written only after picocli printed that
 * text for those arguments and exited with 0, through a temporary file renamed into place (what a
 * killed writer left is removed by the next). A new build removes the other builds' folders.
 * Without a jar (classes from a folder, as in tests and IDEs) or without a numeric width (the
 * launcher passes the terminal's as {@code picocli.usage.width}), nothing is cached and picocli
 * prints as always.
 */
final class HelpCache {
  /** The width picocli renders at, when it is a number. */
  static final String WIDTH_PROPERTY = "picocli.usage.width";

  /** This build's folder of help texts, or null when nothing may be cached. */
  private final Path folder;
  /** The rendering width. */
  private final String width;

  /** A cache in {@code folder} for texts {@code width} columns wide. */
  HelpCache(Path folder, String width) {
    this.folder = folder;
    this.width = width;
  }

  /**
   * The cache for this process: under {@code $XAI_CAM_HOME/help/}, for the jar this class came
   * from and the width the launcher gave; empty when either is missing.
   */
  static Optional<HelpCache> forThisProcess(Path toolHome) {
    String width = System.getProperty(WIDTH_PROPERTY);
    if (width == null || !width.matches("[0-9]{1,4}")) {
      return Optional.empty();
    }
    try {
      Path jar = Path.of(HelpCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(jar)) {
        return Optional.empty();
      }
      String build = Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
      return Optional.of(new HelpCache(toolHome.resolve("help").resolve(build), width));
    } catch (Exception e) {
      // No code source, or an unreadable jar: print through picocli, as without a cache.
      return Optional.empty();
    }
  }

  /** The text printed before for {@code args} at this width, if any. */
  Optional<String> lookUp(String[] args) {
    try {
      return Optional.of(Files.readString(entry(args), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Keeps {@code text} as what {@code args} print, and removes the folders of other builds.
   * Failing to write only costs the next run its shortcut, so failures are ignored.
   */
  void store(String[] args, String text) {
    try {
      Files.createDirectories(folder);
      TemporaryFile.removeStale(folder);
      try (TemporaryFile temp = TemporaryFile.createIn(folder)) {
        try (OutputStream out = Files.newOutputStream(temp.path())) {
          out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        temp.moveTo(entry(args));
      }
      try (Stream<Path> builds = Files.list(folder.getParent())) {
        builds.filter(build -> !build.equals(folder)).forEach(FileTrees::deleteQuietly);
      }
    } catch (IOException | RuntimeException e) {
      // The next run renders the help again.
    }
  }

  /** The file of {@code args}' text at this width. */
  Path entry(String[] args) {
    String[] parts = new String[args.length + 1];
    parts[0] = width;
    System.arraycopy(args, 0, parts, 1, args.length);
    return folder.resolve(Sha256.hexOf(parts) + ".txt");
  }
}
