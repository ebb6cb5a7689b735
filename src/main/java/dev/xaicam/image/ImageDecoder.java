package dev.xaicam.image;

import dev.xaicam.XaiCamException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
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
 *
 * <p>Long because every refusal message about a file lives here, next to the check that makes it,
 * so a user sees the same words whichever path an image takes.
 */
public final class ImageDecoder {

  /** The default pixel limit, 100 megapixels (300 MB of decoded BGR). */
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

  /** The largest pixel limit allowed: the decoded samples must fit one Java byte array. */
  public static final long LARGEST_MAX_PIXELS = (Integer.MAX_VALUE - 8) / 3;

  /** Bytes read first to identify the file and its declared size before reading it whole. */
  static final int HEADER_BYTES = 1 << 20;

  /** Room for metadata (EXIF, ICC profiles, comments) beyond the largest pixel data. */
  static final long METADATA_BYTES = 64L << 20;

  /** Images whose header declares more pixels than this are refused before decoding. */
  private final long maxPixels;

  /**
   * Starts loading OpenCV's native library in the background, for a caller that will decode images
   * after other work (loading a network); the first decode then finds it loaded.
   */
  public static void loadNativesInBackground() {
    OpenCvNatives.loadInBackground();
  }

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
   * A file judged from its first bytes, ready to decode: what it is and how much memory its
   * decoding can take, known before it is read whole.
   *
   * @param file the image file
   * @param fileBytes its size on disk
   * @param head its first bytes (the whole file when small)
   * @param format the format its magic number names
   * @param pixels the declared size when the first bytes hold it, else the pixel limit
   * @param whole the whole file when its bytes came in memory, else {@code null} (read on decode)
   */
  public record Header(Path file, long fileBytes, byte[] head, ImageFormat format, long pixels,
      byte[] whole) {
    /**
     * The most heap its decoding takes at once: the file read whole (twice for a PNG whose colour
     * profile is dropped) and the decoded 8-bit BGR samples.
     */
    public long decodingBytes() {
      return 2 * fileBytes + 3 * pixels;
    }
  }

  /**
   * Judges one file from its first megabyte: it exists, is an image of a supported format, is
   * within the pixel limit if the first bytes declare its size, and is no larger than such an
   * image can be.
   *
   * @throws XaiCamException (bad input, exit 1) naming the file and the reason
   */
  public Header inspect(Path file) {
    long size = checkFile(file);
    return header(file, size, read(file, (int) Math.min(size, HEADER_BYTES)), null);
  }

  /**
   * Decodes an image file's bytes already in memory (a Spark {@code binaryFile} row, a library
   * caller's upload) with the same checks and messages as {@link #decode(Path)}.
   *
   * @param name the file the bytes came from, for messages
   * @throws XaiCamException (bad input, exit 1) naming {@code name} and the reason
   */
  public DecodedImage decode(Path name, byte[] bytes) {
    if (bytes.length == 0) {
      throw XaiCamException.badInput(name, "empty file (0 bytes)");
    }
    // The same first megabyte a file read sees, so both paths judge a file alike.
    byte[] head = bytes.length <= HEADER_BYTES ? bytes : Arrays.copyOf(bytes, HEADER_BYTES);
    return decode(header(name, bytes.length, head, bytes));
  }

  /** The checks a file's first bytes allow; {@code whole} is the whole file if already read. */
  private Header header(Path file, long size, byte[] head, byte[] whole) {
    ImageFormat format =
        ImageFormat.sniff(head).orElseThrow(() -> XaiCamException.badInput(file, notAnImage(head)));
    if (format == ImageFormat.WEBP && ImageFormat.isAnimatedWebp(head)) {
      throw XaiCamException.badInput(file, "animated WebP images are not supported; save one"
          + " frame as PNG or JPEG");
    }
    // The header usually sits in the first bytes; a TIFF may keep its directory anywhere.
    Optional<ImageFormat.Dimensions> early = format.declaredSize(head);
    long largest = early.map(d -> d.pixels()).orElse(maxPixels);
    if (early.isPresent()) {
      checkPixels(file, early.get());
    }
    if (size > largestFileBytes(largest)) {
      throw XaiCamException.badInput(file, "file is " + size + " bytes, more than any "
          + (early.isPresent() ? early.get().width() + "x" + early.get().height() + " image"
              : "image within the " + megapixels(maxPixels) + " limit (--max-pixels)")
          + " can hold: corrupt or padded");
    }
    return new Header(file, size, head, format, largest, whole);
  }

