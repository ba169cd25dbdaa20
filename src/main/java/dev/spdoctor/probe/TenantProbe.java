package dev.spdoctor.probe;

import dev.spdoctor.probe.net.HttpProbe;
import dev.spdoctor.probe.net.Names;
import dev.spdoctor.probe.net.ServiceError;
import dev.spdoctor.probe.net.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/** The tenant's OpenID discovery document: does the tenant exist, in which cloud (docs/probes.md, {@code tenant}). */
public final class TenantProbe implements Probe {
  public static final String ID = "tenant";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Tenant discovery document";
  }

  @Override
  public List<PlannedRequest> plan(ProbeContext context) {
    return PlannedRequest.get(ID, target(context), "does the tenant exist, in which cloud");
  }

  private static URI target(ProbeContext ctx) {
    String t = ctx.profile().tenantId();
    if (!(Names.isGuid(t) || Names.isDomain(t)) || Names.url(ctx.profile().loginBase()) == null) {
      return null;
    }
    return Names.under(ctx.profile().loginBase(), "/" + t.strip() + "/v2.0/.well-known/openid-configuration");
  }

  @Override
  public Observation run(ProbeContext ctx) throws InterruptedException {
    String t = ctx.profile().tenantId();
    if (t == null || t.isBlank()) {
      return Observation.notCollected(ID, "the profile has no tenant-id");
    }
    if (!(Names.isGuid(t) || Names.isDomain(t))) {
      return Observation.notCollected(ID, "the tenant-id is neither a GUID nor a domain name");
    }
    URI uri = target(ctx);
    if (uri == null) {
      return Observation.notCollected(ID, "the sign-in endpoint is not a URL: " + ctx.profile().loginBase());
    }
    HttpProbe.Result r = HttpProbe.get(ctx.connections(), ctx.clock(), ctx.timeout(), uri, Map.of("Accept", "application/json"));
    Map<String, String> values = new LinkedHashMap<>();
    r.record(values);
    if (!r.answered()) {
      return Observation.failed(ID, "no answer from " + uri.getHost() + ": " + r.describe(), values);
    }
    Optional<JsonNode> json = ServiceError.json(r.body());
    List<String> texts = new ArrayList<>();
    json.flatMap(ServiceError::description).ifPresent(texts::add);
    json.flatMap(ServiceError::aadsts).ifPresent(code -> values.put("aadsts", code));
    if (r.status() == 429 || r.status() >= 500) {
      return Observation.failed(ID, uri.getHost() + " answered " + r.describe(), values, texts);
    }
    if (json.isEmpty()) {
      if (r.shape() == Shape.JSON || r.truncated() && r.shape() != Shape.HTML) {
        return Observation.failed(ID, uri.getHost() + " answered " + r.describe() + " that cannot be read", values, texts);
      }
      return Observation.collected(ID, uri.getHost() + " answered " + r.describe()
          + " instead of the discovery document" + (r.shape() == Shape.HTML
              ? ": a captive portal, a filtering proxy or a resolver that sends sign-in elsewhere" : ""), values, texts);
    }
    JsonNode doc = json.get();
    Optional<String> issuer = ServiceError.text(doc, "issuer");
    if (r.status() == 200 && issuer.isPresent()) {
      values.put("exists", "yes");
      Matcher m = Names.GUID.matcher(issuer.get());
      if (m.find()) {
        values.put("tenant-id", m.group().toLowerCase(java.util.Locale.ROOT));
      }
      ServiceError.text(doc, "cloud_instance_name").ifPresent(c -> values.put("cloud-instance", c));
      return Observation.collected(ID, "tenant " + values.getOrDefault("tenant-id", t.strip()) + " exists"
          + (values.containsKey("cloud-instance") ? " in " + values.get("cloud-instance") : ""), values, texts);
    }
    if ("90002".equals(values.get("aadsts"))) {
      values.put("exists", "no");
      return Observation.collected(ID, "tenant " + t.strip() + " not found (AADSTS90002) at " + uri.getHost(), values, texts);
    }
    return Observation.collected(ID, uri.getHost() + " answered " + r.describe()
        + (values.containsKey("aadsts") ? " with AADSTS" + values.get("aadsts") : ""), values, texts);
  }
}
