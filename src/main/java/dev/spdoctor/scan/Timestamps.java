package dev.spdoctor.scan;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.time.DateTimeException;
import java.time.LocalDateTime;

/**
 * Reads the time an entry was written from the start of a log line, in the shapes the logs
 * support engineers receive use:
 *
 * <ul>
 *   <li>ISO 8601 and its log variants: {@code 2026-06-01T09:14:22.123Z}, {@code 2026-06-01 09:14:22,551}
 *       (the backup product's service log, log4net/log4j, IIS W3C {@code date time}, CI output),
 *       optionally in brackets ({@code [2026-06-01 09:14:22]}, the product's job summaries and
 *       script transcripts);
 *   <li>SharePoint ULS: {@code 06/01/2026 09:14:22.53} (month first, hundredths; a {@code *} after it
 *       marks a continuation entry);
 *   <li>Windows event exports (Event Viewer "Save As" text or CSV, {@code Get-WinEvent | Export-Csv}):
 *       {@code 6/1/2026 9:14:22 AM} after the level column; {@code wevtutil qe /f:text} prints
 *       {@code Date: 2026-06-01T09:14:22.123};
 *   <li>the backup product's job report: {@code 01.06.2026 02:00:14} (day first, dotted);
 *   <li>PowerShell transcripts: {@code Start time: 20260601091422} and, with an invocation header,
 *       {@code Command start time: 20260601091430}; the lines between carry no time, so these
 *       header lines set the time of what follows.
 * </ul>
 *
 * <p>The result is the local date-time as written, with its offset when one was given, in
 * ISO 8601 ({@code 2026-06-01T09:14:22.123}, {@code 2026-06-01T09:14:22Z}).
 */
public final class Timestamps {
  /** A time read from a line: its ISO form and a key that sorts in time order. */
  public record Stamp(String iso, LocalDateTime local) implements Comparable<Stamp> {
    @Override
    public int compareTo(Stamp o) {
      return local.compareTo(o.local);
    }
  }

  private static final Pattern ISO = Pattern.compile(
      "^(?:\\[|Date: |\")?([0-9]{4})-([0-9]{2})-([0-9]{2})[T ]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:[.,]([0-9]{1,7}))?"
          + "(Z|[+-][0-9]{2}:?[0-9]{2})?");
  private static final Pattern ULS = Pattern.compile(
      "^([0-9]{2})/([0-9]{2})/([0-9]{4}) ([0-9]{2}):([0-9]{2}):([0-9]{2})\\.([0-9]{2})[ *]?\\t");
  private static final Pattern US = Pattern.compile(
      "^(?:\"?[A-Za-z]+\"?[\\t,])?\"?([0-9]{1,2})/([0-9]{1,2})/([0-9]{4}),? ([0-9]{1,2}):([0-9]{2}):([0-9]{2})"
          + "(?: ?([AaPp][Mm]))?");
  private static final Pattern DOTTED = Pattern.compile(
      "^\\[?([0-9]{2})\\.([0-9]{2})\\.([0-9]{4}) ([0-9]{2}):([0-9]{2}):([0-9]{2})");
  private static final Pattern TRANSCRIPT = Pattern.compile(
      "^(?:Command start time|Start time|End time): ([0-9]{4})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})\\s*$");

  private Timestamps() {}

  /** The time at the start of {@code line}, or null when it has none of the shapes above. */
  public static Stamp of(String line) {
    if (line.length() < 10) {
      return null;
    }
    char c = line.charAt(0);
    try {
      if (c == 'S' || c == 'C' || c == 'E') {
        Matcher t = TRANSCRIPT.matcher(line);
        if (t.find()) {
          return stamp(num(t, 1), num(t, 2), num(t, 3), num(t, 4), num(t, 5), num(t, 6), null, null);
        }
      }
      Matcher m = ISO.matcher(line);
      if (m.find()) {
        return stamp(num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5), num(m, 6), m.group(7), m.group(8));
      }
      m = ULS.matcher(line);
      if (m.find()) {
        return stamp(num(m, 3), num(m, 1), num(m, 2), num(m, 4), num(m, 5), num(m, 6), m.group(7), null);
      }
      m = DOTTED.matcher(line);
      if (m.find()) {
        return stamp(num(m, 3), num(m, 2), num(m, 1), num(m, 4), num(m, 5), num(m, 6), null, null);
      }
      m = US.matcher(line);
      if (m.find()) {
        int hour = num(m, 4);
        String ampm = m.group(7);
        if (ampm != null) {
          boolean pm = ampm.equalsIgnoreCase("pm");
          if (hour < 1 || hour > 12) {
            return null;
          }
          hour = hour % 12 + (pm ? 12 : 0);
        }
        return stamp(num(m, 3), num(m, 1), num(m, 2), hour, num(m, 5), num(m, 6), null, null);
      }
    } catch (DateTimeException e) {
      return null; // a shape that is not a real date, e.g. 13/45/2026
    }
    return null;
  }

  /** Whether {@code line} is a PowerShell transcript header line whose time applies to what follows. */
  public static boolean isTranscriptHeader(String line) {
    return (line.startsWith("Start time: ") || line.startsWith("Command start time: ")) && TRANSCRIPT.matcher(line).find();
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static Stamp stamp(int y, int mo, int d, int h, int mi, int s, String fraction, String offset) {
    int nanos = 0;
    if (fraction != null) {
      nanos = Integer.parseInt((fraction + "000000000").substring(0, 9));
    }
    LocalDateTime t = LocalDateTime.of(y, mo, d, h, mi, s, nanos);
    String iso = String.format("%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, s)
        + (fraction != null ? "." + fraction : "");
    if (offset != null) {
      iso += offset.equals("Z") ? "Z" : offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset;
    }
    return new Stamp(iso, t);
  }
}
