/**
 * xai-cam as a Java library: {@link dev.xaicam.api.XaiCam} explains images in memory through the
 * command line's own code path ({@code explain.Explainer} and its {@code CamRunner}).
 */
package dev.xaicam.api;
