package dev.xaicam.bench;

/**
 * Score-CAM's exact shortcut on one image: constant channels need no forward pass.
 *
 * @param image the image's file name, or "random-K"
 * @param selectedChannels channels Score-CAM weighs
 * @param constantChannels of those, constant ones (no forward pass of their own)
 * @param forwardPasses masked inputs scored
 */
public record ScoreCamSkips(String image, int selectedChannels, int constantChannels, int forwardPasses) {}
