package dev.xaicam.train;

import dev.xaicam.network.ModelWeights;

/**
 * One training step's measurements on a labelled batch, taken before the update.
 *
 * @param loss mean softmax cross-entropy over the batch, in nats
 * @param correct images the network already classifies right
 * @param gradients dLoss/dW by layer, shaped and ordered like the weights
 */
public record TrainingStep(double loss, int correct, ModelWeights gradients) {}
