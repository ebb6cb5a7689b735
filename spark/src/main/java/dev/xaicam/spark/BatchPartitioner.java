package dev.xaicam.spark;

import org.apache.spark.Partitioner;

/**
 * Puts image {@code i} of the sorted listing into partition {@code i / batchSize}: each partition
 * is one full network batch, the very batch the command line forms over the same folder (so
 * TensorFlow rounds every image alike and the files come out byte-identical).
 */
final class BatchPartitioner extends Partitioner {
  private static final long serialVersionUID = 1L;

  /** Images per partition. */
  private final int batchSize;
  /** Partitions: enough for every image, at least one. */
  private final int partitions;

  /** Partitions of {@code batchSize} images for {@code images} images. */
  BatchPartitioner(int images, int batchSize) {
    this.batchSize = batchSize;
    this.partitions = Math.max(1, (images + batchSize - 1) / batchSize);
  }

  @Override
  public int numPartitions() {
    return partitions;
  }

  @Override
  public int getPartition(Object key) {
    return (Integer) key / batchSize;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BatchPartitioner that && batchSize == that.batchSize && partitions == that.partitions;
  }

  @Override
  public int hashCode() {
    return 31 * batchSize + partitions;
  }
}
