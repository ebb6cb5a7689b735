package dev.xaicam.image;

import dev.xaicam.XaiCamException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.opencv.core.CvException;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Reads image files (PNG, JPEG, BMP, TIFF, WebP, PNM) into 8-bit BGR pixels, refusing anything
 * unusable with one clear line per file.
 *
 * <p>Cheap checks in Java come first (existence, permissions, magic number, declared size) so that
 * a bad or oversized file fails before OpenCV allocates memory for it. OpenCV then decodes with
 * {@code IMREAD_COLOR}: grayscale becomes three equal channels, alpha is dropped, 16-bit samples
 * are scaled to 8 bits and a JPEG's EXIF orientation is applied. Instances are immutable and
 * thread-safe.
 */
public final class ImageDecoder {

  /** The default pixel limit, 100 megapixels (300 MB of decoded BGR). */
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

  /** The largest pixel limit allowed: the decoded samples must fit one Java byte array. */
  public static final long LARGEST_MAX_PIXELS = (Integer.MAX_VALUE - 8) / 3;

  /** Images whose header declares more pixels than this are refused before decoding. */
  private final long maxPixels;

  /** A decoder with the default limit of {@value #DEFAULT_MAX_PIXELS} pixels. */
  public ImageDecoder() {
    this(DEFAULT_MAX_PIXELS);
  }

  /** A decoder refusing images that declare more than {@code maxPixels} pixels. */
  public ImageDecoder(long maxPixels) {
    if (maxPixels < 1 || maxPixels > LARGEST_MAX_PIXELS) {
      throw new IllegalArgumentException(
          "max pixels must be in [1, " + LARGEST_MAX_PIXELS + "], got " + maxPixels);
    }
    this.maxPixels = maxPixels;
  }

  /** The pixel limit of this decoder. */
  public long maxPixels() {
    return maxPixels;
  }

  /**
   * Decodes one file to 8-bit BGR.
   *
   * @throws XaiCamException (bad input, exit 1) naming the file and the reason when the file is
   *     missing, unreadable, empty, not a supported image, too large, truncated or corrupt
   */
  public DecodedImage decode(Path file) {
    byte[] bytes = readChecked(file);
    ImageFormat format =
        ImageFormat.sniff(bytes).orElseThrow(() -> XaiCamException.badInput(file, notAnImage(bytes)));
    ImageFormat.Dimensions declared =
        format.declaredSize(bytes).orElseThrow(() -> corrupt(file, format, ""));
    if (declared.pixels() > maxPixels) {
      throw XaiCamException.badInput(
          file,
          "image is " + declared.width() + "x" + declared.height() + " = "
              + megapixels(declared.pixels()) + ", above the " + megapixels(maxPixels)
              + " limit (--max-pixels)");
    }
    if (format == ImageFormat.JPEG && !ImageFormat.jpegHasEndMarker(bytes)) {
      // libjpeg would fill the missing rows with grey and report success.
      throw corrupt(file, format, " (no end-of-image marker)");
    }
    OpenCvNatives.ensureLoaded();
    MatOfByte encoded = new MatOfByte(format == ImageFormat.PNG ? ImageFormat.withoutPngColourProfile(bytes) : bytes);
    Mat decoded = null;
    try {
      decoded = Imgcodecs.imdecode(encoded, Imgcodecs.IMREAD_COLOR);
      if (decoded.empty() || decoded.type() != CvType.CV_8UC3) {
        throw corrupt(file, format, "");
      }
      return MatBridge.toImage(file, decoded);
    } catch (CvException e) {
      throw XaiCamException.badInput(
          file, "cannot decode: truncated or corrupt " + format.displayName() + " data", e);
    } finally {
      encoded.release();
      if (decoded != null) {
        decoded.release();
      }
    }
  }

  /** The file's bytes, after the file-system checks that give the clearest messages. */
  private static byte[] readChecked(Path file) {
    if (!Files.exists(file)) {
      throw XaiCamException.badInput(file, "no such file");
    }
    if (Files.isDirectory(file)) {
      throw XaiCamException.badInput(file, "is a directory, not an image file");
    }
    if (!Files.isRegularFile(file)) {
      // Reading a FIFO or device could block forever.
      throw XaiCamException.badInput(file, "not a regular file (device, pipe or socket)");
    }
    if (!Files.isReadable(file)) {
      throw XaiCamException.badInput(file, "permission denied: cannot read the file");
    }
    try {
      long size = Files.size(file);
      if (size == 0) {
        throw XaiCamException.badInput(file, "empty file (0 bytes)");
      }
      if (size > Integer.MAX_VALUE - 8) {
        throw XaiCamException.badInput(file, "file is " + size + " bytes, too large to read (limit 2 GiB)");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw XaiCamException.badInput(file, "cannot read: " + e.getMessage(), e);
    }
  }

  /** The message for bytes with no supported magic number: name the format, or show what is there. */
  private static String notAnImage(byte[] bytes) {
    Optional<String> unsupported = ImageFormat.sniffUnsupported(bytes);
    if (unsupported.isPresent()) {
      return unsupported.get() + " images are not supported; convert to PNG or JPEG"
          + " (supported: PNG, JPEG, BMP, TIFF, WebP, PNM)";
    }
    int n = Math.min(bytes.length, 16);
    if (looksLikeText(bytes)) {
      String start = new String(bytes, 0, Math.min(bytes.length, 24), StandardCharsets.UTF_8)
          .replaceAll("\\s+", " ").replaceAll("[^\\x20-\\x7E]", "?").strip();
      return "not an image: the file looks like text (starts with \"" + start + "\")";
    }
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < n; i++) {
      hex.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02X", bytes[i] & 0xFF));
    }
    return "not an image: the file starts with bytes " + hex
        + " (supported: PNG, JPEG, BMP, TIFF, WebP, PNM)";
  }

  /** Whether the start of the file is printable text (ASCII or UTF-8), like a CSV or a script. */
  private static boolean looksLikeText(byte[] bytes) {
    int n = Math.min(bytes.length, 512);
    for (int i = 0; i < n; i++) {
      int c = bytes[i] & 0xFF;
      boolean control = c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f';
      if (control || c == 0x7F) {
        return false;
      }
    }
    return true;
  }

  /** "cannot decode: truncated or corrupt PNG data", with an optional detail. */
  private static XaiCamException corrupt(Path file, ImageFormat format, String detail) {
    return XaiCamException.badInput(
        file, "cannot decode: truncated or corrupt " + format.displayName() + " data" + detail);
  }

  /** Pixels as megapixels for messages: "900 MP", "2.5 MP". */
  static String megapixels(long pixels) {
    double mp = pixels / 1e6;
    String s = String.format(Locale.ROOT, "%.1f", mp);
    if (s.endsWith(".0")) {
      s = s.substring(0, s.length() - 2);
    }
    if (s.equals("0")) {
      s = String.format(Locale.ROOT, "%.6f", mp).replaceAll("0+$", "");
    }
    return s + " MP";
  }
}
