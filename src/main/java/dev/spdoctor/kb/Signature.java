package dev.spdoctor.kb;

import java.io.Serializable;
import java.util.List;

/**
 * An error message and the RE2J patterns that recognise it in normalised text.
 *
 * @param id kebab-case id, equal to the file name
 * @param message the message as the article prints it
 * @param source the article and section it comes from
 * @param deployment where the message can appear
 * @param patterns RE2J patterns; any one matching is a match
 * @param examples texts the patterns must match
 */
public record Signature(
    String id,
    String message,
    Source source,
    List<String> deployment,
    List<String> patterns,
    List<String> examples)
    implements Serializable {}
