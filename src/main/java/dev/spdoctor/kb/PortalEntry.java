package dev.spdoctor.kb;

import java.io.Serializable;

/**
 * One entry of {@code knowledge-base/tables/portal.yaml}: an admin-center path, or the roles that
 * may perform a kind of step. Steps refer to entries by id, so a menu rename or a role change is
 * one edit.
 *
 * @param id kebab-case id
 * @param kind {@code path} or {@code role}
 * @param text what a step shows: the path ("Entra ID > App registrations") or the roles
 * @param center for a path, the admin center it is in; null for a role
 * @param source the public page that shows the path or names the roles
 */
public record PortalEntry(String id, String kind, String text, String center, Reference source)
    implements Serializable {}
