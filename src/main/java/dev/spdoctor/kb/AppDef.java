package dev.spdoctor.kb;

import java.io.Serializable;

/**
 * A well-known application (client) id from {@code knowledge-base/tables/well-known-apps.yaml}.
 *
 * @param id kebab-case id the rules use, e.g. {@code pnp-management-shell}
 * @param appId the application (client) id, a lower-case GUID
 * @param name the application's name as its publisher gives it
 * @param note what the id tells a diagnosis, in our own words, or null
 * @param source the public page that states the id
 */
public record AppDef(String id, String appId, String name, String note, Reference source) implements Serializable {}
