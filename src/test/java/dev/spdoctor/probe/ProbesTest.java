package dev.spdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.probe.net.Connections;
import dev.spdoctor.profile.Cloud;
import dev.spdoctor.profile.Profile;
import dev.spdoctor.profile.ProfileLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Which probes are offline is said once, by {@link Probe.Offline}: those send nothing, plan
 * nothing and run without {@code --live}; every other probe counts as a network probe.
 */
class ProbesTest {
  private static List<Probe> all() {
    return Probes.stages().stream().flatMap(List::stream).toList();
  }

  private static ProbeContext context(String profile) throws Exception {
    Profile p = ProfileLoader.load(Path.of("fixtures/profiles", profile));
    return new ProbeContext(p, Connections.of(p.network()), (ref, what) -> new char[0], Clock.systemUTC());
  }

  @Test
  void theOfflineProbesAreTheFirstStageAndOnlyThose() {
    assertThat(Probes.stages().get(0)).allMatch(p -> p instanceof Probe.Offline);
    Map<String, Boolean> network = all().stream().collect(Collectors.toMap(Probe::id, Probe::network));
    assertThat(network).containsEntry("profile", false).containsEntry("certificate", false);
    assertThat(network.entrySet()).filteredOn(e -> !e.getValue()).hasSize(2);
    for (Probe p : all()) {
      assertThat(p.network()).as(p.id()).isEqualTo(!(p instanceof Probe.Offline));
    }
  }

  @Test
  void offlineProbesPlanNothingAndTheNetworkProbesPlanTheirRequests() throws Exception {
    for (String profile : List.of("contoso-online.yaml", "fabrikam-onprem.yaml")) {
      ProbeContext ctx = context(profile);
      for (Probe p : all()) {
        if (!p.network()) {
          assertThat(p.plan(ctx)).as(p.id()).isEmpty();
        }
      }
      List<PlannedRequest> plan = Probes.plan(Probes.stages(), ctx);
      assertThat(plan).as(profile).isNotEmpty();
      assertThat(plan).extracting(PlannedRequest::probe).doesNotContain("profile", "certificate");
    }
  }

  @Test
  void theProfileProbeAndTheTenantProbeAcceptTheSameTenantIds() {
    for (String tenant : List.of("3c8a7f12-6b4e-4d91-a0c5-e27f1b9d8a64", "contoso.onmicrosoft.com", "contoso.com",
        "contoso.com.", "contoso", "-contoso.com", "contoso-.com", "contoso.c0m", "a.b", "contoso@contoso.com",
        "{3c8a7f12-6b4e-4d91-a0c5-e27f1b9d8a64}", "'contoso.com'", "x".repeat(64) + ".com",
        ("abcdefghij".repeat(6) + ".").repeat(4) + "com", "https://login.microsoftonline.com/contoso.com")) {
      Profile p = new Profile(Path.of("p.yaml"), null, "online",
          new Profile.SharePoint("https://contoso.sharepoint.com", null, null), "manual", null,
          "9d3e5f71-0a2b-4c6d-8e9f-a1b2c3d4e5f6", tenant, null, null, null, null, Cloud.GLOBAL, Profile.Endpoints.NONE,
          Profile.Network.DEFAULTS);
      ProbeContext ctx = new ProbeContext(p, Connections.of(p.network()), (ref, what) -> new char[0], Clock.systemUTC());
      String format = new ProfileProbe().observe(p).value("tenant-id-format");
      boolean planned = !new TenantProbe().plan(ctx).isEmpty();
      assertThat(planned).as(tenant + " (" + format + ")").isEqualTo(format.equals("guid") || format.equals("domain"));
    }
  }

  @Test
  void withoutLiveOnlyTheOfflineProbesRun() throws Exception {
    ProbeContext ctx = context("contoso-online.yaml");
    Map<String, Observation> seen = new ProbeRunner(false).run(Probes.stages(), ctx, ProbeRunner.Listener.NONE)
        .stream().collect(Collectors.toMap(Observation::probe, Function.identity()));
    assertThat(seen).hasSize(all().size());
    for (Probe p : all()) {
      Observation o = seen.get(p.id());
      if (p.network()) {
        assertThat(o.outcome()).as(p.id()).isEqualTo(Outcome.NOT_COLLECTED);
        assertThat(o.summary()).as(p.id()).startsWith("needs the network");
      } else {
        assertThat(o.summary()).as(p.id()).doesNotContain("needs the network");
      }
    }
    assertThat(seen.get("profile").outcome()).isEqualTo(Outcome.COLLECTED);
  }
}
