package dev.spdoctor.input;

/** Input that cannot be diagnosed; the message says why and what to do instead. */
public final class InputException extends IllegalArgumentException {
  public InputException(String message) {
    super(message);
  }
}
