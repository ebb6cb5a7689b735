package dev.xaicam.models;

import dev.xaicam.EditDistance;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.xaicam.XaiCamException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A model's class names by output index: the Keras name (as Keras's {@code decode_predictions}
 * prints it) and a readable name that tells Keras's duplicate names apart, plus lookup of a class
 * the user typed.
 */
public final class ClassLabels {

  /** Classpath location of Keras's ImageNet class index. */
  static final String IMAGENET_JSON = "/models/imagenet_class_index.json";

  /** Classpath location of the ImageNet table with readable names. */
  static final String IMAGENET_TSV = "/models/imagenet_classes.tsv";

  /** The TSV's expected header. */
  private static final String TSV_HEADER = "index\twnid\tkeras_name\treadable_name";

  /** Underscores, hyphens and whitespace, which lookups treat as one separator. */
  private static final Pattern SEPARATORS = Pattern.compile("[_\\-\\s]+");

  /** An integer as typed, sign included, so "-1" is an out-of-range index rather than a name. */
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

  /** How many close names an unknown-class error suggests. */
  private static final int SUGGESTIONS = 5;

  /** Keras names by index. */
  private final List<String> names;

  /** Readable names by index. */
  private final List<String> readableNames;

  /** The ImageNet labels once loaded; not a holder class, whose failure would be an ExceptionInInitializerError. */
  private static ClassLabels imagenetLabels;

  /** Labels from two parallel, non-empty lists. */
  private ClassLabels(List<String> names, List<String> readableNames) {
    this.names = List.copyOf(names);
    this.readableNames = List.copyOf(readableNames);
  }

