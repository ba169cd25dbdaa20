package dev.spdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.probe.testing.DnsStub;
import dev.spdoctor.profile.Profile;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NxdomainProbeTest {
  @RegisterExtension static final DnsStub dns = DnsStub.perTestClass();

  private static Profile profile(Duration timeout) {
    return NetFixtures.contoso(NetFixtures.network(null, dns.address(), null, timeout));
  }

  @Test
  void honestResolverSaysTheRandomNameDoesNotExist() throws Exception {
    dns.add("contoso.sharepoint.com", "13.107.136.10");
    Observation o = new NxdomainProbe().run(NetFixtures.context(profile(Duration.ofSeconds(2))));
    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values().get("name")).matches("spdoctor-nx-[0-9a-f]{16}\\.sharepoint\\.com");
    assertThat(o.values()).containsEntry("rewrites-nxdomain", "no").doesNotContainKey("answer");
    assertThat(dns.asked()).containsExactly(o.values().get("name") + "./A");
  }

  @Test
  void hijackingResolverIsCaughtInventingAnAddress() throws Exception {
    dns.hijack("198.51.100.7");
    Observation o = new NxdomainProbe(() -> "spdoctor-nx-fixed").run(NetFixtures.context(profile(Duration.ofSeconds(2))));
    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values()).containsEntry("name", "spdoctor-nx-fixed.sharepoint.com")
        .containsEntry("rewrites-nxdomain", "yes").containsEntry("answer", "198.51.100.7");
  }

  @Test
  void silentResolverFailsAsTimeout() throws Exception {
    dns.mode(DnsStub.Mode.SILENT);
    Observation o = new NxdomainProbe().run(NetFixtures.context(profile(Duration.ofMillis(300))));
    assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(o.summary()).contains("timeout");
    assertThat(o.values()).doesNotContainKey("rewrites-nxdomain");
  }

  @Test
  void onPremisesAsksUnderTheServersParent() {
    Profile p = NetFixtures.onPrem(profile(Duration.ofSeconds(1)), "https://sp.corp.example", null);
    assertThat(new NxdomainProbe().plan(NetFixtures.context(p))).singleElement()
        .satisfies(r -> assertThat(r.target()).isEqualTo("spdoctor-nx-<random>.corp.example"));
    assertThat(dns.asked()).isEmpty();
  }

  @Test
  void ipLiteralServerIsNotCollected() throws Exception {
    Profile p = NetFixtures.onPrem(profile(Duration.ofSeconds(1)), "https://10.1.2.3", null);
    assertThat(new NxdomainProbe().run(NetFixtures.context(p)).outcome()).isEqualTo(Outcome.NOT_COLLECTED);
  }
}
