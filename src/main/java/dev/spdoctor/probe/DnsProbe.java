package dev.spdoctor.probe;

import dev.spdoctor.probe.net.DnsLookup;
import dev.spdoctor.probe.net.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Name resolution of the hosts the profile names (docs/probes.md, {@code dns}). */
public final class DnsProbe implements Probe {
  public static final String ID = "dns";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Name resolution";
  }

  /** The hosts by their key: sharepoint, admin, login, graph (online); server, central-admin (on-premises). */
  static Map<String, String> hosts(ProbeContext ctx) {
    Map<String, String> out = new LinkedHashMap<>();
    var p = ctx.profile();
    var sp = p.sharePoint();
    if (p.online()) {
      put(out, "sharepoint", sp == null ? null : Names.host(sp.url()));
      put(out, "admin", sp == null ? null : Names.host(sp.adminUrl()));
      put(out, "login", Names.host(p.loginBase()));
      put(out, "graph", Names.host(p.graphBase()));
    } else {
      put(out, "server", sp == null ? null : Names.host(sp.url()));
      put(out, "central-admin", sp == null ? null : Names.host(sp.centralAdminUrl()));
    }
    return out;
  }

  private static void put(Map<String, String> out, String key, String host) {
    if (host != null) {
      out.put(key, host);
    }
  }

  @Override
  public List<PlannedRequest> plan(ProbeContext context) {
    List<PlannedRequest> out = new ArrayList<>();
    String via = context.profile().network().dnsServer() == null ? "the system resolver"
        : context.profile().network().dnsServer();
    hosts(context).forEach((key, host) -> {
      if (!Names.isIpLiteral(host)) {
        out.add(new PlannedRequest(ID, "DNS A", host, "the " + key + " host's addresses, asking " + via));
      }
    });
    return out;
  }

  @Override
  public Observation run(ProbeContext ctx) throws InterruptedException {
    Map<String, String> hosts = hosts(ctx);
    if (hosts.isEmpty()) {
      return Observation.notCollected(ID, "the profile names no host");
    }
    DnsLookup lookup;
    try {
      lookup = DnsLookup.of(ctx.profile().network(), ctx.timeout());
    } catch (IllegalArgumentException e) {
      return Observation.failed(ID, e.getMessage(), Map.of());
    }
    Map<String, DnsLookup.Answer> answers = lookup.lookUp(new ArrayList<>(hosts.values()));
    Map<String, String> values = new LinkedHashMap<>();
    values.put("resolver", lookup.resolver());
    List<String> parts = new ArrayList<>();
    boolean anyAnswer = false;
    for (Map.Entry<String, String> h : hosts.entrySet()) {
      DnsLookup.Answer a = answers.get(h.getValue());
      values.put(h.getKey(), a.value());
      parts.add(h.getValue() + " " + a.value());
      anyAnswer |= !"timeout".equals(a.kind());
    }
    String main = ctx.profile().online() ? "sharepoint" : "server";
    if (hosts.containsKey(main)) {
      values.put(main + "-resolves", answers.get(hosts.get(main)).resolved() ? "yes" : "no");
    }
    String summary = "asked " + lookup.resolver() + ": " + String.join("; ", parts);
    if (!anyAnswer) {
      return Observation.failed(ID, "no answer from " + lookup.resolver() + " within " + ctx.timeout().toMillis()
          + " ms", values);
    }
    return Observation.collected(ID, summary, values);
  }
}
