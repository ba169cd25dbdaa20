package dev.spdoctor.probe;

import java.net.URI;
import java.util.List;

/**
 * A request a probe would send, as {@code --dry-run} lists it.
 *
 * @param probe the probe id
 * @param method {@code GET}, {@code POST}, or {@code DNS A} / {@code TCP} for non-HTTP probes
 * @param target the URL, or the host name for DNS
 * @param purpose what the answer tells, in a few words
 */
public record PlannedRequest(String probe, String method, String target, String purpose) {
  /** The one GET a probe plans to {@code target}, or none when it has no target (the profile lacks what it needs). */
  public static List<PlannedRequest> get(String probe, URI target, String purpose) {
    return target == null ? List.of() : List.of(new PlannedRequest(probe, "GET", target.toString(), purpose));
  }

  /** The host the request goes to (for a URL its host, for DNS the name looked up). */
  public String host() {
    if (target.contains("://")) {
      String h = URI.create(target).getHost();
      return h == null ? target : h;
    }
    return target;
  }
}
