package dev.spdoctor.probe;

import dev.spdoctor.probe.net.HttpProbe;
import dev.spdoctor.probe.net.Names;
import dev.spdoctor.probe.net.ServiceError;
import dev.spdoctor.probe.net.Shape;
import dev.spdoctor.probe.net.WwwAuthenticate;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tenant that owns the SharePoint URL, from the realm of the 401 challenge to an empty bearer
 * token (MS-OAUTH2EX §3.2.5.4, as SharePoint's TokenHelper and PnP do) (docs/probes.md, {@code sharepoint}).
 */
public final class SharePointProbe implements Probe {
  public static final String ID = "sharepoint";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "SharePoint realm";
  }

  @Override
  public List<PlannedRequest> plan(ProbeContext context) {
    return PlannedRequest.get(ID, target(context), "the tenant that owns the site (Bearer realm of the 401)");
  }

  private static URI target(ProbeContext ctx) {
    if (!ctx.profile().online() || ctx.profile().sharePoint() == null) {
      return null;
    }
    String url = ctx.profile().sharePoint().url();
    return Names.url(url) == null ? null : Names.under(url, "/_vti_bin/client.svc");
  }

  @Override
  public Observation run(ProbeContext ctx) throws InterruptedException {
    if (!ctx.profile().online()) {
      return Observation.notCollected(ID, "on-premises: the onprem probe checks the server");
    }
    if (ctx.profile().sharePoint() == null || ctx.profile().sharePoint().url() == null) {
      return Observation.notCollected(ID, "the profile has no SharePoint URL");
    }
    URI uri = target(ctx);
    if (uri == null) {
      return Observation.notCollected(ID, "the SharePoint URL is not a URL: " + ctx.profile().sharePoint().url());
    }
    HttpProbe.Result r = HttpProbe.get(ctx.connections(), ctx.clock(), ctx.timeout(), uri, Map.of("Authorization", "Bearer "));
    Map<String, String> values = new LinkedHashMap<>();
    r.record(values);
    if (!r.answered()) {
      return Observation.failed(ID, "no answer from " + uri.getHost() + ": " + r.describe(), values);
    }
    List<String> texts = new ArrayList<>();
    ServiceError.json(r.body()).flatMap(ServiceError::description).ifPresent(texts::add);
    List<WwwAuthenticate.Challenge> challenges = WwwAuthenticate.parse(r.headers("WWW-Authenticate"));
    if (!challenges.isEmpty()) {
      values.put("schemes", String.join(",", WwwAuthenticate.schemes(challenges)));
    }
    Optional<String> realm = challenges.stream().filter(c -> "bearer".equalsIgnoreCase(c.scheme()))
        .map(c -> c.param("realm")).flatMap(Optional::stream).filter(s -> !s.isBlank()).findFirst();
    if (r.status() == 429 || r.status() >= 500) {
      return Observation.failed(ID, uri.getHost() + " answered " + r.describe(), values, texts);
    }
    if (realm.isEmpty()) {
      String why = challenges.isEmpty() ? "no authentication challenge" : "no Bearer realm in the challenge";
      return Observation.collected(ID, uri.getHost() + " answered " + r.describe() + " with " + why
          + (r.shape() == Shape.HTML ? ": not SharePoint answering (a portal or a filtering proxy?)" : ""), values, texts);
    }
    values.put("realm", realm.get());
    Optional<String> tenant = tenantId(ctx);
    tenant.ifPresent(t -> values.put("realm-matches", t.equalsIgnoreCase(realm.get()) ? "yes" : "no"));
    String summary = uri.getHost() + " belongs to tenant " + realm.get()
        + tenant.map(t -> t.equalsIgnoreCase(realm.get()) ? ", the profile's" : ", not " + t).orElse("");
    return Observation.collected(ID, summary, values, texts);
  }

  /** The tenant to compare with: the profile's when a GUID, else the one the tenant probe found. */
  private static Optional<String> tenantId(ProbeContext ctx) {
    String t = ctx.profile().tenantId();
    if (Names.isGuid(t)) {
      return Optional.of(t.strip().toLowerCase(Locale.ROOT));
    }
    return ctx.earlier(TenantProbe.ID).map(o -> o.value("tenant-id")).filter(Names::isGuid);
  }
}
