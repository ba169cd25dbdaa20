package dev.spdoctor.facts;

/**
 * A well-known application (client) id, from {@code knowledge-base/tables/well-known-apps.yaml}:
 * rules compare a captured client id with it instead of writing the GUID into a rule.
 *
 * @param id the table's kebab-case id, e.g. {@code pnp-management-shell}
 * @param appId the application (client) id, lower case
 * @param name the application's name
 */
public record WellKnownApp(String id, String appId, String name) {
  /** Whether {@code value} (as captured from a message, any case, braces allowed) is this app's id. */
  public boolean matches(String value) {
    if (value == null) {
      return false;
    }
    String v = value.strip();
    if (v.startsWith("{") && v.endsWith("}")) {
      v = v.substring(1, v.length() - 1);
    }
    return appId.equalsIgnoreCase(v);
  }
}
