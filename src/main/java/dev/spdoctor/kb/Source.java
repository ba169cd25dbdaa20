package dev.spdoctor.kb;

import java.io.Serializable;

/**
 * Where a knowledge-base entry comes from.
 *
 * @param article {@code troubleshooting}, {@code creating-connection} or {@code public-record}
 * @param section the heading in the article, as printed
 */
public record Source(String article, String section) implements Serializable {}
