package dev.spdoctor.probe.net;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The HTTP date headers every HTTP probe reads: {@code Date} and {@code Retry-After}. */
public final class HttpDates {
  private HttpDates() {}

  /** An RFC 1123 date such as {@code Tue, 15 Nov 1994 08:12:31 GMT}; empty when absent or unreadable. */
  public static Optional<Instant> parse(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The seconds a {@code Retry-After} value asks to wait: a number as given, or an HTTP date
   * counted from {@code reference} (never negative). Empty when absent, unreadable, or a date with
   * no reference to count from.
   */
  public static Optional<Long> retryAfterSeconds(String value, Instant reference) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.strip();
    if (v.matches("\\d{1,9}")) {
      return Optional.of(Long.parseLong(v));
    }
    if (reference == null) {
      return Optional.empty();
    }
    return parse(v).map(at -> Math.max(0, Duration.between(reference, at).toSeconds()));
  }
}
