package dev.xaicam.spark;

import java.io.Serializable;

/**
 * One image the job explains, as the driver's listing placed it.
 *
 * @param index its place in the sorted listing: {@code index / batch size} is its Spark partition,
 *     so partitions are the command line's network batches
 * @param input the image as reports name it: the input folder as given, then the path below it
 * @param outputBase its output base below the output folder, as {@code /a/dog}
 */
record ListedImage(int index, String input, String outputBase) implements Serializable {}