  /**
   * Decodes one file to 8-bit BGR.
   *
   * @throws XaiCamException (bad input, exit 1) naming the file and the reason when the file is
   *     missing, unreadable, empty, not a supported image, too large, truncated or corrupt
   */
  public DecodedImage decode(Path file) {
    return decode(inspect(file));
  }

  /**
   * Decodes a file {@link #inspect inspected} before, reading it whole now (unless its bytes came
   * in memory).
   *
   * @throws XaiCamException (bad input, exit 1) naming the file and the reason
   */
  public DecodedImage decode(Header header) {
    Path file = header.file();
    ImageFormat format = header.format();
    byte[] bytes = header.whole() != null ? header.whole()
        : header.fileBytes() == header.head().length ? header.head()
        : read(file, (int) header.fileBytes());
    ImageFormat.Dimensions declared =
        format.declaredSize(bytes).orElseThrow(() -> corrupt(file, format, ""));
    checkPixels(file, declared);
    if (format == ImageFormat.JPEG && !ImageFormat.jpegHasEndMarker(bytes)) {
      // libjpeg would fill the missing rows with grey and report success.
      throw corrupt(file, format, " (no end-of-image marker)");
    }
    OpenCvNatives.ensureLoaded();
    List<String> nativeLines = new ArrayList<>();
    Mat decoded = NativeStderr.capture(() -> decodeNative(format, bytes), nativeLines);
    try {
      if (decoded == null || decoded.empty() || decoded.type() != CvType.CV_8UC3) {
        throw corrupt(file, format, nativeDetail(nativeLines));
      }
      return MatBridge.toImage(file, decoded);
    } finally {
      if (decoded != null) {
        decoded.release();
      }
    }
  }

  /** OpenCV's decode, or null when OpenCV throws (a corrupt stream). */
  private static Mat decodeNative(ImageFormat format, byte[] bytes) {
    MatOfByte encoded = new MatOfByte(
        format == ImageFormat.PNG ? ImageFormat.withoutPngColourProfile(bytes) : bytes);
    try {
      return Imgcodecs.imdecode(encoded, Imgcodecs.IMREAD_COLOR);
    } catch (CvException e) {
      return null;
    } finally {
      encoded.release();
    }
  }

  /**
   * What the native decoder said, folded into one parenthesised clause: the first line that names
   * a cause (libpng/libjpeg messages), without OpenCV's multi-line banners.
   */
  static String nativeDetail(List<String> lines) {
    for (String line : lines) {
      String text = line.replaceAll("\\s+", " ").strip();
      if (!text.isEmpty() && !text.startsWith("[") && !text.startsWith("OpenCV(")) {
        return " (" + (text.length() > 120 ? text.substring(0, 117) + "..." : text) + ")";
      }
    }
    return "";
  }

  /** Fails when the declared size is above the pixel limit. */
  private void checkPixels(Path file, ImageFormat.Dimensions declared) {
    if (declared.pixels() > maxPixels) {
      throw XaiCamException.badInput(
          file,
          "image is " + declared.width() + "x" + declared.height() + " = "
              + megapixels(declared.pixels()) + ", above the " + megapixels(maxPixels)
              + " limit (--max-pixels)");
    }
  }

  /**
   * The most bytes an encoded image of {@code pixels} pixels can sensibly take: 16-bit RGBA stored
   * uncompressed (8 bytes a pixel) plus room for metadata. Anything larger is not read whole.
   */
  static long largestFileBytes(long pixels) {
    return pixels * 8 + METADATA_BYTES;
  }

  /** The file-system checks that give the clearest messages; returns the file's size. */
  private static long checkFile(Path file) {
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
      return size;
    } catch (IOException e) {
      throw XaiCamException.badInput(file, "cannot read: " + e.getMessage(), e);
    }
  }

  /** The first {@code count} bytes of the file (fewer only if it shrank meanwhile). */
  private static byte[] read(Path file, int count) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(count);
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
