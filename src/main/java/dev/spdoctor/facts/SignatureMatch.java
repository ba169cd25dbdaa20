package dev.spdoctor.facts;

/**
 * One occurrence of a knowledge-base error signature in the normalised text.
 *
 * @param id unique id of this match within one diagnosis, e.g. {@code m1}
 * @param signature the signature id from {@code knowledge-base/signatures/}
 * @param start offset of the first character in the normalised text
 * @param end offset after the last character
 * @param text the matched text
 */
public record SignatureMatch(String id, String signature, int start, int end, String text) {}
