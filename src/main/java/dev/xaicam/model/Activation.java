package dev.xaicam.model;

/** The activation a conv or dense layer applies after its bias, as Keras fuses it. */
enum Activation {
  /** max(z, 0). */
  RELU,
  /** Identity. */
  LINEAR,
  /** Softmax over the last axis. */
  SOFTMAX
}
