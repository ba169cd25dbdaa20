package dev.spdoctor.engine;

/**
 * A stated answer the knowledge base cannot take: an unknown question, an empty value, or a value
 * of the wrong type. The message names the question and says what it accepts.
 */
public final class AnswerException extends RuntimeException {
  public AnswerException(String message) {
    super(message);
  }
}
