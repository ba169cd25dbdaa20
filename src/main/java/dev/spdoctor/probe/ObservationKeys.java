package dev.spdoctor.probe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every value key each probe records, as docs/probes.md documents them. Rules
 * ({@code Observed(probe == ..., key == ...)}) and fixtures ({@code probes:}) are checked against
 * this by {@code spdoctor kb check}, so a misspelt key is reported instead of silently never
 * matching. A probe that records a new key adds it here and to docs/probes.md (a test checks both).
 */
public final class ObservationKeys {
  /** Keys every HTTP probe may record. */
  public static final List<String> HTTP =
      List.of("http-status", "shape", "date-skew-seconds", "net-error", "retry-after", "body-truncated");

  private static final Map<String, Set<String>> BY_PROBE = new LinkedHashMap<>();

  static {
    put("profile", List.of("client-id-format", "tenant-id-format", "sharepoint-url-shape", "admin-url-shape",
        "sharepoint-cloud", "cloud-matches", "cloud-instance-expected", "central-admin-url-shape", "legacy-auth-enabled",
        "legacy-account-special-characters", "legacy-account-hyphen-or-underscore", "mfa", "security-defaults"));
    put("certificate", List.of("error", "format", "has-private-key", "key-algorithm", "key-bits", "not-before",
        "not-after", "validity", "thumbprint", "thumbprint-entered", "thumbprint-matches",
        "thumbprint-invisible-characters", "key-matches-certificate", "subject"));
    put("dns", List.of("resolver", "sharepoint", "admin", "login", "graph", "server", "central-admin",
        "sharepoint-resolves", "server-resolves"));
    put("nxdomain", List.of("name", "resolver", "rewrites-nxdomain", "answer"));
    put("tls", List.of("host", "trusted", "issuer", "hostname-matches", "proxy", "proxy-status", "net-error"));
    put("tenant", concat(HTTP, List.of("exists", "tenant-id", "cloud-instance", "aadsts")));
    put("token", concat(HTTP, List.of("acquired", "aadsts", "error", "trace-id", "correlation-id", "roles",
        "roles-count", "appidacr", "aud", "tid", "tid-matches", "expires-in-seconds")));
    put("graph", concat(HTTP, List.of("odata-code", "sites-count")));
    put("sharepoint", concat(HTTP, List.of("realm", "realm-matches", "schemes")));
    put("clock", List.of("skew-seconds", "sources"));
    put("onprem", List.of("server-status", "central-admin-status", "server-schemes", "central-admin-schemes",
        "server-reachable", "central-admin-reachable", "date-skew-seconds", "net-error", "body-truncated"));
  }

  private ObservationKeys() {}

  private static void put(String probe, List<String> keys) {
    BY_PROBE.put(probe, java.util.Collections.unmodifiableSet(new TreeSet<>(keys)));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new java.util.ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** The probe ids. */
  public static Set<String> probes() {
    return BY_PROBE.keySet();
  }

  /** The keys a probe records; empty for an unknown probe. */
  public static Set<String> of(String probe) {
    return BY_PROBE.getOrDefault(probe, Set.of());
  }

  /** Whether any probe records this key. */
  public static boolean anyProbeRecords(String key) {
    return BY_PROBE.values().stream().anyMatch(s -> s.contains(key));
  }
}
