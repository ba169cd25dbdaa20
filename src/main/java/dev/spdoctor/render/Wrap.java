package dev.spdoctor.render;

import java.util.ArrayList;
import java.util.List;

/** Word-wraps text for the terminal: 80 columns unless told the terminal's width. */
public final class Wrap {
  static final int DEFAULT_WIDTH = 80;
  private static volatile int columns = DEFAULT_WIDTH;

  /** Wrap at {@code width} from now on (the command line sets the terminal's width). */
  public static void width(int width) {
    columns = width;
  }

  /** The width text is wrapped at. */
  static int width() {
    return columns;
  }

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

  /**
   * {@code text} wrapped at the width set (80 by default), the first line after {@code firstIndent},
   * the rest after {@code indent}.
   */
  public static String block(String text, String firstIndent, String indent) {
    return String.join("\n", lines(text, firstIndent, indent, columns));
  }
}
