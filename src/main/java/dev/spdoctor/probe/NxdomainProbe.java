package dev.spdoctor.probe;

import dev.spdoctor.probe.net.DnsLookup;
import dev.spdoctor.probe.net.Names;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Does the resolver rewrite answers? Looks up a random name that cannot exist under the SharePoint
 * (on-premises: the server) host's parent domain; an address back means it does (docs/probes.md,
 * {@code nxdomain}).
 */
public final class NxdomainProbe implements Probe {
  public static final String ID = "nxdomain";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Supplier<String> label;

  public NxdomainProbe() {
    this(() -> {
      byte[] b = new byte[8];
      RANDOM.nextBytes(b);
      return "spdoctor-nx-" + HexFormat.of().formatHex(b);
    });
  }

  /** With the random label chosen by the caller (tests). */
  NxdomainProbe(Supplier<String> label) {
    this.label = label;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Resolver rewriting of unknown names";
  }

  /** The parent domain to ask under, or null. */
  private static String parent(ProbeContext ctx) {
    var sp = ctx.profile().sharePoint();
    String host = sp == null ? null : Names.host(sp.url());
    if (host == null || Names.isIpLiteral(host)) {
      return null;
    }
    int dot = host.indexOf('.');
    return dot < 0 || dot == host.length() - 1 ? null : host.substring(dot + 1);
  }

  @Override
  public List<PlannedRequest> plan(ProbeContext context) {
    String parent = parent(context);
    return parent == null ? List.of()
        : List.of(new PlannedRequest(ID, "DNS A", "spdoctor-nx-<random>." + parent, "does the resolver invent addresses"));
  }

  @Override
  public Observation run(ProbeContext ctx) throws InterruptedException {
    String parent = parent(ctx);
    if (parent == null) {
      return Observation.notCollected(ID, "the profile names no SharePoint host with a parent domain");
    }
    DnsLookup lookup;
    try {
      lookup = DnsLookup.of(ctx.profile().network(), ctx.timeout());
    } catch (IllegalArgumentException e) {
      return Observation.failed(ID, e.getMessage(), Map.of());
    }
    String name = label.get() + "." + parent;
    DnsLookup.Answer a = lookup.lookUp(List.of(name)).get(name);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("name", name);
    values.put("resolver", lookup.resolver());
    switch (a.kind()) {
      case "nxdomain", "no-address" -> {
        values.put("rewrites-nxdomain", "no");
        return Observation.collected(ID, lookup.resolver() + " says " + name + " does not exist, as it should", values);
      }
      case "addresses" -> {
        values.put("rewrites-nxdomain", "yes");
        values.put("answer", a.value());
        return Observation.collected(ID, lookup.resolver() + " invented " + a.value() + " for " + name
            + ": it rewrites unknown names (DNS hijacking or a captive portal)", values);
      }
      default -> {
        return Observation.failed(ID, lookup.resolver() + " gave no usable answer for " + name + ": " + a.kind(), values);
      }
    }
  }
}
