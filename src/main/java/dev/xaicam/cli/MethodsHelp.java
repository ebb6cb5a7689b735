package dev.xaicam.cli;

import dev.xaicam.cam.CamMethods;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/** The "Methods:" section of a command's help, written from the method registry's descriptions. */
final class MethodsHelp {
  /** The help section's key. */
  static final String SECTION = "methods";

  /** Not instantiable. */
  private MethodsHelp() {}

  /** Adds the section to {@code commandLine}'s help, before its footer. */
  static CommandLine addTo(CommandLine commandLine) {
    commandLine.getHelpSectionMap().put(SECTION, help -> text());
    List<String> keys = new ArrayList<>(commandLine.getHelpSectionKeys());
    keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), SECTION);
    commandLine.setHelpSectionKeys(keys);
    return commandLine;
  }

  /** One line per method: its name, then its description. */
  static String text() {
    StringBuilder out = new StringBuilder(String.format("%nMethods:%n"));
    for (Map.Entry<String, String> e : CamMethods.descriptions().entrySet()) {
      out.append(String.format("  %-20s %s%n", e.getKey(), e.getValue()));
    }
    return out.toString();
  }
}
