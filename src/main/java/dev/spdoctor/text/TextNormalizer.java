package dev.spdoctor.text;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.Map;

/**
 * Turns a paste into the text signatures are matched against.
 *
 * <ol>
 *   <li>line breaks and runs of white space become one space (so a JSON body wrapped by a console
 *       still reads as JSON), then JSON string escapes inside double-quoted strings are decoded ({@code \r\n}, {@code \"},
 *       {@code \u0027}), so an error description inside a JSON body reads as plain text;
 *   <li>an HTML page loses its tags, scripts and styles, and its entities are decoded;
 *   <li>every run of white space, line breaks included, becomes one space, so a message that a
 *       console or a log wrapped over several lines reads as one line;
 *   <li>typographic quotes become straight ones and zero-width characters go, so a message copied from a
 *       web page, a chat or a word processor reads as the program printed it.
 * </ol>
 */
public final class TextNormalizer {
  private static final Pattern JSON_STRING = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
  private static final Pattern JSON_ESCAPE = Pattern.compile("\\\\(u[0-9a-fA-F]{4}|[\"\\\\/bfnrt])");
  private static final Pattern HTML_PAGE = Pattern.compile("(?i)<!doctype html|<html[\\s>]|<body[\\s>]");
  private static final Pattern HTML_SKIP = Pattern.compile("(?is)<(script|style)[^>]*>.*?</(script|style)\\s*>|<!--.*?-->");
  private static final Pattern HTML_TAG = Pattern.compile("(?s)<[!/?a-zA-Z][^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
  static final Pattern SPACE = Pattern.compile("[\\s\\x{00A0}\\x{2028}\\x{2029}]+");
  private static final Map<String, String> NAMED = Map.of(
      "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ");

  private TextNormalizer() {}

  /** The normalised form of {@code text}; never null. */
  public static String normalize(String text) {
    if (text == null) {
      throw new NullPointerException("text == null");
    }
    // Line breaks first: a JSON body a console wrapped over several lines still decodes. Then the cheap
    // checks: a JSON escape needs a backslash inside quotes, a page needs a '<'.
    String s = collapseSpace(text);
    s = s.indexOf('\\') >= 0 && s.indexOf('"') >= 0 ? decodeJsonStrings(s) : s;
    if (s.indexOf('<') >= 0 && HTML_PAGE.matcher(s).find()) {
      s = HTML_SKIP.matcher(s).replaceAll(" ");
      s = HTML_TAG.matcher(s).replaceAll(" ");
      s = decodeEntities(s);
    }
    return collapseSpace(plainQuotes(s)).strip();
  }

  /**
   * Typographic single and double quotes as straight ones; zero-width spaces, joiners and byte-order
   * marks removed (editors and chat clients put them into copied text).
   */
  static String plainQuotes(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char r = switch (c) {
        case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032' -> '\'';
        case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033' -> '"';
        case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF' -> '\0';
        default -> c;
      };
      if (r != c && out == null) {
        out = new StringBuilder(s.length());
        out.append(s, 0, i);
      }
      if (out != null && r != '\0') {
        out.append(r);
      }
    }
    return out == null ? s : out.toString();
  }

  /**
   * Every run of {@link #SPACE} characters as one space: the same as {@code SPACE.matcher(s).replaceAll(" ")}
   * (RE2's {@code \s} is {@code [\t\n\f\r ]}), in one pass; a regex replacement per space costs
   * milliseconds on a log window (see docs/scan.md).
   */
  static String collapseSpace(String s) {
    StringBuilder out = null;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (isSpace(c) && (c != ' ' || (i + 1 < n && isSpace(s.charAt(i + 1))))) {
        out = new StringBuilder(n);
        out.append(s, 0, i);
        boolean inRun = false;
        for (int j = i; j < n; j++) {
          char d = s.charAt(j);
          if (isSpace(d)) {
            if (!inRun) {
              out.append(' ');
              inRun = true;
            }
          } else {
            out.append(d);
            inRun = false;
          }
        }
        break;
      }
    }
    return out == null ? s : out.toString();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\u00A0' || c == '\u2028'
        || c == '\u2029';
  }

  private static String decodeJsonStrings(String text) {
    Matcher strings = JSON_STRING.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    while (strings.find()) {
      out.append(text, last, strings.start());
      String literal = strings.group();
      out.append(literal.indexOf('\\') >= 0 ? decodeEscapes(literal) : literal);
      last = strings.end();
    }
    return out.append(text, last, text.length()).toString();
  }

  private static String decodeEscapes(String literal) {
    Matcher escapes = JSON_ESCAPE.matcher(literal);
    StringBuilder out = new StringBuilder(literal.length());
    int last = 0;
    while (escapes.find()) {
      out.append(literal, last, escapes.start());
      String e = escapes.group(1);
      out.append(switch (e.charAt(0)) {
        case 'u' -> String.valueOf((char) Integer.parseInt(e.substring(1), 16));
        case 'n', 'r', 't', 'b', 'f' -> " ";
        default -> e;
      });
      last = escapes.end();
    }
    return out.append(literal, last, literal.length()).toString();
  }

  private static String decodeEntities(String s) {
    Matcher m = ENTITY.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    int last = 0;
    while (m.find()) {
      out.append(s, last, m.start());
      String name = m.group(1);
      String decoded = NAMED.get(name.toLowerCase());
      if (name.startsWith("#")) {
        try {
          int cp = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
              ? Integer.parseInt(name.substring(2), 16)
              : Integer.parseInt(name.substring(1));
          decoded = Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
        } catch (NumberFormatException e) {
          decoded = null;
        }
      }
      out.append(decoded != null ? decoded : m.group());
      last = m.end();
    }
    return out.append(s, last, s.length()).toString();
  }
}
