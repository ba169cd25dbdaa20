package dev.spdoctor.facts;

/**
 * An error code found in the text that counts on its own: no recognised message covers it and no
 * more specific code follows it as the inner one (see {@code tables/*-codes.yaml}).
 *
 * @param id the evidence id reports refer to (like a {@link SignatureMatch#id()})
 * @param family the code's family ({@code aadsts}, {@code graph}, {@code sharepoint}, ...)
 * @param code the code's table key, e.g. {@code AADSTS700027}
 */
public record CodeMatch(String id, String family, String code) {}
