package ai.djl.tensorflow.engine;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicReference;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.tensorflow.internal.c_api.AbstractTFE_Context;
import org.tensorflow.internal.c_api.TFE_Context;
import org.tensorflow.internal.c_api.TFE_ContextOptions;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.internal.c_api.global.tensorflow;

/**
 * Starts DJL's TensorFlow engine over libraries the caller has already loaded, without the work
 * DJL's own start does around them: DJL detects the platform (loading CUDA's runtime through JNA,
 * twice), lets JavaCPP search every jar on the class path for each library, and builds the
 * session's options with protobuf's descriptors. Together that is about 0.2 s of CPU before the
 * first heatmap of a one-image run.
 *
 * <p>The eager context gets exactly the options DJL 0.28's {@code TfEngine.newInstance} gives it
 * (asynchronous, device placement policy 2, the thread pool sizes when set); the engine object is
 * DJL's own {@code TfEngine}, whose constructor and context field are private, hence reflection.
 * Only {@code dev.xaicam.engine} uses it.
 */
public final class TfEngineStart {
  /** {@code ConfigProto.intra_op_parallelism_threads}'s field number. */
  private static final int INTRA_OP_FIELD = 2;
  /** {@code ConfigProto.inter_op_parallelism_threads}'s field number. */
  private static final int INTER_OP_FIELD = 5;
  /** {@code TFE_DEVICE_PLACEMENT_SILENT}, DJL's choice. */
  private static final int DEVICE_PLACEMENT_SILENT = 2;

  /** Static function only. */
  private TfEngineStart() {}

  /**
   * Creates TensorFlow's eager context and a {@code TfEngine} over it, and hands that engine to
   * DJL's TensorFlow provider, so {@code Engine.getEngine("TensorFlow")} returns it without
   * starting another.
   *
   * @param interOp TensorFlow's inter-op pool size, 0 to leave it to TensorFlow
   * @param intraOp TensorFlow's intra-op pool size, 0 to leave it to TensorFlow
   * @throws ReflectiveOperationException when this DJL's {@code TfEngine} or
   *     {@code TfEngineProvider} is not laid out as 0.28's
   */
  public static void register(int interOp, int intraOp) throws ReflectiveOperationException {
    Constructor<TfEngine> constructor = TfEngine.class.getDeclaredConstructor();
    constructor.setAccessible(true);
    Field contextField = TfEngine.class.getDeclaredField("eagerSessionHandle");
    contextField.setAccessible(true);
    Field providerEngine = TfEngineProvider.class.getDeclaredField("engine");
    providerEngine.setAccessible(true);
    TFE_Context context = newContext(sessionConfig(interOp, intraOp));
    contextField.set(null, new AtomicReference<>(context));
    // DJL's engine registry keeps the provider its service loader found (registering another
    // under the same name is ignored); that provider hands out the engine in this field.
    providerEngine.set(null, constructor.newInstance());
  }

  /**
   * The serialised {@code ConfigProto} holding only the pool sizes: written with protobuf's
   * stream writer, which needs none of the descriptors that building a {@code ConfigProto} loads.
   */
  static byte[] sessionConfig(int interOp, int intraOp) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      if (intraOp > 0) {
        out.writeInt32(INTRA_OP_FIELD, intraOp);
      }
      if (interOp > 0) {
        out.writeInt32(INTER_OP_FIELD, interOp);
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
  }

  /** A new eager context with DJL's options and {@code config}; the caller owns the reference. */
  private static TFE_Context newContext(byte[] config) {
    try (PointerScope ignored = new PointerScope()) {
      TFE_ContextOptions options = TFE_ContextOptions.newContextOptions();
      TF_Status status = TF_Status.newStatus();
      if (config.length > 0) {
        BytePointer configBytes = new BytePointer(config);
        tensorflow.TFE_ContextOptionsSetConfig(options, configBytes, configBytes.capacity(), status);
        status.throwExceptionIfNotOK();
      }
      tensorflow.TFE_ContextOptionsSetAsync(options, (byte) 1);
      tensorflow.TFE_ContextOptionsSetDevicePlacementPolicy(options, DEVICE_PLACEMENT_SILENT);
      TFE_Context context = AbstractTFE_Context.newContext(options, status);
      status.throwExceptionIfNotOK();
      return context.retainReference();
    }
  }
}
