package dev.xaicam.model;

import dev.xaicam.Terminal;
import dev.xaicam.XaiCamException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Finds VGG16's weight file: an explicit {@code --weights} file, else the tool's cache, else
 * Keras's cache, else a checksum-verified download into the tool's cache.
 */
public final class WeightStore {

  /** The file name Keras Applications uses for VGG16's ImageNet weights (with top). */
  public static final String VGG16_FILE_NAME = "vgg16_weights_tf_dim_ordering_tf_kernels.h5";

  /** Where Keras Applications downloads VGG16's weights from. */
  public static final URI VGG16_URL = URI.create(
      "https://storage.googleapis.com/tensorflow/keras-applications/vgg16/" + VGG16_FILE_NAME);

  /** Size of the published file in bytes. */
  public static final long VGG16_SIZE = 553_467_096L;

  /** MD5 of the published file, as Keras's {@code get_file(file_hash=...)} checks it. */
  public static final String VGG16_MD5 = "64373286793e3c8b2b4e3219cbf3544b";

  /** Bytes copied per read while downloading. */
  private static final int BUFFER_SIZE = 1 << 20;

  /** Without a progress bar, one log line per this fraction of the download. */
  private static final int LOG_STEPS = 10;

  /**
   * Everything that decides where the weights come from.
   *
   * @param toolCache the tool's cache folder ({@code $XAI_CAM_HOME/models}), where downloads go
   * @param kerasCache Keras's cache folder ({@code ~/.keras/models}), read only
   * @param fileName the weight file's name in both caches
   * @param url where to download it from
   * @param expectedSize its exact size in bytes
   * @param md5 its MD5 as 32 lower-case hex digits
   * @param offline forbids the download
   * @param progress how download progress is shown
   * @param http the client that downloads
   */
  public record Config(Path toolCache, Path kerasCache, String fileName, URI url, long expectedSize,
      String md5, boolean offline, Progress progress, HttpClient http) {

    /** Checks every field. */
    public Config {
      Objects.requireNonNull(toolCache, "toolCache");
      Objects.requireNonNull(kerasCache, "kerasCache");
      Objects.requireNonNull(fileName, "fileName");
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(progress, "progress");
      Objects.requireNonNull(http, "http");
      if (expectedSize < 1) {
        throw new IllegalArgumentException("expected size must be >= 1, got " + expectedSize);
      }
      if (md5 == null || !md5.matches("[0-9a-f]{32}")) {
        throw new IllegalArgumentException("md5 must be 32 lower-case hex digits, got " + md5);
      }
    }

    /**
     * The VGG16 configuration for this user: {@code $XAI_CAM_HOME} (default {@code ~/.xai-cam}),
     * Keras's {@code ~/.keras/models}, and the published URL, size and checksum.
     */
    public static Config vgg16(boolean offline, Progress progress) {
      return vgg16(System.getenv(), Path.of(System.getProperty("user.home")), offline, progress);
    }

    /** As {@link #vgg16(boolean, Progress)} with the environment and home folder given. */
    static Config vgg16(Map<String, String> env, Path userHome, boolean offline, Progress progress) {
      String home = env.get("XAI_CAM_HOME");
      Path toolHome = home == null || home.isBlank() ? userHome.resolve(".xai-cam") : Path.of(home);
      return new Config(toolHome.resolve("models"), userHome.resolve(".keras").resolve("models"),
          VGG16_FILE_NAME, VGG16_URL, VGG16_SIZE, VGG16_MD5, offline, progress, defaultHttpClient());
    }

    /** Where a download lands and where the tool looks first. */
    Path toolFile() {
      return toolCache.resolve(fileName);
    }

    /** Where Keras keeps its copy. */
    Path kerasFile() {
      return kerasCache.resolve(fileName);
    }
  }

  /**
   * How download progress reaches the user.
   *
   * @param sink where messages go (normally {@code System.err})
   * @param bar whether to draw a live progress bar (only sensible on a terminal)
   * @param quiet whether to print nothing at all
   */
  public record Progress(PrintStream sink, boolean bar, boolean quiet) {

    /** Checks the sink. */
    public Progress {
      Objects.requireNonNull(sink, "sink");
    }

    /** Progress on stderr: a bar when stderr is a terminal, else occasional lines; nothing if quiet. */
    public static Progress stderr(boolean quiet) {
      return new Progress(System.err, Terminal.stderrIsTerminal(), quiet);
    }
  }

  /** Opens the temporary download file for writing; replaceable so tests can simulate a full disk. */
  @FunctionalInterface
  interface OutputOpener {
    /** An output stream writing {@code file}. */
    OutputStream open(Path file) throws IOException;
  }

