package dev.xaicam.models;

import java.net.URI;
import java.nio.file.Path;

/**
 * Told how a weight download goes, so that a user interface can show it; {@code models} itself
 * draws nothing.
 */
public interface DownloadListener {
  /** A listener that shows nothing. */
  DownloadListener SILENT = new DownloadListener() {
    @Override
    public void started(String what, URI from, Path to, long bytes) {}

    @Override
    public void progressed(long received) {}

    @Override
    public void ended() {}
  };

  /**
   * A download begins.
   *
   * @param what what is downloaded, e.g. "VGG16 weights"
   * @param from where from
   * @param to where it will land
   * @param bytes its expected size
   */
  void started(String what, URI from, Path to, long bytes);

  /** {@code received} bytes have arrived so far (called after every chunk, increasing). */
  void progressed(long received);

  /** The download is over, whether it succeeded or failed. */
  void ended();
}
