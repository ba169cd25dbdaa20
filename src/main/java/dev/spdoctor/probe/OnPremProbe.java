package dev.spdoctor.probe;

import dev.spdoctor.probe.net.HttpProbe;
import dev.spdoctor.probe.net.Names;
import dev.spdoctor.probe.net.WwwAuthenticate;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * On-premises reachability: the server URL and Central Administration, fetched without credentials
 * for their status and the authentication schemes they offer (docs/probes.md, {@code onprem}).
 */
public final class OnPremProbe implements Probe {
  public static final String ID = "onprem";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "On-premises server reachability";
  }

  private record Target(String prefix, String label, URI uri) {}

  private static List<Target> targets(ProbeContext ctx) {
    List<Target> out = new ArrayList<>();
    if (ctx.profile().online() || ctx.profile().sharePoint() == null) {
      return out;
    }
    URI server = Names.url(ctx.profile().sharePoint().url());
    if (server != null) {
      out.add(new Target("server", "the server", server));
    }
    URI ca = Names.url(ctx.profile().sharePoint().centralAdminUrl());
    if (ca != null) {
      out.add(new Target("central-admin", "Central Administration", ca));
    }
    return out;
  }

  @Override
  public List<PlannedRequest> plan(ProbeContext context) {
    return targets(context).stream()
        .map(t -> new PlannedRequest(ID, "GET", t.uri().toString(), t.label() + " answers, and which sign-in it offers"))
        .toList();
  }

  @Override
  public Observation run(ProbeContext ctx) throws InterruptedException {
    if (ctx.profile().online()) {
      return Observation.notCollected(ID, "SharePoint Online: no on-premises server to check");
    }
    List<Target> targets = targets(ctx);
    if (targets.isEmpty()) {
      return Observation.notCollected(ID, "the profile has no usable server or Central Administration URL");
    }
    Map<String, String> values = new LinkedHashMap<>();
    List<String> parts = new ArrayList<>();
    String firstError = null;
    boolean any = false;
    for (Target t : targets) {
      HttpProbe.Result r = HttpProbe.get(ctx.connections(), ctx.clock(), ctx.timeout(), t.uri(), Map.of());
      if (r.answered()) {
        any = true;
        values.put(t.prefix() + "-status", Integer.toString(r.status()));
        List<String> schemes = WwwAuthenticate.schemes(WwwAuthenticate.parse(r.headers("WWW-Authenticate")));
        if (!schemes.isEmpty()) {
          values.put(t.prefix() + "-schemes", String.join(",", schemes));
        }
        if (r.skewSeconds() != null) {
          values.putIfAbsent("date-skew-seconds", Long.toString(r.skewSeconds()));
        }
        parts.add(t.label() + ": HTTP " + r.status() + (schemes.isEmpty() ? "" : " offering " + String.join(", ", schemes)));
      } else {
        values.put(t.prefix() + "-status", r.failure().kind());
        if (firstError == null) {
          firstError = r.failure().kind();
        }
        parts.add(t.label() + ": " + r.describe());
      }
      values.put(t.prefix() + "-reachable", r.answered() ? "yes" : "no");
    }
    String summary = String.join("; ", parts);
    if (!any) {
      values.put("net-error", firstError);
      return Observation.failed(ID, summary, values);
    }
    return Observation.collected(ID, summary, values);
  }
}
