package dev.xaicam.keras;

/** The on-disk forms of a Keras model that xai-cam reads. */
public enum KerasFileFormat {
  /**
   * HDF5 with a {@code model_config} attribute and a {@code model_weights} group: what
   * {@code model.save("x.h5")} writes in Keras 1 and 2, and in Keras 3 for {@code .h5} names.
   */
  HDF5("Keras HDF5 model"),
  /** A zip with {@code config.json} and {@code model.weights.h5}: Keras 3's {@code .keras} format. */
  KERAS_ARCHIVE(".keras archive");

  /** How messages and listings name the format. */
  private final String description;

  KerasFileFormat(String description) {
    this.description = description;
  }

  /** How messages and listings name the format. */
  public String description() {
    return description;
  }
}
