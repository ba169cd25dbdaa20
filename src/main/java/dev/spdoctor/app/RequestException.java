package dev.spdoctor.app;

/**
 * A request that cannot be served as given: the message says what was wrong and what to do. The
 * command line turns the kind into an exit code (docs/cli.md), a web service into a status.
 */
public final class RequestException extends RuntimeException {
  /** What went wrong. */
  public enum Kind {
    /** Options or fields that do not go together, or one that is missing. */
    USAGE,
    /** Input that cannot be used: a missing or unreadable file, a profile with problems. */
    BAD_INPUT,
    /** The request was interrupted. */
    INTERRUPTED
  }

  private final Kind kind;

  public RequestException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  static RequestException usage(String message) {
    return new RequestException(Kind.USAGE, message);
  }

  static RequestException badInput(String message) {
    return new RequestException(Kind.BAD_INPUT, message);
  }
}
