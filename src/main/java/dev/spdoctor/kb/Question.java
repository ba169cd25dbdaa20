package dev.spdoctor.kb;

import java.io.Serializable;
import java.util.List;

/**
 * A fact a person can be asked for; its id is the fact key an answer sets.
 *
 * @param id kebab-case id, equal to the file name
 * @param prompt the question
 * @param type {@code yesno}, {@code choice}, {@code text}, {@code guid}, {@code url} or {@code number}
 * @param choices the allowed answers of a {@code choice} question, otherwise empty
 * @param help where to look and what the answer tells apart
 */
public record Question(String id, String prompt, String type, List<String> choices, String help)
    implements Serializable {}
