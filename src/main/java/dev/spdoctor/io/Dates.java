package dev.spdoctor.io;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A day given by a user or a replayed file: YYYY-MM-DD, and within a range that can be meant. */
public final class Dates {
  /** The earliest day accepted: before it there were no Entra ID app registrations to diagnose. */
  public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
  /** The latest day accepted. */
  public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

  private Dates() {}

  /**
   * The day {@code value} names.
   *
   * @throws IllegalArgumentException when it is not YYYY-MM-DD or outside 2000-01-01..2100-12-31
   */
  public static LocalDate checked(String value) {
    String v = value == null ? "" : value.strip();
    if (!v.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
      throw new IllegalArgumentException("'" + dev.spdoctor.text.Visible.clip(v, 40) + "' is not a date; write it as YYYY-MM-DD,"
          + " e.g. 2026-06-01");
    }
    LocalDate day;
    try {
      day = LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + v + "' is not a day of the calendar; write it as YYYY-MM-DD,"
          + " e.g. 2026-06-01");
    }
    if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
      throw new IllegalArgumentException("'" + v + "' is outside " + EARLIEST + " to " + LATEST
          + "; give the day the error was seen");
    }
    return day;
  }
}
