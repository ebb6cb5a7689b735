package dev.xaicam;

import java.nio.file.Path;
import java.util.Map;

/**
 * The tool's own folder for things worth keeping between runs (downloaded and converted weights,
 * unpacked native libraries): {@code $XAI_CAM_HOME}, or {@code ~/.xai-cam} when it is unset.
 */
public final class ToolHome {
  /** The environment variable that moves the folder. */
  public static final String VARIABLE = "XAI_CAM_HOME";

  /** Not instantiable. */
  private ToolHome() {}

  /** This process's tool folder. */
  public static Path current() {
    return of(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /** The tool folder for environment {@code env} and home folder {@code userHome}. */
  public static Path of(Map<String, String> env, Path userHome) {
    String home = env.get(VARIABLE);
    return home == null || home.isBlank() ? userHome.resolve(".xai-cam") : Path.of(home);
  }
}
