package dev.xaicam.models;

import dev.xaicam.ToolHome;
import dev.xaicam.XaiCamException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Finds a Keras Applications weight file: an explicit {@code --weights} file, else the tool's
 * cache, else Keras's cache, else a checksum-verified download into the tool's cache.
 */
public final class WeightStore {

  /**
   * Everything that decides where the weights come from.
   *
   * @param toolCache the tool's cache folder ({@code $XAI_CAM_HOME/models}), where downloads go
   * @param kerasCache Keras's cache folder ({@code ~/.keras/models}), read only
   * @param file the weight file: its name in both caches, URL, size and hash
   * @param offline forbids the download
   * @param listener told how a download goes
   * @param http makes the client that downloads, called only for a download: a client starts a
   *     selector thread that sits in native code, and the JVM's exit waits 0.3 s for such threads
   */
  public record Config(Path toolCache, Path kerasCache, KerasWeightFile file, boolean offline,
      DownloadListener listener, Supplier<HttpClient> http) {

    /** Checks every field. */
    public Config {
      Objects.requireNonNull(toolCache, "toolCache");
      Objects.requireNonNull(kerasCache, "kerasCache");
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(listener, "listener");
      Objects.requireNonNull(http, "http");
    }

    /**
     * The VGG16 configuration for this user: {@code $XAI_CAM_HOME} (default {@code ~/.xai-cam}),
     * Keras's {@code ~/.keras/models}, and the published URL, size and checksum.
     */
    public static Config vgg16(boolean offline, DownloadListener listener) {
      return of(KerasWeightFile.VGG16, offline, listener);
    }

    /** As {@link #vgg16(boolean, DownloadListener)} with the environment and home folder given. */
    static Config vgg16(Map<String, String> env, Path userHome, boolean offline,
        DownloadListener listener) {
      return of(KerasWeightFile.VGG16, env, userHome, offline, listener);
    }

    /**
     * The configuration of {@code file} for this user: {@code $XAI_CAM_HOME} (default
     * {@code ~/.xai-cam}) and Keras's {@code ~/.keras/models}.
     */
    public static Config of(KerasWeightFile file, boolean offline, DownloadListener listener) {
      return of(file, System.getenv(), Path.of(System.getProperty("user.home")), offline,
          listener);
    }

    /** As {@link #of(KerasWeightFile, boolean, DownloadListener)} with the environment given. */
    static Config of(KerasWeightFile file, Map<String, String> env, Path userHome,
        boolean offline, DownloadListener listener) {
      return new Config(ToolHome.of(env, userHome).resolve("models"), userHome.resolve(".keras").resolve("models"),
          file, offline, listener, WeightStore::defaultHttpClient);
    }

    /** The weight file's name in both caches. */
    public String fileName() {
      return file.fileName();
    }

    /** Where to download it from. */
    public URI url() {
      return file.url();
    }

    /** Its exact size in bytes, or 0 where not recorded. */
    public long expectedSize() {
      return file.size();
    }

    /** Where a download lands and where the tool looks first. */
    Path toolFile() {
      return toolCache.resolve(file.fileName());
    }

    /** Where Keras keeps its copy. */
    Path kerasFile() {
      return kerasCache.resolve(file.fileName());
    }
  }


  /** Where the weights come from. */
  private final Config config;

  /** Opens the download's temporary file. */
  private final WeightDownload.OutputOpener opener;

  /** A store following {@code config}. */
  public WeightStore(Config config) {
    this(config, Files::newOutputStream);
  }

  /** A store writing downloads through {@code opener}. */
  WeightStore(Config config, WeightDownload.OutputOpener opener) {
    this.config = Objects.requireNonNull(config, "config");
    this.opener = Objects.requireNonNull(opener, "opener");
  }

  /**
   * The weight file to load.
   *
   * @param explicit the {@code --weights} file, or {@code null} to search the caches and download
   * @throws XaiCamException usage when {@code explicit} does not exist; setup when a cached file
   *     has the wrong size, when offline with nothing cached, or when the download fails
   */
  public Path resolve(Path explicit) {
    if (explicit != null) {
      if (!Files.isRegularFile(explicit)) {
        throw XaiCamException.usage("--weights " + explicit
            + ": no such file; give the path of a Keras weight file such as "
            + config.fileName());
      }
      return explicit;
    }
    for (Path cached : new Path[] {config.toolFile(), config.kerasFile()}) {
      if (Files.isRegularFile(cached)) {
        checkCachedSize(cached);
        return cached;
      }
    }
    if (config.offline()) {
      throw XaiCamException.setup(config.file().label()
          + " not found and --offline forbids the download; put "
          + config.fileName() + " in " + config.toolCache() + " or pass --weights FILE");
    }
    return new WeightDownload(config, opener).run();
  }

  /** Refuses a cached file whose size is not the published one (a half-finished copy, another model). */
  private void checkCachedSize(Path cached) {
    long size;
    try {
      size = Files.size(cached);
    } catch (IOException e) {
      throw XaiCamException.setup(cached + ": cannot read cached weights (" + e.getMessage()
          + "); fix its permissions or pass --weights FILE", e);
    }
    if (config.file().sizeRecorded() && size != config.expectedSize()) {
      throw XaiCamException.setup(String.format("%s: cached weights have %,d bytes, expected %,d (an "
          + "interrupted copy?); delete it to download again, or pass --weights FILE",
          cached, size, config.expectedSize()));
    }
  }

  /** The client used unless a test supplies one: follows redirects, honours the system proxy settings. */
  static HttpClient defaultHttpClient() {
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(30))
        .build();
  }
}
