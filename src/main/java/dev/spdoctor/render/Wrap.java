package dev.spdoctor.render;

import java.util.ArrayList;
import java.util.List;

/** Word-wraps text for an 80-column terminal. */
public final class Wrap {
  static final int WIDTH = 80;

  private Wrap() {}

  /** The lines of {@code text} wrapped to {@code width}, each after {@code indent}. */
  static List<String> lines(String text, String firstIndent, String indent, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(firstIndent);
    int start = firstIndent.length();
    for (String word : text.strip().split("\\s+")) {
      if (line.length() > start && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line = new StringBuilder(indent);
        start = indent.length();
      }
      if (line.length() > start) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > start) {
      lines.add(line.toString());
    }
    return lines;
  }

  /** {@code text} wrapped at 80 columns, the first line after {@code firstIndent}, the rest after {@code indent}. */
  public static String block(String text, String firstIndent, String indent) {
    return String.join("\n", lines(text, firstIndent, indent, WIDTH));
  }
}
