package dev.spdoctor.facts;

import dev.spdoctor.text.Identifiers;

/**
 * A named value captured inside a signature match, such as a client id or an account.
 *
 * @param matchId the {@link SignatureMatch#id()} it belongs to
 * @param signature the signature id
 * @param name the capture name from the pattern, e.g. {@code clientId}
 * @param value the captured text
 */
public record Capture(String matchId, String signature, String name, String value) {
  /** Whether the value is a GUID (with or without braces). */
  public boolean isGuid() {
    return Identifiers.isGuid(value);
  }

  /**
   * Whether the value visibly is not a GUID: a placeholder, nothing, a domain or other text. A
   * reporter's redaction ({@code ****}, {@code xxx}) is never judged, so it is false then.
   */
  public boolean isNotGuid() {
    return Identifiers.visiblyNotGuid(value);
  }

  /** What the value is: guid, domain, placeholder, redacted, empty or other (see {@link Identifiers}). */
  public String getKind() {
    return Identifiers.classify(value).id();
  }
}
