package dev.spdoctor.facts;

import java.util.regex.Pattern;

/**
 * A named value captured inside a signature match, such as a client id or an account.
 *
 * @param matchId the {@link SignatureMatch#id()} it belongs to
 * @param signature the signature id
 * @param name the capture name from the pattern, e.g. {@code clientId}
 * @param value the captured text
 */
public record Capture(String matchId, String signature, String name, String value) {
  private static final Pattern GUID =
      Pattern.compile("\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\}?");

  /** Whether the value is a GUID (with or without braces). */
  public boolean isGuid() {
    return value != null && GUID.matcher(value.trim()).matches();
  }
}
