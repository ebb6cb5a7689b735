package dev.xaicam.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.xaicam.XaiCamException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution order and download failures of {@link WeightStore}, against a loopback HTTP server. */
class WeightStoreTest {

  /** Size of the fake weight file served: several download buffers, so progress has steps. */
  private static final int PAYLOAD_SIZE = 3 * (1 << 20) + 12_345;

  /** File name used in both caches. */
  private static final String NAME = "weights.h5";

  /** Bytes the server serves as "the weights". */
  private static byte[] payload;

  /** MD5 of {@link #payload}, computed independently of the store. */
  private static String payloadMd5;

  /** Fresh folder per test, holding both caches. */
  @TempDir Path dir;

  /** Loopback server; each test installs its handler. */
  private HttpServer server;

  /** Requests the server has seen. */
  private final AtomicInteger requests = new AtomicInteger();

  /** What the store told its download listener, one line per call. */
  private final List<String> events = new ArrayList<>();

  /** Records every call as a line of {@link #events}. */
  private final DownloadListener recorder = new DownloadListener() {
    @Override
    public void started(String what, URI from, Path to, long bytes) {
      events.add("started " + what + " " + from + " " + to + " " + bytes);
    }

    @Override
    public void progressed(long received) {
      events.add("progressed " + received);
    }

    @Override
    public void ended() {
      events.add("ended");
    }
  };

  /** Makes the payload once. */
  @BeforeEach
  void startServer() throws Exception {
    if (payload == null) {
      payload = new byte[PAYLOAD_SIZE];
      new Random(42).nextBytes(payload);
      payloadMd5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(payload));
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.start();
  }

  /** Stops the server. */
  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  /** Serves {@code handler} at /weights.h5. */
  private void serve(HttpHandler handler) {
    server.createContext("/" + NAME, exchange -> {
      requests.incrementAndGet();
      try (exchange) {
        handler.handle(exchange);
      }
    });
  }

  /** Serves the payload whole. */
  private void servePayload() {
    serve(exchange -> {
      exchange.sendResponseHeaders(200, payload.length);
      exchange.getResponseBody().write(payload);
    });
  }

