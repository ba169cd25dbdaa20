package dev.spdoctor.facts;

/**
 * A row of a code table: a code alone points at a cause with this confidence.
 *
 * @param code the code's table key
 * @param cause the cause id
 * @param confidence how strongly the code alone points at the cause
 * @param reason the reasoning in words, for the report (the code, its name and meaning)
 */
public record CodeCause(String code, String cause, double confidence, String reason) {}
