package dev.spdoctor.facts;

/**
 * A well-known application (client) id, from {@code knowledge-base/tables/well-known-apps.yaml}:
 * rules compare a captured client id with it instead of writing the GUID into a rule.
 *
 * @param id the table's kebab-case id, e.g. {@code pnp-management-shell}
 * @param appId the application (client) id, lower case
 * @param name the application's name
 */
public record WellKnownApp(String id, String appId, String name) {}
