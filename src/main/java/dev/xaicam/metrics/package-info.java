/**
 * Faithfulness metrics for heatmaps, pure Java: each asks a {@link dev.xaicam.metrics.Classifier}
 * for the target class's probability on perturbed copies of one image, streamed in batches.
 */
package dev.xaicam.metrics;
