package dev.xaicam.models;

import java.net.URI;
import java.util.Objects;

/**
 * One Keras Applications weight file as Keras's source records it: the file name Keras caches it
 * under, the URL it downloads from, its size, and the {@code file_hash} Keras passes to
 * {@code get_file} (MD5 or SHA-256, told apart by length as Keras's {@code hash_algorithm="auto"}
 * does; {@code null} where Keras checks none, as for MobileNetV2).
 *
 * <p>Keras's source records no sizes. The sizes here are those Keras's own download progress
 * prints ({@code 102967424/102967424}) in published logs; where no such log was found
 * (EfficientNetB0, DenseNet121) the size is 0, "not recorded", and the hash alone checks the file.
 *
 * @param model the model's display name ({@code VGG16}), for messages
 * @param fileName the file's name in Keras's cache and the tool's
 * @param url where Keras downloads it from
 * @param size its exact size in bytes, or 0 where not recorded (then a hash is required)
 * @param fileHash lower-case hex digest, or {@code null}
 */
public record KerasWeightFile(String model, String fileName, URI url, long size, String fileHash) {
  /** Where Keras Applications keeps most of its files. */
  private static final String BASE =
      "https://storage.googleapis.com/tensorflow/keras-applications/";

  /** VGG16 with its classifier top. */
  public static final KerasWeightFile VGG16 = of("VGG16", "vgg16/",
      "vgg16_weights_tf_dim_ordering_tf_kernels.h5", 553_467_096L,
      "64373286793e3c8b2b4e3219cbf3544b");
  /** VGG19 with its classifier top. */
  public static final KerasWeightFile VGG19 = of("VGG19", "vgg19/",
      "vgg19_weights_tf_dim_ordering_tf_kernels.h5", 574_710_816L,
      "cbe5617147190e668d6c5d5026f83318");
  /** ResNet50 with its classifier top. */
  public static final KerasWeightFile RESNET50 = of("ResNet50", "resnet/",
      "resnet50_weights_tf_dim_ordering_tf_kernels.h5", 102_967_424L,
      "2cb95161c43110f7111970584f804107");
  /** MobileNetV2 (alpha 1.0, 224) with its classifier top; Keras records no hash for it. */
  public static final KerasWeightFile MOBILENET_V2 = of("MobileNetV2", "mobilenet_v2/",
      "mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_224.h5", 14_536_120L, null);
  /** EfficientNetB0 with its classifier top (kept outside the tensorflow/ folder). */
  public static final KerasWeightFile EFFICIENTNET_B0 = new KerasWeightFile("EfficientNetB0",
      "efficientnetb0.h5", URI.create("https://storage.googleapis.com/keras-applications/"
      + "efficientnetb0.h5"), 0, "902e53a9f72be733fc0bcb005b3ebbac");
  /** DenseNet121 with its classifier top. */
  public static final KerasWeightFile DENSENET121 = of("DenseNet121", "densenet/",
      "densenet121_weights_tf_dim_ordering_tf_kernels.h5", 0,
      "9d60b8095a5708f2dcce2bca79d332c7");
  /** InceptionV3 with its classifier top. */
  public static final KerasWeightFile INCEPTION_V3 = of("InceptionV3", "inception_v3/",
      "inception_v3_weights_tf_dim_ordering_tf_kernels.h5", 96_112_376L,
      "9a0d58056eeedaa3f26cb7ebd46da564");
  /** Xception with its classifier top. */
  public static final KerasWeightFile XCEPTION = of("Xception", "xception/",
      "xception_weights_tf_dim_ordering_tf_kernels.h5", 91_884_032L,
      "0a58e3b7378bc2990ea3b43d5981f1f6");

  /** Checks every field. */
  public KerasWeightFile {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(url, "url");
    if (size < 0) {
      throw new IllegalArgumentException("expected size must be >= 0 (0: not recorded), got " + size);
    }
    if (size == 0 && fileHash == null) {
      throw new IllegalArgumentException(fileName + ": a file without a recorded size needs a hash");
    }
    if (fileHash != null && !fileHash.matches("[0-9a-f]{32}|[0-9a-f]{64}")) {
      throw new IllegalArgumentException("file hash must be 32 (MD5) or 64 (SHA-256) lower-case "
          + "hex digits, got " + fileHash);
    }
  }

  /** A file in Keras Applications' {@code tensorflow/keras-applications/<folder>}. */
  private static KerasWeightFile of(String model, String folder, String fileName, long size,
      String hash) {
    return new KerasWeightFile(model, fileName, URI.create(BASE + folder + fileName), size, hash);
  }

  /** Whether {@link #size()} is the file's known size (else only the hash checks it). */
  public boolean sizeRecorded() {
    return size > 0;
  }

  /** "VGG16 weights": how messages and the progress bar name the file. */
  public String label() {
    return model + " weights";
  }

  /** Java's name of the digest Keras checks ({@code MD5}, {@code SHA-256}), or null for none. */
  public String hashAlgorithm() {
    return fileHash == null ? null : fileHash.length() == 64 ? "SHA-256" : "MD5";
  }
}
