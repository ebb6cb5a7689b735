package dev.xaicam.image;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The file formats the bundled OpenCV 4.9 decodes and whose header this class reads, recognised by
 * their magic numbers, not by file name.
 *
 * <p>Reading the declared size from the header lets the decoder refuse an oversized image before
 * OpenCV allocates memory for it.
 *
 * <p>Long because it holds one small header parser per supported format (PNG, JPEG, BMP, TIFF,
 * WebP, PNM), each tested on its own.
 */
enum ImageFormat {
  /** Portable Network Graphics. */
  PNG("PNG"),
  /** JPEG/JFIF/EXIF. */
  JPEG("JPEG"),
  /** Windows or OS/2 bitmap. */
  BMP("BMP"),
  /** TIFF, either byte order (not BigTIFF). */
  TIFF("TIFF"),
  /** WebP, lossy (VP8), lossless (VP8L) or extended (VP8X). */
  WEBP("WebP"),
  /** Netpbm PBM/PGM/PPM (P1-P6) and PAM (P7). */
  PNM("PNM");

  /** A width and height read from a file header. */
  record Dimensions(int width, int height) {
    /** Pixel count, without int overflow. */
    long pixels() {
      return (long) width * height;
    }
  }

  /** The name users know the format by, for messages. */
  private final String displayName;

  /** Creates a constant with its display name. */
  ImageFormat(String displayName) {
    this.displayName = displayName;
  }

  /** The name users know the format by ("PNG", "WebP"). */
  String displayName() {
    return displayName;
  }