  /** The URL of the test file on the loopback server. */
  private URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + NAME);
  }

  /** A config with the test caches, the loopback URL and the payload's size and MD5. */
  private WeightStore.Config config(boolean offline, String md5) {
    return new WeightStore.Config(dir.resolve("tool"), dir.resolve("keras"),
        new KerasWeightFile("VGG16", NAME, url(), payload.length, md5), offline, recorder,
        WeightStore::defaultHttpClient);
  }

  /** A store for {@link #config(boolean, String)} with the right MD5. */
  private WeightStore store(boolean offline) {
    return new WeightStore(config(offline, payloadMd5));
  }

  /** A store for a file whose size Keras never recorded (0): only its MD5 checks it. */
  private WeightStore storeWithoutSize() {
    return new WeightStore(new WeightStore.Config(dir.resolve("tool"), dir.resolve("keras"),
        new KerasWeightFile("DenseNet121", NAME, url(), 0, payloadMd5), false, recorder,
        WeightStore::defaultHttpClient));
  }

  /** Without a recorded size the server's length is expected, the MD5 decides. */
  @Test
  void aFileOfUnrecordedSizeDownloadsAndIsCheckedByItsHash() throws IOException {
    servePayload();

    Path got = storeWithoutSize().resolve(null);

    assertThat(Files.readAllBytes(got)).isEqualTo(payload);
    assertThat(events.get(0)).endsWith(" " + payload.length);
  }

  /** A cached file of unrecorded size is taken as it is (its hash was checked when it came). */
  @Test
  void aCachedFileOfUnrecordedSizeIsTakenWhateverItsSize() throws IOException {
    Path tool = cached("tool", 17);

    assertThat(storeWithoutSize().resolve(null)).isEqualTo(tool);
    assertThat(requests).hasValue(0);
  }

  /** Puts a file of {@code size} bytes at {@code cache/NAME}. */
  private Path cached(String cache, int size) throws IOException {
    Path file = dir.resolve(cache).resolve(NAME);
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[size]);
    return file;
  }

  /** An explicit --weights file wins over everything, whatever its size. */
  @Test
  void explicitFileWins() throws IOException {
    cached("tool", PAYLOAD_SIZE);
    Path explicit = Files.writeString(dir.resolve("mine.h5"), "x");

    assertThat(store(false).resolve(explicit)).isEqualTo(explicit);
    assertThat(requests).hasValue(0);
  }

  /**
   * Finding a file on disk makes no HTTP client: a client's selector thread sits in native code,
   * and the JVM's exit waits 0.3 s for such threads.
   */
  @Test
  void noHttpClientIsMadeUnlessItDownloads() throws IOException {
    Path tool = cached("tool", PAYLOAD_SIZE);
    Path explicit = Files.writeString(dir.resolve("mine.h5"), "x");
    WeightStore.Config base = config(false, payloadMd5);
    WeightStore.Config failing = new WeightStore.Config(base.toolCache(), base.kerasCache(),
        base.file(), false, base.listener(), () -> {
          throw new AssertionError("an HTTP client was made without a download");
        });

    assertThat(new WeightStore(failing).resolve(explicit)).isEqualTo(explicit);
    assertThat(new WeightStore(failing).resolve(null)).isEqualTo(tool);
  }

  /** A missing explicit file is a usage error naming it. */
  @Test
  void missingExplicitFileIsUsageError() {
    Path explicit = dir.resolve("nope.h5");

    assertThatThrownBy(() -> store(false).resolve(explicit))
        .isInstanceOfSatisfying(XaiCamException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(XaiCamException.EXIT_USAGE);
          assertThat(e.getMessage()).isEqualTo("--weights " + explicit + ": no such file; give the path of a "
              + "Keras weight file such as " + NAME);
        });
  }

  /** The tool's cache comes before Keras's. */
  @Test
  void toolCacheBeforeKerasCache() throws IOException {
    Path tool = cached("tool", PAYLOAD_SIZE);
    cached("keras", PAYLOAD_SIZE);

    assertThat(store(true).resolve(null)).isEqualTo(tool);
  }

  /** Keras's cache is used when the tool has none. */
  @Test
  void kerasCacheUsedWhenToolCacheEmpty() throws IOException {
    Path keras = cached("keras", PAYLOAD_SIZE);

    assertThat(store(true).resolve(null)).isEqualTo(keras);
    assertThat(requests).hasValue(0);
  }

  /** A cached file of the wrong size is reported, not used and not replaced. */
  @Test
  void cachedFileWithWrongSizeIsReported() throws IOException {
    Path tool = cached("tool", 1000);
    servePayload();

    assertSetupFailure(store(false), String.format("%s: cached weights have 1,000 bytes, expected %,d", tool,
        PAYLOAD_SIZE));
    assertThat(tool).hasSize(1000);
    assertThat(requests).hasValue(0);
  }

  /** Offline with nothing cached names the folder and the alternative. */
  @Test
  void offlineForbidsDownload() {
    servePayload();

    assertSetupFailure(store(true), "VGG16 weights not found and --offline forbids the download; put " + NAME
        + " in " + dir.resolve("tool") + " or pass --weights FILE");
    assertThat(requests).hasValue(0);
  }

  /**
   * A download lands in the tool cache byte for byte with no temporary file left, and the listener
   * hears the start, every chunk in increasing order up to the whole size, and the end.
   */
  @Test
  void downloadsIntoToolCacheTellingTheListener() throws IOException {
    servePayload();

    Path result = store(false).resolve(null);

    assertThat(result).isEqualTo(dir.resolve("tool").resolve(NAME));
    assertThat(Files.readAllBytes(result)).isEqualTo(payload);
    assertThat(dir.resolve("tool")).isDirectoryContaining("glob:**" + NAME).satisfies(d ->
        assertThat(Files.list(d)).hasSize(1));
    assertThat(events.get(0)).isEqualTo("started VGG16 weights " + url() + " " + result + " " + PAYLOAD_SIZE);
    assertThat(events.get(events.size() - 1)).isEqualTo("ended");
    List<Long> received = events.subList(1, events.size() - 1).stream()
        .map(e -> Long.parseLong(e.substring("progressed ".length()))).toList();
    assertThat(received).isSorted().doesNotHaveDuplicates().last().isEqualTo((long) PAYLOAD_SIZE);
    // A second resolve uses the cache.
    assertThat(store(false).resolve(null)).isEqualTo(result);
    assertThat(requests).hasValue(1);
  }

  /** A temporary file left by a killed download is removed by the next one. */
  @Test
  void aKilledDownloadsTemporaryFileIsRemoved() throws IOException {
    servePayload();
    Path stale = Files.write(Files.createDirectories(dir.resolve("tool")).resolve(".xai-cam-tmp-2147483646-x.part"),
        new byte[] {1});

    store(false).resolve(null);

    assertThat(stale).doesNotExist();
  }

  /** A failed download still ends the listener's display. */
  @Test
  void aFailedDownloadEndsTheListener() {
    serve(exchange -> {
      exchange.sendResponseHeaders(200, 0);
      exchange.getResponseBody().write(payload, 0, 5000);
    });

    assertThatThrownBy(() -> store(false).resolve(null)).isInstanceOf(XaiCamException.class);
    assertThat(events).last().isEqualTo("ended");
  }

  /** A wrong checksum deletes the download. */
  @Test
  void wrongChecksumDeletesDownload() {
    servePayload();
    String wrong = "0123456789abcdef0123456789abcdef";

    assertSetupFailure(new WeightStore(config(false, wrong)),
        "download of " + url() + " is corrupt: md5 " + payloadMd5 + ", expected " + wrong + "; run again");
    assertNoFilesLeft();
  }

  /** An HTTP error status is reported with its code. */
  @Test
  void httpErrorStatusIsReported() {
    serve(exchange -> exchange.sendResponseHeaders(404, -1));

    assertSetupFailure(store(false), "download of " + url() + " failed: HTTP 404; ");
    assertNoFilesLeft();
  }

  /** A server offering another size is refused before anything is written. */
  @Test
  void announcedSizeMismatchIsReported() {
    serve(exchange -> {
      exchange.sendResponseHeaders(200, 10);
      exchange.getResponseBody().write(new byte[10]);
    });

    assertSetupFailure(store(false), String.format("failed: the server offers 10 bytes, expected %,d; check the address", PAYLOAD_SIZE));
    assertNoFilesLeft();
  }

  /** A body that ends early without a declared length is a partial download. */
  @Test
  void shortChunkedBodyIsPartialDownload() {
    serve(exchange -> {
      exchange.sendResponseHeaders(200, 0);
      exchange.getResponseBody().write(payload, 0, 5000);
    });

    assertSetupFailure(store(false), String.format("download of %s ended early after 5,000 of %,d bytes; run again",
        url(), PAYLOAD_SIZE));
    assertNoFilesLeft();
  }

  /** A connection closed before the declared length is a broken-off download. */
  @Test
  void connectionClosedEarlyIsReported() {
    serve(exchange -> {
      exchange.sendResponseHeaders(200, payload.length);
      OutputStream body = exchange.getResponseBody();
      body.write(payload, 0, 2 * (1 << 20));
      body.flush();
      // Abandon the exchange with bytes missing: the server then drops the connection.
      exchange.getHttpContext().getServer().stop(0);
    });

    assertThatThrownBy(() -> store(false).resolve(null))
        .isInstanceOfSatisfying(XaiCamException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(XaiCamException.EXIT_SETUP);
          assertThat(e.getMessage()).matches("download of " + url() + " (broke off|ended early).*; run again to retry, "
              + "or download .* by hand into .*, or pass --weights FILE");
        });
    assertNoFilesLeft();
  }

  /** Nothing listening is reported as an unreachable host. */
  @Test
  void unreachableServerIsReported() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    URI dead = URI.create("http://127.0.0.1:" + closedPort + "/" + NAME);
    WeightStore.Config base = config(false, payloadMd5);
    WeightStore.Config config = new WeightStore.Config(base.toolCache(), base.kerasCache(),
        new KerasWeightFile("VGG16", NAME, dead, base.expectedSize(), base.file().fileHash()), false,
        base.listener(), base.http());

    assertSetupFailure(new WeightStore(config), "cannot reach 127.0.0.1 to download the VGG16 weights (connection refused); check the network");
    assertNoFilesLeft();
  }

  /** A full disk is reported as such and leaves no partial file. */
  @Test
  void diskFullIsReported() {
    servePayload();
    WeightStore store = new WeightStore(config(false, payloadMd5), file -> new FilterOutputStream(Files.newOutputStream(file)) {
      /** Bytes accepted so far. */
      private long written;

      /** Accepts the first MiB, then fails as a full disk does. */
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        written += len;
        if (written > (1 << 20)) {
          throw new IOException("No space left on device");
        }
        out.write(b, off, len);
      }
    });

    assertSetupFailure(store, "disk full while downloading the VGG16 weights into " + dir.resolve("tool"));
    assertNoFilesLeft();
  }

  /** The standard configuration honours XAI_CAM_HOME and falls back to ~/.xai-cam. */
  @Test
  void standardConfigUsesXaiCamHome() {
    Path home = Path.of("/home/u");

    WeightStore.Config withEnv = WeightStore.Config.vgg16(Map.of("XAI_CAM_HOME", "/data/xc"), home, true,
        DownloadListener.SILENT);
    WeightStore.Config without = WeightStore.Config.vgg16(Map.of(), home, false, DownloadListener.SILENT);

    assertThat(withEnv.toolFile()).isEqualTo(Path.of("/data/xc/models/vgg16_weights_tf_dim_ordering_tf_kernels.h5"));
    assertThat(without.toolFile()).isEqualTo(Path.of("/home/u/.xai-cam/models/vgg16_weights_tf_dim_ordering_tf_kernels.h5"));
    assertThat(without.kerasFile()).isEqualTo(Path.of("/home/u/.keras/models/vgg16_weights_tf_dim_ordering_tf_kernels.h5"));
    assertThat(without.expectedSize()).isEqualTo(553_467_096L);
    assertThat(without.url().toString()).isEqualTo("https://storage.googleapis.com/tensorflow/keras-applications/"
        + "vgg16/vgg16_weights_tf_dim_ordering_tf_kernels.h5");
    assertThat(withEnv.offline()).isTrue();
  }

  /** Config rejects a malformed checksum by value. */
  @Test
  void configRejectsBadMd5() {
    assertThatThrownBy(() -> config(false, "ABC"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("file hash must be 32 (MD5) or 64 (SHA-256) lower-case hex digits, got ABC");
  }

  /** A 64-digit hash is SHA-256, as Keras's "auto" decides; a wrong one deletes the download. */
  @Test
  void sha256HashIsCheckedWithSha256() throws Exception {
    servePayload();
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
    assertThat(new WeightStore(config(false, sha)).resolve(null)).hasSize(payload.length);
    Files.delete(dir.resolve("tool").resolve(NAME));
    String wrong = "ab".repeat(32);
    assertSetupFailure(new WeightStore(config(false, wrong)),
        "is corrupt: sha256 " + sha + ", expected " + wrong + "; run again");
    assertNoFilesLeft();
  }

  /** Where Keras records no hash (MobileNetV2), the size alone is checked. */
  @Test
  void noHashChecksTheSizeOnly() {
    servePayload();
    assertThat(new WeightStore(config(false, null)).resolve(null)).hasSize(payload.length);
  }

  /** The tool cache holds nothing: no weights, no temp or partial file. */
  private void assertNoFilesLeft() {
    try (var files = Files.list(dir.resolve("tool"))) {
      assertThat(files).isEmpty();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Asserts one setup failure (exit 3) on resolve(null) whose single line contains {@code fragment}. */
  private static void assertSetupFailure(WeightStore store, String fragment) {
    assertThatThrownBy(() -> store.resolve(null))
        .isInstanceOfSatisfying(XaiCamException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(XaiCamException.EXIT_SETUP);
          assertThat(e.getMessage()).contains(fragment).doesNotContain("\n");
        });
  }
}
