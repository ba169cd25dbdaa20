package dev.spdoctor.profile;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Time limits as profiles write them: a whole number and a unit, such as {@code 500ms}, {@code 15s}, {@code 2m}. */
public final class Durations {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");

  private Durations() {}

  /**
   * The duration {@code text} names.
   *
   * @throws IllegalArgumentException when it is not a positive number with one of the units ms, s, m, h
   */
  public static Duration parse(String text) {
    if (text == null) {
      throw new NullPointerException("text == null");
    }
    Matcher m = DURATION.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration such as 500ms, 15s or 2m");
    }
    long n = Long.parseLong(m.group(1));
    if (n == 0) {
      throw new IllegalArgumentException("a duration must be more than zero");
    }
    Duration d = switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
    if (d.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException("'" + text.strip() + "' is longer than a day; give a time limit such as 15s or 2m");
    }
    return d;
  }

  /** The longest time limit accepted: one day (longer ones overflow the clocks' arithmetic, and mean a typo). */
  public static final Duration LONGEST = Duration.ofDays(1);

  /** The shortest way to write {@code d} that {@link #parse} reads back: {@code 15s}, {@code 500ms}, {@code 2m}. */
  public static String format(Duration d) {
    if (d == null) {
      throw new NullPointerException("d == null");
    }
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