  /**
   * Labels for any model.
   *
   * @param names Keras-style names by output index
   * @param readableNames human-readable names, same length
   */
  public static ClassLabels of(List<String> names, List<String> readableNames) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException("class names must not be empty");
    }
    if (names.size() != readableNames.size()) {
      throw new IllegalArgumentException("got " + names.size() + " class names but " + readableNames.size()
          + " readable names");
    }
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i) == null || names.get(i).isBlank() || readableNames.get(i) == null
          || readableNames.get(i).isBlank()) {
        throw new IllegalArgumentException("class " + i + " has a blank name");
      }
    }
    return new ClassLabels(names, readableNames);
  }

  /** Labels read from a {@code --labels} file (see {@link LabelFile} for the forms accepted). */
  public static ClassLabels read(java.nio.file.Path file) {
    return LabelFile.read(file);
  }

  /** Classes named by their indices {@code 0 .. count-1}, for a model without labels. */
  public static ClassLabels indices(int count) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(Integer.toString(i));
    }
    return of(names, names);
  }

  /**
   * The 1000 ImageNet classes in Keras's order (VGG16's output order), from the resources
   * {@code /models/imagenet_class_index.json} and {@code /models/imagenet_classes.tsv}.
   *
   * @throws XaiCamException (setup) when the resources are missing or disagree (a broken build)
   */
  public static synchronized ClassLabels imagenet() {
    if (imagenetLabels == null) {
      imagenetLabels = loadImageNet();
    }
    return imagenetLabels;
  }

  /** Loads and cross-checks the two ImageNet resources from the classpath. */
  private static ClassLabels loadImageNet() {
    try (InputStream json = ClassLabels.class.getResourceAsStream(IMAGENET_JSON);
        InputStream tsv = ClassLabels.class.getResourceAsStream(IMAGENET_TSV)) {
      if (json == null || tsv == null) {
        throw XaiCamException.setup("ImageNet class labels (" + (json == null ? IMAGENET_JSON : IMAGENET_TSV)
            + ") are missing from the tool's jar; reinstall xai-cam");
      }
      return load(json, tsv);
    } catch (IOException | IllegalStateException e) {
      throw XaiCamException.setup("cannot read the ImageNet class labels from the tool's jar (" + e.getMessage()
          + "); reinstall xai-cam", e);
    }
  }

  /**
   * Labels from Keras's class-index JSON ({@code {"0": ["n01440764", "tench"], ...}}) and the
   * table {@code index wnid keras_name readable_name}; both must list the same classes.
   *
   * @throws IllegalStateException when the two disagree or are malformed
   */
  static ClassLabels load(InputStream json, InputStream tsv) throws IOException {
    Map<String, List<String>> index = readClassIndex(json);
    List<String> names = new ArrayList<>();
    List<String> readable = new ArrayList<>();
    for (int i = 0; i < index.size(); i++) {
      List<String> entry = index.get(Integer.toString(i));
      if (entry == null || entry.size() != 2) {
        throw new IllegalStateException("class index JSON: entry " + i + " missing or not [wnid, name]: " + entry);
      }
      names.add(entry.get(1));
    }
    BufferedReader reader = new BufferedReader(new InputStreamReader(tsv, StandardCharsets.UTF_8));
    String header = reader.readLine();
    if (!TSV_HEADER.equals(header)) {
      throw new IllegalStateException("class table: header is '" + header + "', expected '" + TSV_HEADER + "'");
    }
    for (String line; (line = reader.readLine()) != null; ) {
      if (line.isEmpty()) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      int row = readable.size();
      if (cells.length != 4 || !cells[0].equals(Integer.toString(row))) {
        throw new IllegalStateException("class table: row " + row + " malformed: " + line);
      }
      if (row >= names.size() || !cells[2].equals(names.get(row))
          || !cells[1].equals(index.get(cells[0]).get(0))) {
        throw new IllegalStateException("class table: row " + row + " does not match the class index JSON: " + line);
      }
      readable.add(cells[3]);
    }
    if (readable.size() != names.size()) {
      throw new IllegalStateException("class table has " + readable.size() + " rows, class index JSON "
          + names.size() + " entries");
    }
    return of(names, readable);
  }

  /**
   * Keras's class index, {@code {"0": ["n01440764", "tench"], ...}}, read with Jackson's streaming
   * parser: a databind mapper costs a one-image run about 0.1 s to set up, for 1000 small arrays.
   *
   * @throws IllegalStateException when the text is not an object of arrays of strings
   */
  private static Map<String, List<String>> readClassIndex(InputStream json) throws IOException {
    Map<String, List<String>> index = new LinkedHashMap<>();
    try (JsonParser parser = new JsonFactory().createParser(json)) {
      expect(parser.nextToken(), JsonToken.START_OBJECT);
      for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
        expect(token, JsonToken.FIELD_NAME);
        String key = parser.currentName();
        expect(parser.nextToken(), JsonToken.START_ARRAY);
        List<String> entry = new ArrayList<>();
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
          expect(item, JsonToken.VALUE_STRING);
          entry.add(parser.getText());
        }
        index.put(key, entry);
      }
    }
    return index;
  }

  /** Refuses a token other than the one the class index's shape requires there. */
  private static void expect(JsonToken got, JsonToken wanted) {
    if (got != wanted) {
      throw new IllegalStateException("class index JSON: expected " + wanted + ", found " + got);
    }
  }

  /** Number of classes (the model's output width). */
  public int size() {
    return names.size();
  }

  /** The Keras name of class {@code index}, e.g. {@code golden_retriever}. */
  public String name(int index) {
    return names.get(checkIndex(index));
  }

  /** The readable name of class {@code index}, e.g. {@code golden retriever}, {@code crane bird}. */
  public String readableName(int index) {
    return readableNames.get(checkIndex(index));
  }

  /**
   * The class index a user means: an index {@code 0..size-1}, or a Keras or readable name compared
   * case-insensitively with {@code _}, {@code -} and spaces treated alike.
   *
   * @throws XaiCamException (usage) for an out-of-range index, an ambiguous name (listing the
   *     candidates) or an unknown name (suggesting the closest ones)
   */
  public int resolve(String text) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty()) {
      throw XaiCamException.usage("class must not be empty; give a class index 0.." + (size() - 1)
          + " or a class name");
    }
    if (INTEGER.matcher(trimmed).matches()) {
      return resolveIndex(trimmed);
    }
    String wanted = normalize(trimmed);
    Set<Integer> matches = new LinkedHashSet<>();
    for (int i = 0; i < size(); i++) {
      if (normalize(names.get(i)).equals(wanted) || normalize(readableNames.get(i)).equals(wanted)) {
        matches.add(i);
      }
    }
    if (matches.size() == 1) {
      return matches.iterator().next();
    }
    if (matches.size() > 1) {
      throw XaiCamException.usage("class '" + trimmed + "' is ambiguous: " + describe(matches) + "; give the index");
    }
    throw XaiCamException.usage("unknown class '" + trimmed + "'; closest: " + describe(closest(wanted))
        + "; give a class index 0.." + (size() - 1) + " or one of the class names");
  }

  /** Parses an index and checks its range. */
  private int resolveIndex(String digits) {
    long value;
    try {
      value = Long.parseLong(digits);
    } catch (NumberFormatException e) {
      value = Long.MAX_VALUE;
    }
    if (value < 0 || value >= size()) {
      throw XaiCamException.usage("class index " + digits + " is out of range; give 0.." + (size() - 1)
          + " or a class name");
    }
    return (int) value;
  }

  /** The classes whose names are nearest to {@code wanted}: containing it first, then by edit distance. */
  private List<Integer> closest(String wanted) {
    List<int[]> scored = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      int best = Integer.MAX_VALUE;
      for (String candidate : List.of(normalize(names.get(i)), normalize(readableNames.get(i)))) {
        int score = candidate.contains(wanted) ? 0 : EditDistance.between(wanted, candidate);
        best = Math.min(best, score);
      }
      scored.add(new int[] {i, best});
    }
    scored.sort(Comparator.<int[]>comparingInt(s -> s[1]).thenComparingInt(s -> s[0]));
    return scored.stream().limit(SUGGESTIONS).map(s -> s[0]).toList();
  }

  /** "134 crane (crane bird), 517 crane": the readable name only where it tells more than the Keras name. */
  private String describe(Iterable<Integer> indices) {
    List<String> parts = new ArrayList<>();
    for (int i : indices) {
      String part = i + " " + names.get(i);
      if (!normalize(names.get(i)).equals(normalize(readableNames.get(i)))) {
        part += " (" + readableNames.get(i) + ")";
      }
      parts.add(part);
    }
    return parts.stream().collect(Collectors.joining(", "));
  }

  /** Lower case with runs of {@code _}, {@code -} and whitespace folded to one space. */
  static String normalize(String name) {
    return SEPARATORS.matcher(name.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
  /** Checks an index for {@link #name} and {@link #readableName}, naming the bad value. */
  private int checkIndex(int index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException("class index must be in 0.." + (size() - 1) + ", got " + index);
    }
    return index;
  }
}