  /** A write to disk that failed; kept apart from network read failures to word the message. */
  private static final class DiskWriteException extends IOException {
    /** Serialization version (exceptions are Serializable). */
    private static final long serialVersionUID = 1L;

    /** Wraps the file system's failure. */
    DiskWriteException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** Where the weights come from. */
  private final Config config;

  /** Opens the download's temporary file. */
  private final OutputOpener opener;

  /** A store following {@code config}. */
  public WeightStore(Config config) {
    this(config, Files::newOutputStream);
  }

  /** A store writing downloads through {@code opener}. */
  WeightStore(Config config, OutputOpener opener) {
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
      throw XaiCamException.setup("VGG16 weights not found and --offline forbids the download; put "
          + config.fileName() + " in " + config.toolCache() + " or pass --weights FILE");
    }
    return download();
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
    if (size != config.expectedSize()) {
      throw XaiCamException.setup(String.format("%s: cached weights have %,d bytes, expected %,d (an "
          + "interrupted copy?); delete it to download again, or pass --weights FILE",
          cached, size, config.expectedSize()));
    }
  }

  /** Downloads into a temporary file in the tool's cache, verifies it, and moves it into place. */
  private Path download() {
    Path target = config.toolFile();
    String hint = "or download " + config.url() + " by hand into " + config.toolCache()
        + ", or pass --weights FILE";
    try {
      Files.createDirectories(config.toolCache());
    } catch (IOException e) {
      throw XaiCamException.setup("cannot create the weight cache " + config.toolCache() + " ("
          + e.getMessage() + "); set XAI_CAM_HOME to a writable folder or pass --weights FILE", e);
    }
    Path temp = null;
    try {
      // createFile honours the umask, unlike createTempFile's owner-only permissions.
      temp = Files.createFile(config.toolCache().resolve("." + config.fileName() + "." + UUID.randomUUID() + ".part"));
      fetchInto(temp, hint);
      moveIntoPlace(temp, target);
      temp = null;
      return target;
    } catch (DiskWriteException e) {
      throw XaiCamException.setup(diskMessage(e, hint), e);
    } catch (UnknownHostException | ConnectException | HttpConnectTimeoutException e) {
      String why = isUnknownHost(e) ? "unknown host"
          : e instanceof HttpConnectTimeoutException ? "connection timed out" : "connection refused";
      throw XaiCamException.setup("cannot reach " + config.url().getHost() + " to download the VGG16 weights ("
          + why + "); check the network connection or proxy, " + hint, e);
    } catch (HttpTimeoutException e) {
      throw XaiCamException.setup("download of " + config.url() + " timed out; run again to retry, " + hint, e);
    } catch (IOException e) {
      if (temp == null || isNoSpace(e)) {
        throw XaiCamException.setup(diskMessage(e, hint), e);
      }
      throw XaiCamException.setup("download of " + config.url() + " broke off (" + describe(e)
          + "); run again to retry, " + hint, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw XaiCamException.setup("download of the VGG16 weights was interrupted; run again to retry", e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // Best effort: the failure already being reported matters more.
        }
      }
    }
  }

