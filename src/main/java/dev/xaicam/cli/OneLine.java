package dev.xaicam.cli;

/**
 * Makes text safe for one terminal line: a file name may hold a newline or other control
 * characters, which would split a line or move the cursor; they are written as escapes instead.
 */
final class OneLine {
  private OneLine() {}

  /** {@code text} with newline, return and tab as {@code \n}, {@code \r}, {@code \t}, other controls {@code \xNN}. */
  static String of(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0);
      if (control && out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (out != null) {
        if (!control) {
          out.append(c);
        } else if (c == '\n') {
          out.append("\\n");
        } else if (c == '\r') {
          out.append("\\r");
        } else if (c == '\t') {
          out.append("\\t");
        } else {
          out.append(String.format("\\x%02X", (int) c));
        }
      }
    }
    return out == null ? text : out.toString();
  }
}
