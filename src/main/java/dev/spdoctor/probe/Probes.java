package dev.spdoctor.probe;

import dev.spdoctor.facts.ProbeRun;
import java.util.ArrayList;
import java.util.List;

/**
 * Every probe, in the stages they run in (docs/probes.md). A stage's probes run side by side;
 * later stages read what earlier ones observed.
 */
public final class Probes {
  private Probes() {}

  /** The stages: offline checks; DNS, TLS, tenant and on-premises; token and SharePoint; Graph; clock. */
  public static List<List<Probe>> stages() {
    return List.of(
        List.of(new ProfileProbe(), new CertificateProbe()),
        List.of(new DnsProbe(), new NxdomainProbe(), new TlsProbe(), new TenantProbe(), new OnPremProbe()),
        List.of(new TokenProbe(), new SharePointProbe()),
        List.of(new GraphProbe()),
        List.of(new ClockProbe()));
  }

  /** The requests a live run would send, in order, without sending any. */
  public static List<PlannedRequest> plan(List<List<Probe>> stages, ProbeContext context) {
    List<PlannedRequest> out = new ArrayList<>();
    for (List<Probe> stage : stages) {
      for (Probe p : stage) {
        if (p.network()) {
          out.addAll(p.plan(context));
        }
      }
    }
    return out;
  }

  /** Observations as the rules take them. */
  public static List<ProbeRun> runs(List<Observation> observations) {
    return observations.stream()
        .map(o -> new ProbeRun(o.probe(), o.outcome().label(), o.summary(), o.values(), o.millis()))
        .toList();
  }

  /** The error texts services returned, for the signatures. */
  public static List<String> texts(List<Observation> observations) {
    List<String> out = new ArrayList<>();
    observations.forEach(o -> out.addAll(o.texts()));
    return out;
  }
}
