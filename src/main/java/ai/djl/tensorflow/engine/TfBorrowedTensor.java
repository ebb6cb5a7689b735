package ai.djl.tensorflow.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerScope;
import org.tensorflow.internal.c_api.AbstractTFE_TensorHandle;
import org.tensorflow.internal.c_api.AbstractTF_Tensor;
import org.tensorflow.internal.c_api.TFE_TensorHandle;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.internal.c_api.TF_Tensor;

/**
 * A float32 TensorFlow tensor over memory the caller keeps alive (a memory-mapped weight file):
 * TensorFlow reads it in place instead of copying it, as DJL's {@code NDManager.create(Buffer)}
 * does (it allocates a tensor and copies even a direct buffer into it).
 *
 * <p>Lives in DJL's package because {@code TfNDArray}'s constructor from a tensor handle is
 * package-private. Only {@code dev.xaicam.engine} uses this class.
 */
public final class TfBorrowedTensor {
  /** TensorFlow's enum value of {@code TF_FLOAT}. */
  private static final int TF_FLOAT = 1;

  /** Static factory only. */
  private TfBorrowedTensor() {}

  /**
   * A float32 array of {@code shape} reading {@code data} in place, owned by {@code manager}.
   * TensorFlow copies instead when the address is not aligned to its 64-byte requirement, so the
   * result is right either way.
   *
   * @param data a direct buffer of exactly product(shape) little-endian floats from its position
   *     to its limit; the caller keeps it reachable (and mapped) while the array lives
   */
  public static NDArray of(NDManager manager, ByteBuffer data, long[] shape) {
    if (!(manager instanceof TfNDManager tf)) {
      throw new IllegalArgumentException(
          "TensorFlow arrays need a TensorFlow NDManager, got " + manager.getClass().getName());
    }
    if (!data.isDirect() || ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
      throw new IllegalArgumentException("only a direct buffer on a little-endian machine can be borrowed");
    }
    ByteBuffer slice = data.slice();
    try (PointerScope scope = new PointerScope()) {
      // newTensor passes TensorFlow a deallocator that does nothing: the memory stays the caller's.
      TF_Tensor tensor = AbstractTF_Tensor.newTensor(TF_FLOAT, shape.clone(), new Pointer(slice));
      TF_Status status = TF_Status.newStatus();
      TFE_TensorHandle handle = AbstractTFE_TensorHandle.newTensor(tensor, status);
      status.throwExceptionIfNotOK();
      // The handle holds its own reference to the buffer; the TF_Tensor goes with the scope.
      handle.retainReference();
      return new TfNDArray(tf, handle);
    }
  }
}
