package dev.xaicam.bench;

/**
 * The machine and what ran on it.
 *
 * @param cores processors the JVM sees
 * @param tensorflowThreads TensorFlow's intra-op threads (0: TensorFlow's default, all cores)
 * @param tensorflowInterOpThreads TensorFlow's inter-op threads
 * @param cpu processor model, or "unknown"
 * @param avx2 whether the processor reports AVX2
 * @param java Java runtime version
 * @param maxHeapBytes the JVM's heap limit
 * @param model network name
 * @param weights the weight file, or "random (seed N)"
 * @param inputs the image files, or "random (seed N)"
 */
public record Machine(int cores, int tensorflowThreads, int tensorflowInterOpThreads, String cpu,
    boolean avx2, String java, long maxHeapBytes, String model, String weights, String inputs) {}
