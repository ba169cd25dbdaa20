package dev.spdoctor.scan;

/** A log that cannot be scanned (binary, unreadable); the message says what and what to do. */
public final class ScanException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ScanException(String message) {
    super(message);
  }
}
