package dev.xaicam.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.image.ImageFormat.Dimensions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Magic-number sniffing and header size parsing of {@link ImageFormat}, on hand-made headers. */
class ImageFormatTest {

  /** Bytes from ints 0..255 (Java bytes are signed). */
  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  /** The bytes of two arrays, one after the other. */
  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** ASCII bytes. */
  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A PNG signature and an IHDR chunk declaring 30000x20000. */
  @Test
  void pngSizeComesFromIhdr() {
    byte[] png = bytes(0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
        0, 0, 0x75, 0x30, 0, 0, 0x4E, 0x20, 8, 2, 0, 0, 0);

    assertThat(ImageFormat.sniff(png)).contains(ImageFormat.PNG);
    assertThat(ImageFormat.PNG.declaredSize(png)).contains(new Dimensions(30000, 20000));
    assertThat(ImageFormat.PNG.declaredSize(Arrays.copyOf(png, 20))).isEmpty();
  }

  /** The JPEG walk skips APP segments to reach SOF0 (height before width, big-endian). */
  @Test
  void jpegSizeComesFromStartOfFrame() {
    byte[] jpeg = bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 1, 2, // APP0 with 2 payload bytes
        0xFF, 0xC2, 0, 11, 8, 0x01, 0x2C, 0x02, 0x58, 1, 1, 0x11, 0, // SOF2: 300 rows, 600 columns
        0xFF, 0xDA, 0, 2, 0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD9);

