package dev.xaicam.api;

/**
 * A class of the model with the probability the network gave it.
 *
 * @param index class index (the model's output unit)
 * @param name class name
 * @param probability softmax probability in [0, 1]
 */
public record ClassProbability(int index, String name, double probability) {}
