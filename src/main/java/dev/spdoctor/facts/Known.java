package dev.spdoctor.facts;

/**
 * A fact somebody stated: an option such as {@code --deployment}, or an answer to a question.
 *
 * @param key the question id, e.g. {@code deployment} or {@code app-registration-exists}
 * @param value the answer, normalised: {@code yes}/{@code no} for yes-no questions
 * @param source where it came from: {@code option}, {@code answer}, {@code probe}
 */
public record Known(String key, String value, String source) {}
