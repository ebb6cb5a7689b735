package dev.xaicam.model;

/** What a layer of the network does, as far as choosing a CAM target layer is concerned. */
public enum LayerKind {
  /** 2-D convolution with bias and a fused activation. */
  CONV,
  /** 2x2 max pooling. */
  POOL,
  /** Flattening H x W x C into one vector. */
  FLATTEN,
  /** Fully connected layer with bias and a fused activation. */
  DENSE
}
