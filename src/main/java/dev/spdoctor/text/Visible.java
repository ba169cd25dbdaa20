package dev.spdoctor.text;

/**
 * Text from a paste or a server made safe to show on a terminal: every control character (C0
 * other than line feed and tab, DEL, C1) and every bidirectional override is written out in a
 * visible form ({@code \e[2J}, {@code \a}, {@code \x01}, {@code \u009b}, {@code \u202e}), so
 * no escape sequence in the input can clear the screen, retitle the window, move the cursor, hide
 * text or plant a link.
 */
public final class Visible {
  private Visible() {}

  /** {@code text} with its control characters made visible; line feeds and tabs kept. */
  public static String of(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String shown = shown(c);
      if (shown != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (shown != null) {
          out.append(shown);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  /** {@code text} on one line: line feeds and tabs made visible too. */
  public static String oneLine(String text) {
    return of(text).replace("\n", "\\n").replace("\t", "\\t");
  }

  /** At most {@code max} characters of {@code text}, with an ellipsis when cut. */
  public static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…";
  }

  /** Whether {@code c} must never reach a terminal raw. */
  public static boolean unsafe(char c) {
    return shown(c) != null;
  }

  /** The visible form of {@code c}, or null when it is safe as it is. */
  static String shown(char c) {
    if (c == '\n' || c == '\t') {
      return null;
    }
    if (c < 0x20) {
      return switch (c) {
        case 0x1b -> "\\e";
        case 0x07 -> "\\a";
        case 0x08 -> "\\b";
        case '\r' -> "\\r";
        case 0x0c -> "\\f";
        case 0x0b -> "\\v";
        case 0x00 -> "\\0";
        default -> String.format("\\x%02x", (int) c);
      };
    }
    if (c == 0x7f || (c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200e || c == 0x200f || c == 0x061c) {
      return String.format("\\u%04x", (int) c);
    }
    return null;
  }
}
