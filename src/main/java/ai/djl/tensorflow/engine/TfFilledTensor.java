package ai.djl.tensorflow.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.function.Consumer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerScope;
import org.tensorflow.internal.c_api.AbstractTFE_TensorHandle;
import org.tensorflow.internal.c_api.AbstractTF_Tensor;
import org.tensorflow.internal.c_api.TFE_TensorHandle;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.internal.c_api.TF_Tensor;
import org.tensorflow.internal.c_api.global.tensorflow;

/**
 * A TensorFlow tensor filled straight from a Java array: one allocation, one copy. DJL's {@code
 * NDManager.create(float[])} first copies the array into a zeroed direct buffer and then that
 * buffer into a tensor, which touches twice as much fresh memory; on these virtual machines the
 * page faults of fresh memory are most of what a copy costs.
 *
 * <p>Lives in DJL's package because {@code TfNDArray}'s constructor from a tensor handle is
 * package-private. Only {@code dev.xaicam.engine} uses this class.
 */
public final class TfFilledTensor {
  /** TensorFlow's enum value of {@code TF_FLOAT}. */
  private static final int TF_FLOAT = 1;
  /** TensorFlow's enum value of {@code TF_DOUBLE}. */
  private static final int TF_DOUBLE = 2;

  /** Static factories only. */
  private TfFilledTensor() {}

  /** A float32 array of {@code shape} holding a copy of {@code values}, owned by {@code manager}. */
  public static NDArray of(NDManager manager, float[] values, long[] shape) {
    return filled(manager, TF_FLOAT, shape, (long) values.length * Float.BYTES,
        data -> new FloatPointer(data).put(values));
  }

  /** A float64 array of {@code shape} holding a copy of {@code values}, owned by {@code manager}. */
  public static NDArray of(NDManager manager, double[] values, long[] shape) {
    return filled(manager, TF_DOUBLE, shape, (long) values.length * Double.BYTES,
        data -> new DoublePointer(data).put(values));
  }

  /**
   * A tensor of {@code dtype} and {@code shape}, {@code bytes} long, filled by {@code fill} from
   * its data pointer; the eager handle keeps the data, the TF_Tensor goes with the scope.
   */
  private static NDArray filled(NDManager manager, int dtype, long[] shape, long bytes,
      Consumer<Pointer> fill) {
    if (!(manager instanceof TfNDManager tf)) {
      throw new IllegalArgumentException(
          "TensorFlow arrays need a TensorFlow NDManager, got " + manager.getClass().getName());
    }
    try (PointerScope scope = new PointerScope()) {
      TF_Tensor tensor = AbstractTF_Tensor.allocateTensor(dtype, shape.clone(), bytes);
      fill.accept(tensorflow.TF_TensorData(tensor));
      TF_Status status = TF_Status.newStatus();
      TFE_TensorHandle handle = AbstractTFE_TensorHandle.newTensor(tensor, status);
      status.throwExceptionIfNotOK();
      handle.retainReference();
      return new TfNDArray(tf, handle);
    }
  }
}
