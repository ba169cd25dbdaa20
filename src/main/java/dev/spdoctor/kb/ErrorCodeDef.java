package dev.spdoctor.kb;

import java.io.Serializable;

/**
 * An error code from a table in {@code knowledge-base/tables/}.
 *
 * @param code the code as found in text, e.g. {@code AADSTS700016}
 * @param name its short name
 * @param meaning one line on what it means
 */
public record ErrorCodeDef(String code, String name, String meaning) implements Serializable {}
