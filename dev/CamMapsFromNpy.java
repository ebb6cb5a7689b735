import dev.xaicam.cam.CamComputation;
import dev.xaicam.cam.CamInputs;
import dev.xaicam.cam.CamMethods;
import dev.xaicam.cam.CamOptions;
import dev.xaicam.cam.Heatmap;
import dev.xaicam.cam.LayerSignal;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dev-time helper for dev/crosscheck_methods.py (not part of the product): reads
 * DIR/activations.npy and DIR/gradients.npy (H x W x C, little-endian float32 or float64), runs
 * the methods that need only A and dS/dA through xai-cam's CamComputation, and writes
 * DIR/METHOD.npy (float32, OUT_H x OUT_W).
 * Usage: java -cp "target/classes:DEPS" dev/CamMapsFromNpy.java DIR OUT_H OUT_W
 */
public class CamMapsFromNpy {

  /** The methods compared, as crosscheck_methods.py lists them. */
  static final List<String> METHODS =
      List.of("gradcam", "layercam", "xgradcam", "hirescam", "gradcam-elementwise", "eigencam",
          "eigengradcam");

  /** A .npy array: its shape and values. */
  record Npy(int[] shape, float[] values) {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int outHeight = Integer.parseInt(args[1]);
    int outWidth = Integer.parseInt(args[2]);
    Npy a = read(dir.resolve("activations.npy"));
    Npy g = read(dir.resolve("gradients.npy"));
    LayerSignal signal =
        new LayerSignal(a.shape()[0], a.shape()[1], a.shape()[2], a.values(), g.values(), 0, 0);
    for (String name : METHODS) {
      Heatmap h =
          CamComputation.compute(
              CamMethods.create(name, CamOptions.defaults()), CamInputs.of(signal), outHeight,
              outWidth);
      write(dir.resolve(name + ".npy"), h);
      System.out.println("wrote " + dir.resolve(name + ".npy"));
    }
  }

  /** Reads a C-ordered little-endian float32 or float64 array (as float32). */
  static Npy read(Path path) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
    buffer.position(6);
    int major = buffer.get();
    buffer.get();
    int headerLength = major == 1 ? Short.toUnsignedInt(buffer.getShort()) : buffer.getInt();
    byte[] header = new byte[headerLength];
    buffer.get(header);
    String text = new String(header, StandardCharsets.ISO_8859_1);
    Matcher descr = Pattern.compile("'descr': *'([<|]f[48])'").matcher(text);
    Matcher shape = Pattern.compile("'shape': *\\(([^)]*)\\)").matcher(text);
    if (!descr.find() || !shape.find() || text.contains("'fortran_order': True")) {
      throw new IOException(path + ": need a C-ordered little-endian float32/float64 array");
    }
    String[] dims = shape.group(1).split(",");
    int[] sizes = new int[3];
    int count = 0;
    for (String d : dims) {
      if (!d.isBlank()) {
        sizes[count++] = Integer.parseInt(d.trim());
      }
    }
    if (count != 3) {
      throw new IOException(
          path + ": expected an H x W x C array, got shape (" + shape.group(1) + ")");
    }
    float[] values = new float[sizes[0] * sizes[1] * sizes[2]];
    boolean doubles = descr.group(1).endsWith("8");
    for (int i = 0; i < values.length; i++) {
      values[i] = doubles ? (float) buffer.getDouble() : buffer.getFloat();
    }
    return new Npy(sizes, values);
  }

  /** Writes a heatmap as a float32 (H, W) array, header padded to 64 bytes as NumPy does. */
  static void write(Path path, Heatmap h) throws IOException {
    String dict =
        "{'descr': '<f4', 'fortran_order': False, 'shape': (" + h.height() + ", " + h.width()
            + "), }";
    int unpadded = 10 + dict.length() + 1;
    String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
    ByteBuffer buffer =
        ByteBuffer.allocate(10 + header.length() + 4 * h.values().length)
            .order(ByteOrder.LITTLE_ENDIAN);
    buffer.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1)
        .put((byte) 0);
    buffer.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
    for (float v : h.values()) {
      buffer.putFloat(v);
    }
    Files.write(path, buffer.array());
  }
}
