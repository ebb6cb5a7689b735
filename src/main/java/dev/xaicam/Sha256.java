package dev.xaicam;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 names for cache entries: the weight cache's per-source files, the help cache's texts. */
public final class Sha256 {
  /** Static function only. */
  private Sha256() {}

  /**
   * The lower-case hex SHA-256 of {@code parts} in UTF-8, each after the first preceded by a NUL
   * byte (which no command-line argument or path contains), so different splits never collide.
   */
  public static String hexOf(String... parts) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        sha.update((byte) 0);
      }
      sha.update(parts[i].getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
