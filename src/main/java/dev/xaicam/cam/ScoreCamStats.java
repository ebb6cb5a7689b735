package dev.xaicam.cam;

/**
 * How much work Score-CAM did for one image: constant channels need no forward pass, so
 * {@code forwardPasses} may be far below {@code selectedChannels}.
 *
 * @param selectedChannels channels whose weight was needed (all C, or Faster Score-CAM's N)
 * @param constantChannels of those, channels whose activation is constant and so were skipped
 * @param forwardPasses masked inputs actually scored, the shared all-zero mask included
 */
public record ScoreCamStats(int selectedChannels, int constantChannels, int forwardPasses) {}
