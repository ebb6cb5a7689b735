package dev.xaicam.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xaicam.XaiCamException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Class names from a {@code --labels} file, in any of the forms people keep them: one name per
 * line (Teachable Machine's {@code labels.txt} "0 cat" lines included), a JSON list, a JSON
 * object from index to name, or Keras's {@code imagenet_class_index.json} (index to
 * {@code [wnid, name]}).
 */
final class LabelFile {
  /** Static reading only. */
  private LabelFile() {}

  /**
   * The labels in {@code file}.
   *
   * @throws XaiCamException (usage) naming the file and what is wrong with it
   */
  static ClassLabels read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw XaiCamException.usage("--labels " + file + ": cannot read (" + e.getMessage() + ")");
    }
    String trimmed = text.strip();
    List<String> names = trimmed.startsWith("[") || trimmed.startsWith("{")
        ? fromJson(file, trimmed) : fromLines(text);
    if (names.isEmpty()) {
      throw XaiCamException.usage("--labels " + file + ": holds no class names");
    }
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i) == null || names.get(i).isBlank()) {
        throw XaiCamException.usage("--labels " + file + ": class " + i + " has no name");
      }
    }
    return ClassLabels.of(names, names);
  }

  /** One name per non-blank line; a leading "index " (Teachable Machine) is dropped. */
  private static List<String> fromLines(String text) {
    List<String> names = new ArrayList<>();
    List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    boolean numbered = !lines.isEmpty();
    for (int i = 0; i < lines.size() && numbered; i++) {
      numbered = lines.get(i).startsWith(i + " ");
    }
    for (int i = 0; i < lines.size(); i++) {
      names.add(numbered ? lines.get(i).substring((i + " ").length()).strip() : lines.get(i));
    }
    return names;
  }

  /** A JSON list of names, or an object from index to a name or to {@code [wnid, name]}. */
  private static List<String> fromJson(Path file, String text) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw XaiCamException.usage("--labels " + file + ": not valid JSON ("
          + e.getMessage().lines().findFirst().orElse("") + ")");
    }
    List<String> names = new ArrayList<>();
    if (root.isArray()) {
      root.forEach(n -> names.add(name(file, n)));
      return names;
    }
    for (int i = 0; i < root.size(); i++) {
      JsonNode entry = root.get(Integer.toString(i));
      if (entry == null) {
        throw XaiCamException.usage("--labels " + file + ": the JSON object has no entry \"" + i
            + "\"; keys must be the class indices 0.." + (root.size() - 1));
      }
      names.add(name(file, entry));
    }
    return names;
  }

  /** A name, or the last element of a {@code [wnid, name]} pair. */
  private static String name(Path file, JsonNode entry) {
    if (entry.isTextual()) {
      return entry.asText();
    }
    if (entry.isArray() && !entry.isEmpty() && entry.get(entry.size() - 1).isTextual()) {
      return entry.get(entry.size() - 1).asText();
    }
    throw XaiCamException.usage("--labels " + file + ": " + entry
        + " is neither a name nor a [wnid, name] pair");
  }
}