  /** The format whose magic number starts the bytes, if any of the supported ones. */
  static Optional<ImageFormat> sniff(byte[] b) {
    if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(PNG);
    }
    if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (startsWith(b, 0, 'B', 'M') && b.length >= 26) {
      return Optional.of(BMP);
    }
    if (startsWith(b, 0, 'I', 'I', 42, 0) || startsWith(b, 0, 'M', 'M', 0, 42)) {
      return Optional.of(TIFF);
    }
    if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
      return Optional.of(WEBP);
    }
    if (b.length >= 3 && b[0] == 'P' && b[1] >= '1' && b[1] <= '7' && isSpace(b[2])) {
      return Optional.of(PNM);
    }
    return Optional.empty();
  }

  /**
   * Names a known image format that the bundled OpenCV cannot decode (GIF, HEIC, ...), so the user
   * learns what to convert, or empty when the bytes look like no known image at all.
   */
  static Optional<String> sniffUnsupported(byte[] b) {
    if (startsWith(b, 0, 'G', 'I', 'F', '8')) {
      return Optional.of("GIF");
    }
    if (startsWith(b, 4, 'f', 't', 'y', 'p')) {
      String brand = b.length >= 12 ? new String(b, 8, 4, StandardCharsets.US_ASCII) : "";
      if (brand.startsWith("avi")) {
        return Optional.of("AVIF");
      }
      if (brand.startsWith("hei") || brand.startsWith("mif") || brand.startsWith("hev")) {
        return Optional.of("HEIC/HEIF");
      }
    }
    if (startsWith(b, 0, 0, 0, 0, 0x0C, 'j', 'P', ' ', ' ') || startsWith(b, 0, 0xFF, 0x4F, 0xFF, 0x51)) {
      return Optional.of("JPEG 2000");
    }
    if (startsWith(b, 0, '#', '?')) {
      return Optional.of("Radiance HDR");
    }
    if (startsWith(b, 0, 0x76, 0x2F, 0x31, 0x01)) {
      return Optional.of("OpenEXR");
    }
    return Optional.empty();
  }

  /**
   * The width and height the header declares, or empty when the header is cut short or malformed
   * (the file is then truncated or corrupt).
   */
  Optional<Dimensions> declaredSize(byte[] b) {
    try {
      Dimensions d =
          switch (this) {
            case PNG -> pngSize(b);
            case JPEG -> jpegSize(b);
            case BMP -> bmpSize(b);
            case TIFF -> tiffSize(b);
            case WEBP -> webpSize(b);
            case PNM -> pnmSize(b);
          };
      return d != null && d.width() > 0 && d.height() > 0 ? Optional.of(d) : Optional.empty();
    } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
      // A header that runs past the end of the data, or garbage where digits belong.
      return Optional.empty();
    }
  }

  /**
   * Whether a JPEG carries its end-of-image marker after the first scan. libjpeg decodes a JPEG cut
   * off mid-scan into a picture whose missing rows are grey, without failing; this catches that.
   */
  static boolean jpegHasEndMarker(byte[] b) {
    int sos = jpegMarkerOffset(b, 0xDA);
    if (sos < 0) {
      return false;
    }
    // Entropy-coded data escapes 0xFF as FF 00 and only uses FF D0..D7 as restart markers,
    // so FF D9 after the first SOS can only be the end-of-image marker.
    for (int i = sos + 2; i + 1 < b.length; i++) {
      if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xD9) {
        return true;
      }
    }
    return false;
  }

  /** IHDR is always the first chunk: width and height are big-endian at offsets 16 and 20. */
  private static Dimensions pngSize(byte[] b) {
    if (!startsWith(b, 12, 'I', 'H', 'D', 'R')) {
      return null;
    }
    return new Dimensions(be32(b, 16), be32(b, 20));
  }

  /** Height and width from the first start-of-frame segment. */
  private static Dimensions jpegSize(byte[] b) {
    int sof = -1;
    for (int m = 0xC0; m <= 0xCF && sof < 0; m++) {
      // C4 (DHT), C8 (reserved) and CC (DAC) share the range but are not frame headers.
      if (m != 0xC4 && m != 0xC8 && m != 0xCC) {
        sof = jpegMarkerOffset(b, m);
      }
    }
    if (sof < 0) {
      return null;
    }
    return new Dimensions(be16(b, sof + 7), be16(b, sof + 5));
  }

  /**
   * Offset of the first marker of the given type in the header segments (before the first scan, or
   * the scan itself for 0xDA), or -1 when absent or the segment chain is broken.
   */
  private static int jpegMarkerOffset(byte[] b, int wanted) {
    int i = 2;
    while (i + 3 < b.length) {
      if ((b[i] & 0xFF) != 0xFF) {
        return -1;
      }
      int marker = b[i + 1] & 0xFF;
      if (marker == 0xFF) {
        i++; // fill byte before a marker
        continue;
      }
      if (marker == wanted) {
        return i;
      }
      if (marker == 0xDA || marker == 0xD9) {
        return -1; // the scan starts: no more header segments follow in a baseline walk
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        i += 2; // markers without a length field
        continue;
      }
      i += 2 + be16(b, i + 2);
    }
    return -1;
  }

  /** BITMAPCOREHEADER (12 bytes) holds 16-bit sizes; later headers signed 32-bit, height negative when top-down. */
  private static Dimensions bmpSize(byte[] b) {
    int headerSize = le32(b, 14);
    if (headerSize == 12) {
      return new Dimensions(le16(b, 18), le16(b, 20));
    }
    int height = le32(b, 22);
    return new Dimensions(le32(b, 18), height == Integer.MIN_VALUE ? 0 : Math.abs(height));
  }

  /** ImageWidth (256) and ImageLength (257) entries of the first image file directory. */
  private static Dimensions tiffSize(byte[] b) {
    boolean little = b[0] == 'I';
    long ifd = u32(b, 4, little);
    if (ifd < 8 || ifd > b.length - 2) {
      return null;
    }
    int at = (int) ifd;
    int entries = u16(b, at, little);
    int width = 0;
    int height = 0;
    for (int e = 0; e < entries; e++) {
      int entry = at + 2 + 12 * e;
      int tag = u16(b, entry, little);
      int type = u16(b, entry + 2, little);
      // SHORT (3) values sit left-aligned in the 4-byte value field; LONG (4) fill it.
      long value = type == 3 ? u16(b, entry + 8, little) : u32(b, entry + 8, little);
      if (tag == 256) {
        width = (int) Math.min(value, Integer.MAX_VALUE);
      } else if (tag == 257) {
        height = (int) Math.min(value, Integer.MAX_VALUE);
      }
    }
    return new Dimensions(width, height);
  }

  /**
   * Whether a WebP file is an animation (extended header with the animation flag), which OpenCV
   * cannot decode.
   */
  static boolean isAnimatedWebp(byte[] b) {
    return b.length > 20 && new String(b, 12, 4, StandardCharsets.US_ASCII).equals("VP8X")
        && (b[20] & 0x02) != 0;
  }

  /** The first chunk after "WEBP" says which of the three bitstream headers follows. */
  private static Dimensions webpSize(byte[] b) {
    String chunk = new String(b, 12, 4, StandardCharsets.US_ASCII);
    int data = 20;
    switch (chunk) {
      case "VP8 " -> {
        // Key frame: 3-byte frame tag, start code 9D 01 2A, then 14-bit width and height (2 scale bits).
        if (!startsWith(b, data + 3, 0x9D, 0x01, 0x2A)) {
          return null;
        }
        return new Dimensions(le16(b, data + 6) & 0x3FFF, le16(b, data + 8) & 0x3FFF);
      }
      case "VP8L" -> {
        // Signature 0x2F, then width-1 and height-1 as 14-bit fields, least significant bit first.
        if ((b[data] & 0xFF) != 0x2F) {
          return null;
        }
        int bits = le32(b, data + 1);
        return new Dimensions((bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1);
      }
      case "VP8X" -> {
        // Flags (4 bytes), then canvas width-1 and height-1 as 24-bit little-endian fields.
        return new Dimensions(le24(b, data + 4) + 1, le24(b, data + 7) + 1);
      }
      default -> {
        return null;
      }
    }
  }

  /** Netpbm: whitespace-separated ASCII fields with '#' comments; PAM uses WIDTH/HEIGHT lines. */
  private static Dimensions pnmSize(byte[] b) {
    int limit = Math.min(b.length, 4096);
    String header = new String(b, 0, limit, StandardCharsets.ISO_8859_1).replaceAll("#[^\n]*", " ");
    String[] tokens = header.substring(2).trim().split("\\s+");
    if (b[1] == '7') {
      int width = 0;
      int height = 0;
      for (int i = 0; i + 1 < tokens.length && !tokens[i].equals("ENDHDR"); i++) {
        if (tokens[i].equals("WIDTH")) {
          width = Integer.parseInt(tokens[i + 1]);
        } else if (tokens[i].equals("HEIGHT")) {
          height = Integer.parseInt(tokens[i + 1]);
        }
      }
      return new Dimensions(width, height);
    }
    if (tokens.length < 3) {
      return null; // without the field after the height, the height itself may be cut short
    }
    return new Dimensions(Integer.parseInt(tokens[0]), Integer.parseInt(tokens[1]));
  }

  /** Whether the bytes hold the given values (each 0..255) from the given offset on. */
  private static boolean startsWith(byte[] b, int offset, int... expected) {
    if (b.length < offset + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((b[offset + i] & 0xFF) != expected[i]) {
        return false;
      }
    }
    return true;
  }

  /** ASCII whitespace as Netpbm headers use it. */
  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  /** Unsigned big-endian 16-bit value. */
  private static int be16(byte[] b, int i) {
    return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
  }

  /** Big-endian 32-bit value; negative values (over 2^31) come back negative and fail the size check. */
  private static int be32(byte[] b, int i) {
    return (be16(b, i) << 16) | be16(b, i + 2);
  }

  /** Unsigned little-endian 16-bit value. */
  private static int le16(byte[] b, int i) {
    return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8);
  }

  /** Unsigned little-endian 24-bit value. */
  private static int le24(byte[] b, int i) {
    return le16(b, i) | ((b[i + 2] & 0xFF) << 16);
  }

  /** Little-endian 32-bit value. */
  private static int le32(byte[] b, int i) {
    return le16(b, i) | (le16(b, i + 2) << 16);
  }

  /** Unsigned 16-bit value in the given byte order. */
  private static int u16(byte[] b, int i, boolean little) {
    return little ? le16(b, i) : be16(b, i);
  }

  /** Unsigned 32-bit value in the given byte order. */
  private static long u32(byte[] b, int i, boolean little) {
    return (little ? le32(b, i) : be32(b, i)) & 0xFFFFFFFFL;
  }

  /**
   * The PNG without its {@code iCCP} chunk. OpenCV ignores colour profiles, so no pixel changes,
   * but libpng prints a warning straight to the process's stderr for the many real files whose
   * embedded sRGB profile it dislikes ("iCCP: known incorrect sRGB profile"), which would break
   * the one-line-per-problem output. Anything unexpected returns the bytes unchanged.
   */
  static byte[] withoutPngColourProfile(byte[] png) {
    int pos = 8; // signature
    while (pos + 12 <= png.length) {
      long length = ((png[pos] & 0xFFL) << 24) | ((png[pos + 1] & 0xFF) << 16)
          | ((png[pos + 2] & 0xFF) << 8) | (png[pos + 3] & 0xFF);
      long end = pos + 12 + length;
      if (end > png.length) {
        return png;
      }
      if (png[pos + 4] == 'i' && png[pos + 5] == 'C' && png[pos + 6] == 'C' && png[pos + 7] == 'P') {
        byte[] out = new byte[png.length - (int) (end - pos)];
        System.arraycopy(png, 0, out, 0, pos);
        System.arraycopy(png, (int) end, out, pos, png.length - (int) end);
        return out;
      }
      if (png[pos + 4] == 'I' && png[pos + 5] == 'D' && png[pos + 6] == 'A' && png[pos + 7] == 'T') {
        return png; // iCCP must come before the image data
      }
      pos = (int) end;
    }
    return png;
  }
}
