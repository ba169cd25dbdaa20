package dev.spdoctor.engine;

/**
 * A stated answer the knowledge base cannot take: an unknown question, an empty value, or a value
 * of the wrong type. The message says what the question accepts.
 */
public final class AnswerException extends RuntimeException {
  private final String question;

  public AnswerException(String question, String message) {
    super(message);
    this.question = question;
  }

  /** The question id the answer was given for. */
  public String question() {
    return question;
  }
}
