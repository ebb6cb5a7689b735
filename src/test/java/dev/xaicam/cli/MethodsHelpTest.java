package dev.xaicam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.cam.CamMethods;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MethodsHelpTest {
  /** The section of a small command's help at {@code width} columns, line by line. */
  private static List<String> sectionAt(int width) {
    CommandLine commandLine =
        MethodsHelp.addTo(new CommandLine(CommandLine.Model.CommandSpec.create()));
    commandLine.setUsageHelpWidth(width);
    String section = MethodsHelp.text(commandLine.getHelp());
    return Arrays.asList(section.split("\\R"));
  }

  @Test
  void listsEveryMethodAtTheStartOfARowInTheHelp() {
    List<String> lines = sectionAt(80);

    assertThat(lines).contains("Methods:");
    for (String method : CamMethods.descriptions().keySet()) {
      assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("  " + method + " "));
    }
  }

  /** Long descriptions wrap within the width, indented under the description column. */
  @Test
  void wrapsDescriptionsToTheWidth() {
    List<String> narrow = sectionAt(80);
    List<String> wide = sectionAt(200);

    assertThat(narrow).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    assertThat(narrow.size()).isGreaterThan(wide.size());
    assertThat(narrow).anySatisfy(line -> assertThat(line).startsWith(" ".repeat(23)).isNotBlank());
    // at 200 columns every description fits its row
    assertThat(wide).hasSize(CamMethods.descriptions().size() + 2);
  }
}