  /** Streams the response body into {@code temp}, checking status, size and MD5 on the way. */
  private void fetchInto(Path temp, String hint) throws IOException, InterruptedException {
    Progress progress = config.progress();
    if (!progress.quiet()) {
      progress.sink().printf("Downloading VGG16 weights (%,d MB) from %s to %s%n",
          config.expectedSize() / 1_000_000, config.url(), config.toolFile());
    }
    HttpRequest request = HttpRequest.newBuilder(config.url()).GET().build();
    HttpResponse<InputStream> response = config.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
    long received = 0;
    MessageDigest md5 = newMd5();
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw XaiCamException.setup("download of " + config.url() + " failed: HTTP " + response.statusCode()
            + "; check the address and proxy, " + hint);
      }
      OptionalLong announced = response.headers().firstValueAsLong("Content-Length");
      if (announced.isPresent() && announced.getAsLong() != config.expectedSize()) {
        throw XaiCamException.setup(String.format("download of %s failed: the server offers %,d bytes, "
            + "expected %,d; check the address and proxy, %s",
            config.url(), announced.getAsLong(), config.expectedSize(), hint));
      }
      try (OutputStream out = openTemp(temp);
          ProgressDisplay display = new ProgressDisplay(progress, config.expectedSize())) {
        byte[] buffer = new byte[BUFFER_SIZE];
        for (int n; (n = body.read(buffer)) >= 0; ) {
          received += n;
          if (received > config.expectedSize()) {
            throw XaiCamException.setup(String.format("download of %s failed: the server sent more than the "
                + "expected %,d bytes; check the address and proxy, %s", config.url(), config.expectedSize(), hint));
          }
          md5.update(buffer, 0, n);
          write(out, buffer, n);
          display.advanceTo(received);
        }
      } catch (DiskWriteException e) {
        throw e;
      } catch (IOException e) {
        if (isNoSpace(e)) {
          // Closing the file (flushing buffers) is a write too.
          throw new DiskWriteException(e);
        }
        throw e;
      }
    }
    if (received != config.expectedSize()) {
      throw XaiCamException.setup(String.format("download of %s ended early after %,d of %,d bytes; run again to "
          + "retry, %s", config.url(), received, config.expectedSize(), hint));
    }
    String actual = HexFormat.of().formatHex(md5.digest());
    if (!actual.equals(config.md5())) {
      throw XaiCamException.setup("download of " + config.url() + " is corrupt: md5 " + actual + ", expected "
          + config.md5() + "; run again to retry, " + hint);
    }
  }

  /** Opens the temporary file, classing a failure as a disk problem. */
  private OutputStream openTemp(Path temp) throws DiskWriteException {
    try {
      return opener.open(temp);
    } catch (IOException e) {
      throw new DiskWriteException(e);
    }
  }

  /** Writes one chunk, classing a failure as a disk problem rather than a network one. */
  private static void write(OutputStream out, byte[] buffer, int n) throws DiskWriteException {
    try {
      out.write(buffer, 0, n);
    } catch (IOException e) {
      throw new DiskWriteException(e);
    }
  }

  /** The one-line message for a failed write into the cache. */
  private String diskMessage(IOException e, String hint) {
    if (isNoSpace(e)) {
      return String.format("disk full while downloading the VGG16 weights into %s; free %,d MB there, set "
          + "XAI_CAM_HOME to a folder on another disk, %s",
          config.toolCache(), config.expectedSize() / 1_000_000, hint);
    }
    return "cannot write the VGG16 weights into " + config.toolCache() + " (" + describe(e)
        + "); set XAI_CAM_HOME to a writable folder, " + hint;
  }

  /** Whether a connect failure comes from name resolution (HttpClient wraps it in a ConnectException). */
  private static boolean isUnknownHost(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        return true;
      }
    }
    return false;
  }

  /** Whether an I/O failure (or one it wraps) is the file system running out of space. */
  private static boolean isNoSpace(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("No space left on device")) {
        return true;
      }
    }
    return false;
  }

  /** Moves atomically within the cache folder, falling back where the file system cannot. */
  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** A new MD5 digest; every Java platform must provide one. */
  private static MessageDigest newMd5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java runtime lacks MD5, which every Java platform must provide", e);
    }
  }

  /** The client used unless a test supplies one: follows redirects, honours the system proxy settings. */
  static HttpClient defaultHttpClient() {
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(30))
        .build();
  }

  /** A short description of a low-level failure: its message, or its type when it has none. */
  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /** Shows download progress as a live bar, or as a line per tenth when no bar is wanted. */
  private static final class ProgressDisplay implements AutoCloseable {
    /** Where messages go and how. */
    private final Progress progress;
    /** Total bytes expected. */
    private final long total;
    /** The live bar, or {@code null} when lines (or nothing) are printed instead. */
    private final ProgressBar bar;
    /** How many tenths have been logged so far. */
    private int loggedSteps;

    /** Starts the display. */
    ProgressDisplay(Progress progress, long total) {
      this.progress = progress;
      this.total = total;
      this.bar = progress.bar() && !progress.quiet()
          ? new ProgressBarBuilder().setTaskName("VGG16 weights").setInitialMax(total).setUnit("MB", 1_000_000)
              .setConsumer(new ConsoleProgressBarConsumer(progress.sink())).showSpeed().build()
          : null;
    }

    /** Records that {@code received} bytes have arrived. */
    void advanceTo(long received) {
      if (progress.quiet()) {
        return;
      }
      if (bar != null) {
        bar.stepTo(received);
        return;
      }
      int step = (int) (received * LOG_STEPS / total);
      if (step > loggedSteps) {
        loggedSteps = step;
        progress.sink().printf("Downloading VGG16 weights: %d%% (%,d of %,d MB)%n",
            step * 100 / LOG_STEPS, received / 1_000_000, total / 1_000_000);
      }
    }

    /** Finishes the bar, if any. */
    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }
}
