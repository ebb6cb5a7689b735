package dev.xaicam.model;

/**
 * One training step's measurements on a labelled batch: the mean softmax cross-entropy, how many
 * images the network already classifies right, and the loss's gradient for every weight.
 *
 * @param loss mean cross-entropy over the batch, in nats
 * @param correct images whose top logit is their label
 * @param gradients dLoss/dW by layer, shaped and ordered like the weights (kernel, then bias)
 */
public record LossGradients(double loss, int correct, ModelWeights gradients) {}