    assertThat(ImageFormat.sniff(jpeg)).contains(ImageFormat.JPEG);
    assertThat(ImageFormat.JPEG.declaredSize(jpeg)).contains(new Dimensions(600, 300));
    assertThat(ImageFormat.jpegHasEndMarker(jpeg)).isTrue();
    assertThat(ImageFormat.jpegHasEndMarker(Arrays.copyOf(jpeg, jpeg.length - 2))).isFalse();
  }

  /** A JPEG whose EXIF segment holds FF D9 (a thumbnail's end) still counts as truncated without its own. */
  @Test
  void endMarkerInsideHeaderSegmentDoesNotCount() {
    byte[] jpeg = bytes(0xFF, 0xD8, 0xFF, 0xE1, 0, 4, 0xFF, 0xD9,
        0xFF, 0xC0, 0, 11, 8, 0, 2, 0, 2, 1, 1, 0x11, 0,
        0xFF, 0xDA, 0, 2, 0x12, 0x34);

    assertThat(ImageFormat.jpegHasEndMarker(jpeg)).isFalse();
  }

  /** BMP sizes are little-endian; a negative height means top-down rows. */
  @Test
  void bmpSizeHandlesTopDownRows() {
    byte[] bmp = new byte[54];
    bmp[0] = 'B';
    bmp[1] = 'M';
    bmp[14] = 40;
    bmp[18] = (byte) 0x80; // width 640
    bmp[19] = 0x02;
    bmp[22] = (byte) 0x1E; // height -482 = 0xFFFFFE1E
    bmp[23] = (byte) 0xFE;
    bmp[24] = (byte) 0xFF;
    bmp[25] = (byte) 0xFF;

    assertThat(ImageFormat.sniff(bmp)).contains(ImageFormat.BMP);
    assertThat(ImageFormat.BMP.declaredSize(bmp)).contains(new Dimensions(640, 482));
  }

  /** Big-endian TIFF with a SHORT width and a LONG height in its first directory. */
  @Test
  void tiffSizeComesFromFirstDirectory() {
    byte[] tiff = bytes('M', 'M', 0, 42, 0, 0, 0, 8, 0, 2,
        1, 0, 0, 3, 0, 0, 0, 1, 0x01, 0x90, 0, 0, // ImageWidth SHORT 400
        1, 1, 0, 4, 0, 0, 0, 1, 0, 0, 0x01, 0x2C, // ImageLength LONG 300
        0, 0, 0, 0);

    assertThat(ImageFormat.sniff(tiff)).contains(ImageFormat.TIFF);
    assertThat(ImageFormat.TIFF.declaredSize(tiff)).contains(new Dimensions(400, 300));
  }

  /** Lossy WebP: 14-bit sizes after the key-frame start code, scale bits ignored. */
  @Test
  void webpLossySize() {
    byte[] webp = concat(ascii("RIFF\0\0\0\0WEBPVP8 \0\0\0\0"),
        bytes(0, 0, 0, 0x9D, 0x01, 0x2A, 0x80, 0x42, 0xE0, 0x01)); // 640 | scale 1, 480

    assertThat(ImageFormat.sniff(webp)).contains(ImageFormat.WEBP);
    assertThat(ImageFormat.WEBP.declaredSize(webp)).contains(new Dimensions(640, 480));
  }

  /** Lossless WebP: width-1 and height-1 packed in 14-bit fields after the 0x2F signature. */
  @Test
  void webpLosslessSize() {
    // width 5 -> 4, height 3 -> 2: bits = 4 | 2 << 14 = 0x8004
    byte[] webp = concat(ascii("RIFF\0\0\0\0WEBPVP8L\0\0\0\0"), bytes(0x2F, 0x04, 0x80, 0, 0));

    assertThat(ImageFormat.WEBP.declaredSize(webp)).contains(new Dimensions(5, 3));
  }

  /** Extended WebP: 24-bit canvas width-1 and height-1. */
  @Test
  void webpExtendedSize() {
    byte[] webp = concat(ascii("RIFF\0\0\0\0WEBPVP8X\0\0\0\0"),
        bytes(0x10, 0, 0, 0, 0x2F, 0x75, 0, 0x1F, 0x4E, 0)); // 30000, 20000

    assertThat(ImageFormat.WEBP.declaredSize(webp)).contains(new Dimensions(30000, 20000));
  }

  /** Netpbm headers with comments, and PAM's WIDTH/HEIGHT lines. */
  @Test
  void pnmSizes() {
    byte[] ppm = ascii("P6\n# made by hand\n12 7\n255\n\u00ff\u0000");
    byte[] pam = ascii("P7\nWIDTH 9\nHEIGHT 4\nDEPTH 3\nMAXVAL 255\nTUPLTYPE RGB\nENDHDR\n");

    assertThat(ImageFormat.sniff(ppm)).contains(ImageFormat.PNM);
    assertThat(ImageFormat.PNM.declaredSize(ppm)).contains(new Dimensions(12, 7));
    assertThat(ImageFormat.PNM.declaredSize(pam)).contains(new Dimensions(9, 4));
    assertThat(ImageFormat.PNM.declaredSize(ascii("P6\n12 7"))).isEmpty();
  }

  /** Text, GIF and unknown bytes are no supported format; GIF and HEIC are named. */
  @Test
  void unsupportedAndUnknownBytes() {
    assertThat(ImageFormat.sniff(ascii("hello, world\n"))).isEmpty();
    assertThat(ImageFormat.sniff(ascii("GIF89a\u0001\u0000"))).isEmpty();
    assertThat(ImageFormat.sniffUnsupported(ascii("GIF89a\u0001\u0000"))).contains("GIF");
    assertThat(ImageFormat.sniffUnsupported(ascii("\0\0\0\u0018ftypheic"))).contains("HEIC/HEIF");
    assertThat(ImageFormat.sniffUnsupported(ascii("hello"))).isEmpty();
  }

  @Test
  void dropsOnlyThePngColourProfileChunk() throws IOException {
    byte[] cat = Files.readAllBytes(Path.of("samples/cat_chelsea.png"));
    byte[] stripped = ImageFormat.withoutPngColourProfile(cat);
    String before = new String(cat, 0, 200, StandardCharsets.ISO_8859_1);
    String after = new String(stripped, 0, 200, StandardCharsets.ISO_8859_1);

    assertThat(before).contains("iCCP");
    assertThat(after).doesNotContain("iCCP").contains("IHDR");
    assertThat(stripped.length).isLessThan(cat.length);
    assertThat(ImageFormat.withoutPngColourProfile(stripped)).isEqualTo(stripped);
  }
}
