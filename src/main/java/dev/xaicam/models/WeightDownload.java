package dev.xaicam.models;

import dev.xaicam.XaiCamException;
import dev.xaicam.TemporaryFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Downloads a weight file into the tool's cache: streamed into a temporary file, size and the
 * hash Keras records (MD5 or SHA-256; size only where Keras records none) checked, then moved
 * into place; every failure ends in one line saying what happened and how to
 * put the file there by hand.
 */
final class WeightDownload {
  /** Bytes copied per read while downloading. */
  private static final int BUFFER_SIZE = 1 << 20;

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

  /** What to download and where. */
  private final WeightStore.Config config;

  /** Opens the download's temporary file. */
  private final OutputOpener opener;

  /** A download following {@code config}, writing through {@code opener}. */
  WeightDownload(WeightStore.Config config, OutputOpener opener) {
    this.config = config;
    this.opener = opener;
  }

  /** Downloads into a temporary file in the tool's cache, verifies it, and moves it into place. */
  Path run() {
    Path target = config.toolFile();
    String hint = "or download " + config.url() + " by hand into " + config.toolCache()
        + ", or pass --weights FILE";
    try {
      Files.createDirectories(config.toolCache());
    } catch (IOException e) {
      throw XaiCamException.setup("cannot create the weight cache " + config.toolCache() + " ("
          + e.getMessage() + "); set XAI_CAM_HOME to a writable folder or pass --weights FILE", e);
    }
    // A killed earlier download left its temporary file behind; it is ours to remove.
    TemporaryFile.removeStale(config.toolCache());
    boolean created = false;
    try (TemporaryFile temp = TemporaryFile.createIn(config.toolCache())) {
      created = true;
      fetchInto(temp.path(), hint);
      temp.moveTo(target);
      return target;
    } catch (DiskWriteException e) {
      throw XaiCamException.setup(diskMessage(e, hint), e);
    } catch (UnknownHostException | ConnectException | HttpConnectTimeoutException e) {
      String why = isUnknownHost(e) ? "unknown host"
          : e instanceof HttpConnectTimeoutException ? "connection timed out" : "connection refused";
      throw XaiCamException.setup("cannot reach " + config.url().getHost() + " to download the "
          + config.file().label() + " ("
          + why + "); check the network connection or proxy, " + hint, e);
    } catch (HttpTimeoutException e) {
      throw XaiCamException.setup("download of " + config.url() + " timed out; run again to retry, " + hint, e);
    } catch (IOException e) {
      if (!created || isNoSpace(e)) {
        throw XaiCamException.setup(diskMessage(e, hint), e);
      }
      throw XaiCamException.setup("download of " + config.url() + " broke off (" + describe(e)
          + "); run again to retry, " + hint, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw XaiCamException.setup("download of the " + config.file().label()
          + " was interrupted; run again to retry", e);
    }
  }

  /** Streams the response body into {@code temp}, checking status, size and MD5 on the way. */
  private void fetchInto(Path temp, String hint) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(config.url()).GET().build();
    HttpResponse<InputStream> response = config.http().get().send(request, HttpResponse.BodyHandlers.ofInputStream());
    long received = 0;
    long expected;
    MessageDigest digest = newDigest(config.file().hashAlgorithm());
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw XaiCamException.setup("download of " + config.url() + " failed: HTTP " + response.statusCode()
            + "; check the address and proxy, " + hint);
      }
      OptionalLong announced = response.headers().firstValueAsLong("Content-Length");
      boolean recorded = config.file().sizeRecorded();
      if (recorded && announced.isPresent() && announced.getAsLong() != config.expectedSize()) {
        throw XaiCamException.setup(String.format("download of %s failed: the server offers %,d bytes, "
            + "expected %,d; check the address and proxy, %s",
            config.url(), announced.getAsLong(), config.expectedSize(), hint));
      }
      DownloadListener listener = config.listener();
      // Without a recorded size the server's word is all there is (-1: not even that).
      expected = recorded ? config.expectedSize() : announced.orElse(-1);
      listener.started(config.file().label(), config.url(), config.toolFile(), expected);
      try (OutputStream out = openTemp(temp)) {
        byte[] buffer = new byte[BUFFER_SIZE];
        for (int n; (n = body.read(buffer)) >= 0; ) {
          received += n;
          if (expected >= 0 && received > expected) {
            throw XaiCamException.setup(String.format("download of %s failed: the server sent more than the "
                + "expected %,d bytes; check the address and proxy, %s", config.url(), expected, hint));
          }
          if (digest != null) {
            digest.update(buffer, 0, n);
          }
          write(out, buffer, n);
          listener.progressed(received);
        }
      } catch (DiskWriteException e) {
        throw e;
      } catch (IOException e) {
        if (isNoSpace(e)) {
          // Closing the file (flushing buffers) is a write too.
          throw new DiskWriteException(e);
        }
        throw e;
      } finally {
        listener.ended();
      }
    }
    if (expected >= 0 && received != expected) {
      throw XaiCamException.setup(String.format("download of %s ended early after %,d of %,d bytes; run again to "
          + "retry, %s", config.url(), received, expected, hint));
    }
    if (digest == null) {
      return;
    }
    String actual = HexFormat.of().formatHex(digest.digest());
    if (!actual.equals(config.file().fileHash())) {
      String name = config.file().hashAlgorithm().toLowerCase(Locale.ROOT).replace("-", "");
      throw XaiCamException.setup("download of " + config.url() + " is corrupt: " + name + " "
          + actual + ", expected " + config.file().fileHash() + "; run again to retry, " + hint);
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
      String room = config.file().sizeRecorded()
          ? String.format("%,d MB", config.expectedSize() / 1_000_000) : "room for the file";
      return String.format("disk full while downloading the %s into %s; free %s there, set "
          + "XAI_CAM_HOME to a folder on another disk, %s",
          config.file().label(), config.toolCache(), room, hint);
    }
    return "cannot write the " + config.file().label() + " into " + config.toolCache() + " ("
        + describe(e)
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

  /** A new digest of {@code algorithm} (MD5 or SHA-256: every Java has them); null for none. */
  private static MessageDigest newDigest(String algorithm) {
    if (algorithm == null) {
      return null;
    }
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java runtime lacks " + algorithm
          + ", which every Java platform must provide", e);
    }
  }

  /** A short description of a low-level failure: its message, or its type when it has none. */
  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
