package dev.xaicam.cli;

import dev.xaicam.image.Colormap;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --colormap}'s values as typed (lower case), for the help text, completion and parsing. */
final class ColormapNames implements Iterable<String>, ITypeConverter<Colormap> {
  /** The names in declaration order, JET first. */
  @Override
  public Iterator<String> iterator() {
    return Arrays.stream(Colormap.values()).map(Colormap::displayName).iterator();
  }

  /** The colour map named {@code text}, in any case. */
  @Override
  public Colormap convert(String text) {
    for (Colormap colormap : Colormap.values()) {
      if (colormap.displayName().equalsIgnoreCase(text)) {
        return colormap;
      }
    }
    throw new TypeConversionException("expected one of " + String.join(", ", this) + " but was '" + text + "'");
  }
}
