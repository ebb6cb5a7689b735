package dev.xaicam.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.xaicam.XaiCamException;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

/** {@link ImageDecoder} on files written by the tests themselves, plus the project's samples. */
@Tag("native")
class ImageDecoderTest {

  /** The project's sample photos. */
  private static final Path SAMPLES = Path.of("/work/shared/data/samples");
  /** The project's broken inputs. */
  private static final Path BAD_INPUTS = Path.of("/work/shared/data/bad-inputs");

  /** A scratch directory per test. */
  @TempDir Path dir;

  /** The decoder under test, default limit. */
  private final ImageDecoder decoder = new ImageDecoder();

  /** The tests build their inputs with OpenCV's encoders. */
  @BeforeAll
  static void loadOpenCv() {
    OpenCvNatives.ensureLoaded();
  }

  /** Encodes a matrix with OpenCV into the named file. */
  private Path write(String name, Mat mat, int... params) throws IOException {
    MatOfByte out = new MatOfByte();
    assertThat(Imgcodecs.imencode(name.substring(name.lastIndexOf('.')), mat, out, new MatOfInt(params)))
        .isTrue();
    return write(name, out.toArray());
  }

  /** Writes bytes into the named file. */
  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  /** A 3-channel 8-bit matrix whose pixel (y, x) is (B, G, R) = (x, y, x + y) * 10. */
  private static Mat gradient(int height, int width) {
    Mat mat = new Mat(height, width, CvType.CV_8UC3);
    byte[] px = new byte[height * width * 3];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int p = (y * width + x) * 3;
        px[p] = (byte) (x * 10);
        px[p + 1] = (byte) (y * 10);
        px[p + 2] = (byte) ((x + y) * 10);
      }
    }
    mat.put(0, 0, px);
    return mat;
  }

  /** Asserts that a decoded image equals {@link #gradient} exactly. */
  private static void assertGradient(DecodedImage image, int height, int width) {
    assertThat(image.width()).isEqualTo(width);
    assertThat(image.height()).isEqualTo(height);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        assertThat(new int[] {image.sample(y, x, 0), image.sample(y, x, 1), image.sample(y, x, 2)})
            .as("pixel (%d, %d)", y, x)
            .containsExactly(x * 10, y * 10, (x + y) * 10);
      }
    }
  }

  /** Lossless formats come back pixel-exact in BGR order. */
  @Test
  void losslessFormatsRoundTripExactly() throws IOException {
    Mat mat = gradient(5, 7);
    for (String name : new String[] {"g.png", "g.bmp", "g.tiff", "g.ppm"}) {
      DecodedImage image = decoder.decode(write(name, mat));
      assertGradient(image, 5, 7);
      assertThat(image.source()).isEqualTo(dir.resolve(name));
    }
    assertGradient(decoder.decode(write("g.webp", mat, Imgcodecs.IMWRITE_WEBP_QUALITY, 101)), 5, 7);
  }

  /** Inspecting tells the memory a decode takes from the declared size, before the file is read whole. */
  @Test
  void inspectionGivesTheDeclaredSizeAndTheHeapADecodeTakes() throws IOException {
    Path png = write("g.png", gradient(5, 7));
    long size = Files.size(png);

    ImageDecoder.Header header = decoder.inspect(png);

    assertThat(header.format()).isEqualTo(ImageFormat.PNG);
    assertThat(header.pixels()).isEqualTo(35);
    assertThat(header.decodingBytes()).isEqualTo(2 * size + 3 * 35);
    assertGradient(decoder.decode(header), 5, 7);
  }

  /** Hand-written ASCII PPM: the first pixel is red, so BGR (0, 0, 255). */
  @Test
  void asciiPpm() throws IOException {
    DecodedImage image = decoder.decode(write("a.ppm",
        "P3\n# red, green\n2 1\n255\n255 0 0  0 255 0\n".getBytes(StandardCharsets.US_ASCII)));

    assertThat(image.bgr()).containsExactly(0, 0, (byte) 255, 0, (byte) 255, 0);
  }

  /** Lossy WebP (VP8) and WebP with real transparency (VP8X): size right, colours close. */
  @Test
  void lossyAndExtendedWebp() throws IOException {
    Mat orange = new Mat(16, 24, CvType.CV_8UC3, new Scalar(0, 128, 255));
    Path lossy = write("o.webp", orange, Imgcodecs.IMWRITE_WEBP_QUALITY, 90);
    assertThat(new String(Files.readAllBytes(lossy), 12, 4, StandardCharsets.US_ASCII)).isEqualTo("VP8 ");
    DecodedImage image = decoder.decode(lossy);
    assertThat(image.width()).isEqualTo(24);
    assertThat(image.height()).isEqualTo(16);
    assertThat(image.sample(8, 12, 2)).isGreaterThan(240);
    assertThat(image.sample(8, 12, 0)).isLessThan(20);

    Mat translucent = new Mat(16, 24, CvType.CV_8UC4, new Scalar(0, 128, 255, 255));
    translucent.submat(new Rect(0, 0, 4, 4)).setTo(new Scalar(0, 128, 255, 0));
    Path extended = write("t.webp", translucent, Imgcodecs.IMWRITE_WEBP_QUALITY, 90);
    assertThat(new String(Files.readAllBytes(extended), 12, 4, StandardCharsets.US_ASCII)).isEqualTo("VP8X");
    DecodedImage decoded = decoder.decode(extended);
    assertThat(decoded.width()).isEqualTo(24);
    assertThat(decoded.height()).isEqualTo(16);
  }

  /** IMREAD_COLOR keeps the high byte of 16-bit samples (0x10F0 -> 0x10, not the rounded 17). */
  @Test
  void sixteenBitPngScalesToEightBits() throws IOException {
    Mat deep = new Mat(2, 3, CvType.CV_16UC3, new Scalar(0x10F0, 0x80FF, 0xFF7F));

    DecodedImage image = decoder.decode(write("deep.png", deep));

    assertThat(image.width()).isEqualTo(3);
    assertThat(image.sample(1, 2, 0)).isEqualTo(0x10);
    assertThat(image.sample(1, 2, 1)).isEqualTo(0x80);
    assertThat(image.sample(1, 2, 2)).isEqualTo(0xFF);
  }

  /** A grayscale PNG becomes three equal channels. */
  @Test
  void grayscaleBecomesThreeChannels() throws IOException {
    Mat gray = new Mat(3, 4, CvType.CV_8UC1, new Scalar(77));
    gray.put(1, 2, new byte[] {(byte) 200});

    DecodedImage image = decoder.decode(write("gray.png", gray));

    assertThat(new int[] {image.sample(0, 0, 0), image.sample(0, 0, 1), image.sample(0, 0, 2)})
        .containsExactly(77, 77, 77);
    assertThat(new int[] {image.sample(1, 2, 0), image.sample(1, 2, 1), image.sample(1, 2, 2)})
        .containsExactly(200, 200, 200);
  }

  /** Alpha is dropped, not blended: a fully transparent pixel keeps its colour. */
  @Test
  void alphaIsDropped() throws IOException {
    Mat bgra = new Mat(2, 2, CvType.CV_8UC4, new Scalar(10, 20, 30, 255));
    bgra.put(0, 1, new byte[] {40, 50, 60, 0});

    DecodedImage image = decoder.decode(write("rgba.png", bgra));

    assertThat(image.bgr()).containsExactly(10, 20, 30, 40, 50, 60, 10, 20, 30, 10, 20, 30);
  }

  /** EXIF orientation 6 (rotate 90 degrees clockwise) is applied: a red top band ends up on the right. */
  @Test
  void exifOrientationIsApplied() throws IOException {
    Mat mat = new Mat(32, 64, CvType.CV_8UC3, new Scalar(255, 0, 0)); // blue
    mat.submat(new Rect(0, 0, 64, 16)).setTo(new Scalar(0, 0, 255)); // top half red
    MatOfByte jpeg = new MatOfByte();
    Imgcodecs.imencode(".jpg", mat, jpeg, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 95));
    byte[] plain = jpeg.toArray();
    byte[] app1 = {(byte) 0xFF, (byte) 0xE1, 0, 34, 'E', 'x', 'i', 'f', 0, 0,
        'M', 'M', 0, 42, 0, 0, 0, 8, // big-endian TIFF, first directory at 8
        0, 1, // one entry
        0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, // Orientation, SHORT, 1 value: 6
        0, 0, 0, 0}; // no next directory
    byte[] rotated = new byte[plain.length + app1.length];
    System.arraycopy(plain, 0, rotated, 0, 2);
    System.arraycopy(app1, 0, rotated, 2, app1.length);
    System.arraycopy(plain, 2, rotated, 2 + app1.length, plain.length - 2);

    DecodedImage unrotated = decoder.decode(write("plain.jpg", plain));
    DecodedImage image = decoder.decode(write("rotated.jpg", rotated));

    assertThat(unrotated.width()).isEqualTo(64);
    assertThat(image.width()).isEqualTo(32);
    assertThat(image.height()).isEqualTo(64);
    assertThat(image.sample(32, 28, 2)).as("right side red").isGreaterThan(200);
    assertThat(image.sample(32, 28, 0)).as("right side not blue").isLessThan(50);
    assertThat(image.sample(32, 4, 0)).as("left side blue").isGreaterThan(200);
  }

  /** A CMYK JPEG (Adobe's inverted convention) is converted to BGR: ink-free cyan, no black reads red. */
  @Test
  void cmykJpegBecomesBgr() throws IOException {
    WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4, null);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        raster.setPixel(x, y, new int[] {255, 0, 0, 255});
      }
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(raster, null, null), null);
    } finally {
      writer.dispose();
    }

    DecodedImage image = decoder.decode(write("cmyk.jpg", bytes.toByteArray()));

    assertThat(image.width()).isEqualTo(16);
    assertThat(image.sample(8, 8, 2)).isGreaterThan(240);
    assertThat(image.sample(8, 8, 1)).isLessThan(15);
    assertThat(image.sample(8, 8, 0)).isLessThan(15);
  }

  /** The sample photos decode to their known sizes, and the PNG equals OpenCV's own imread. */
  @Test
  void samplePhotos() {
    assumeThat(SAMPLES.resolve("rocket.jpg")).exists();
    DecodedImage rocket = decoder.decode(SAMPLES.resolve("rocket.jpg"));
    assertThat(rocket.width()).isEqualTo(640);
    assertThat(rocket.height()).isEqualTo(427);

    DecodedImage cat = decoder.decode(SAMPLES.resolve("cat_chelsea.png"));
    Mat reference = Imgcodecs.imread(SAMPLES.resolve("cat_chelsea.png").toString());
    byte[] expected = new byte[cat.bgr().length];
    reference.get(0, 0, expected);
    assertThat(cat.width()).isEqualTo(451);
    assertThat(cat.height()).isEqualTo(300);
    assertThat(Arrays.equals(cat.bgr(), expected)).isTrue();
  }

  /** Asserts that decoding fails as a bad input with exactly this message after the file name. */
  private void assertBadInput(Path file, String reason) {
    assertThatThrownBy(() -> decoder.decode(file))
        .isInstanceOfSatisfying(XaiCamException.class,
            e -> assertThat(e.exitCode()).isEqualTo(XaiCamException.EXIT_INPUT))
        .hasMessage(file + ": " + reason);
  }

  /** Missing files, directories and empty files fail before any reading. */
  @Test
  void fileSystemProblems() throws IOException {
    assertBadInput(dir.resolve("nope.png"), "no such file");
    assertBadInput(dir, "is a directory, not an image file");
    assertBadInput(write("empty.png", new byte[0]), "empty file (0 bytes)");
  }

  /** A file its owner may not read is refused (skipped as root, who reads everything). */
  @Test
  void unreadableFile() throws IOException {
    assumeThat(System.getProperty("user.name")).isNotEqualTo("root");
    Path file = write("secret.png", new byte[] {1, 2, 3});
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("-w-------"));

    assertBadInput(file, "permission denied: cannot read the file");
  }

  /** Text, unknown binary and GIF each get a message saying what the file is. */
  @Test
  void notAnImage() throws IOException {
    assertBadInput(write("labels.png", "id,label\n0,tench\n".getBytes(StandardCharsets.US_ASCII)),
        "not an image: the file looks like text (starts with \"id,label 0,tench\")");
    assertBadInput(write("blob.jpg", new byte[] {0, 1, 2, (byte) 0xFE, 4}),
        "not an image: the file starts with bytes 00 01 02 FE 04"
            + " (supported: PNG, JPEG, BMP, TIFF, WebP, PNM)");
    assertBadInput(write("anim.gif", "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1)),
        "GIF images are not supported; convert to PNG or JPEG (supported: PNG, JPEG, BMP, TIFF, WebP, PNM)");
  }

  /** An image declaring 900 MP is refused from its 33-byte header, before any decoding. */
  @Test
  void oversizedImageRefusedFromHeader() throws IOException {
    byte[] header = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
        0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30, 8, 2, 0, 0, 0, 0, 0, 0, 0};

    assertBadInput(write("huge.png", header),
        "image is 30000x30000 = 900 MP, above the 100 MP limit (--max-pixels)");
  }

  /** A lower limit refuses a real image that the default limit accepts. */
  @Test
  void customPixelLimit() throws IOException {
    Path file = write("g.png", gradient(5, 7));

    assertThat(new ImageDecoder(35).decode(file).width()).isEqualTo(7);
    assertThatThrownBy(() -> new ImageDecoder(34).decode(file))
        .hasMessage(file + ": image is 7x5 = 0.000035 MP, above the 0.000034 MP limit (--max-pixels)");
    assertThatThrownBy(() -> new ImageDecoder(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("max pixels must be in [1, ")
        .hasMessageEndingWith("], got 0");
  }

  /** The project's truncated JPEG fails cleanly. */
  @Test
  void projectTruncatedJpeg() {
    Path file = BAD_INPUTS.resolve("truncated.jpg");
    assumeThat(file).exists();

    assertThatThrownBy(() -> decoder.decode(file))
        .isInstanceOf(XaiCamException.class)
        .hasMessageStartingWith(file + ": cannot decode: truncated or corrupt JPEG data");
  }

  /**
   * Bytes in memory decode to the file's pixels and fail with the file's messages, named as the
   * caller says.
   */
  @Test
  void bytesInMemoryDecodeLikeTheFile() throws IOException {
    Path file = write("g.png", gradient(5, 7));
    Path name = Path.of("hdfs-like/g.png");

    DecodedImage image = decoder.decode(name, Files.readAllBytes(file));

    assertGradient(image, 5, 7);
    assertThat(image.source()).isEqualTo(name);
    assertThatThrownBy(() -> decoder.decode(name, new byte[0])).hasMessage(name + ": empty file (0 bytes)");
    Path truncated = BAD_INPUTS.resolve("truncated.jpg");
    assumeThat(truncated).exists();
    String fileMessage = catchMessage(() -> decoder.decode(truncated));
    assertThat(catchMessage(() -> decoder.decode(truncated, Files.readAllBytes(truncated))))
        .isEqualTo(fileMessage)
        .startsWith(truncated + ": cannot decode: truncated or corrupt JPEG data");
  }

  /** The message of the exception {@code call} throws. */
  private static String catchMessage(ThrowingCallable call) {
    return catchThrowable(call).getMessage();
  }

  /** A JPEG cut mid-scan, which libjpeg would fill with grey, is reported as truncated. */
  @Test
  void jpegCutMidScanIsTruncated() throws IOException {
    MatOfByte jpeg = new MatOfByte();
    Imgcodecs.imencode(".jpg", gradient(20, 20), jpeg);
    byte[] whole = jpeg.toArray();

    assertBadInput(write("cut.jpg", Arrays.copyOf(whole, whole.length * 3 / 4)),
        "cannot decode: truncated or corrupt JPEG data (no end-of-image marker)");
  }

  /** A truncated PNG and a PNG with a broken header fail with the format named. */
  @Test
  void truncatedPng() throws IOException {
    MatOfByte png = new MatOfByte();
    Imgcodecs.imencode(".png", gradient(20, 20), png);
    byte[] whole = png.toArray();
    byte[] broken = whole.clone();
    broken[12] = 'X'; // IHDR renamed

    assertBadInput(write("cut.png", Arrays.copyOf(whole, whole.length - 20)),
        "cannot decode: truncated or corrupt PNG data");
    assertBadInput(write("broken.png", broken), "cannot decode: truncated or corrupt PNG data");
  }

  /**
   * A huge sparse file is refused from its first bytes: a non-image by its magic number, an image
   * header by the most bytes its declared size can need (neither is read whole).
   */
  @Test
  void hugeFilesAreJudgedFromTheirFirstBytes() throws IOException {
    Path junk = dir.resolve("junk.png");
    try (var file = new java.io.RandomAccessFile(junk.toFile(), "rw")) {
      file.setLength(1L << 30);
    }
    assertBadInput(junk, "not an image: the file starts with bytes 00 00 00 00 00 00 00 00 00 00 00 00"
        + " 00 00 00 00 (supported: PNG, JPEG, BMP, TIFF, WebP, PNM)");

    MatOfByte png = new MatOfByte();
    Imgcodecs.imencode(".png", gradient(10, 10), png);
    Path padded = write("padded.png", png.toArray());
    try (var file = new java.io.RandomAccessFile(padded.toFile(), "rw")) {
      file.setLength(ImageDecoder.largestFileBytes(100) + 1);
    }
    assertBadInput(padded, "file is " + (ImageDecoder.largestFileBytes(100) + 1)
        + " bytes, more than any 10x10 image can hold: corrupt or padded");
  }

  /** An animated WebP (VP8X with the animation flag) gets an honest message. */
  @Test
  void animatedWebpIsNamedAsSuch() throws IOException {
    byte[] b = new byte[64];
    System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 4);
    b[4] = 56;
    System.arraycopy("WEBPVP8X".getBytes(StandardCharsets.US_ASCII), 0, b, 8, 8);
    b[16] = 10;
    b[20] = 0x02; // animation flag
    b[24] = 9; // canvas 10 x 10
    b[27] = 9;
    assertBadInput(write("anim.webp", b),
        "animated WebP images are not supported; save one frame as PNG or JPEG");
  }

  /** The first native line that names a cause becomes the message's detail. */
  @Test
  void nativeDetailKeepsTheCauseAndDropsBanners() {
    assertThat(ImageDecoder.nativeDetail(java.util.List.of(
        "[ WARN:0@0.1] global loadsave.cpp (1) imdecode_ ...",
        "libpng error: PNG input buffer is incomplete"))).isEqualTo(
            " (libpng error: PNG input buffer is incomplete)");
    assertThat(ImageDecoder.nativeDetail(java.util.List.of())).isEmpty();
  }
}
