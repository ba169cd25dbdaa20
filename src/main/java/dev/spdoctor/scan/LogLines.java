package dev.spdoctor.scan;

import com.google.re2j.Pattern;

/**
 * Turns the lines of a window into the text signatures are matched against, undoing the ways
 * logs split one message over several lines.
 *
 * <ul>
 *   <li>Most logs wrap at a word or break before a stack frame: the lines are joined with a space
 *       (the normaliser reads all white space as one space anyway).
 *   <li>SharePoint ULS writes a message longer than its limit as several entries: the first ends
 *       with {@code ...}, each continuation has a {@code *} after its time and a message that starts
 *       with {@code ...}, and the cut can fall inside a word. Only the message column of a ULS line
 *       is kept, and a continuation is joined to the part before it without a space.
 * </ul>
 */
public final class LogLines {
  private static final Pattern ULS = Pattern.compile("^[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{2}[ *]?\\t");
  private static final int ULS_MESSAGE = 7;

  /** One line's contribution: its text, and whether it continues the previous line's text without a space. */
  public record Piece(String text, boolean glued) {}

  private LogLines() {}

  /** The part of {@code line} that carries message text. */
  public static Piece piece(String line) {
    if (line.length() > 24 && line.charAt(2) == '/' && line.charAt(5) == '/' && ULS.matcher(line).find()) {
      String[] cols = line.split("\t", -1);
      if (cols.length > ULS_MESSAGE) {
        String message = cols[ULS_MESSAGE];
        boolean continuation = line.charAt(22) == '*';
        if (continuation && message.startsWith("...")) {
          return new Piece(message.substring(3), true);
        }
        return new Piece(message, false);
      }
    }
    return new Piece(line, false);
  }

  /** {@code previous} ready for a glued continuation: without the {@code ...} that marks the cut. */
  public static String beforeGlue(String previous) {
    String p = previous.stripTrailing();
    return p.endsWith("...") ? p.substring(0, p.length() - 3) : p;
  }
}
