package dev.xaicam.cli;

import dev.xaicam.cam.CamMethods;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.UsageMessageSpec;

/** The "Methods:" section of a command's help, written from the method registry's descriptions. */
final class MethodsHelp {
  /** The help section's key. */
  static final String SECTION = "methods";

  /** Not instantiable. */
  private MethodsHelp() {}

  /** Where descriptions start: two spaces, the longest method name (20) and one space. */
  private static final int NAME_COLUMN = 23;

  /** Adds the section to {@code commandLine}'s help, before its footer. */
  static CommandLine addTo(CommandLine commandLine) {
    commandLine.getHelpSectionMap().put(SECTION, MethodsHelp::text);
    List<String> keys = new ArrayList<>(commandLine.getHelpSectionKeys());
    keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), SECTION);
    commandLine.setHelpSectionKeys(keys);
    return commandLine;
  }

  /**
   * One row per method: its name, then its description wrapped to the help's width by picocli's
   * own table, as the options' descriptions are.
   */
  static String text(Help help) {
    int width = help.commandSpec().usageMessage().width();
    Help.TextTable table = Help.TextTable.forColumns(help.colorScheme(),
        new Help.Column(NAME_COLUMN, 2, Help.Column.Overflow.SPAN),
        new Help.Column(width - NAME_COLUMN, 0, Help.Column.Overflow.WRAP));
    for (Map.Entry<String, String> e : CamMethods.descriptions().entrySet()) {
      table.addRowValues(e.getKey(), e.getValue());
    }
    return String.format("%nMethods:%n") + table;
  }
}
