package dev.spdoctor.facts;

/**
 * Where a cause or a signature of the knowledge base applies, from its {@code deployment:} list, so a
 * rule can reason over every cause or message of one deployment without naming them.
 *
 * @param kind {@code cause} or {@code signature}
 * @param id the cause or signature id
 * @param online whether it applies to SharePoint Online
 * @param onprem whether it applies to on-premises SharePoint Server
 */
public record DeploymentScope(String kind, String id, boolean online, boolean onprem) {}
