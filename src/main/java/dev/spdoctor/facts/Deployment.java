package dev.spdoctor.facts;

/**
 * A finding: the evidence points at one deployment.
 *
 * @param value {@code online} or {@code onprem}
 * @param basis why, in words, e.g. "the text names a *.sharepoint.com URL"
 */
public record Deployment(String value, String basis) {}
