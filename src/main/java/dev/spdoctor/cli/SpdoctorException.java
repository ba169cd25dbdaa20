package dev.spdoctor.cli;

/** An error the user can fix: the message says what was wrong and what to do; no stack trace. */
public final class SpdoctorException extends RuntimeException {
  private final int exitCode;

  public SpdoctorException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public SpdoctorException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
