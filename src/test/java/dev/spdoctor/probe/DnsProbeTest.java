package dev.spdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.probe.testing.DnsStub;
import dev.spdoctor.profile.Profile;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DnsProbeTest {
  @RegisterExtension static final DnsStub dns = DnsStub.perTestClass();

  /** An online profile for contoso asking the stub resolver, without a proxy (nothing is fetched). */
  static Profile online(String dnsServer, Duration timeout) {
    return NetFixtures.contoso(NetFixtures.network(null, dnsServer, null, timeout));
  }

  private static Observation run(Profile p) throws InterruptedException {
    return new DnsProbe().run(NetFixtures.context(p));
  }

  @Test
  void honestResolverGivesEveryHostsAddresses() throws Exception {
    dns.add("contoso.sharepoint.com", "13.107.136.10").add("contoso-admin.sharepoint.com", "13.107.136.11")
        .add("login.microsoftonline.com", "20.190.160.1").add("graph.microsoft.com", "20.190.160.2");
    Observation o = run(online(dns.address(), Duration.ofSeconds(2)));
    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values()).containsEntry("resolver", dns.address()).containsEntry("sharepoint", "13.107.136.10")
        .containsEntry("admin", "13.107.136.11").containsEntry("login", "20.190.160.1")
        .containsEntry("graph", "20.190.160.2").containsEntry("sharepoint-resolves", "yes");
    assertThat(dns.asked()).contains("contoso.sharepoint.com./A");
  }

  @Test
  void unknownSharePointHostIsNxdomain() throws Exception {
    dns.add("login.microsoftonline.com", "20.190.160.1");
    Observation o = run(online(dns.address(), Duration.ofSeconds(2)));
    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values()).containsEntry("sharepoint", "nxdomain").containsEntry("sharepoint-resolves", "no")
        .containsEntry("login", "20.190.160.1");
  }

  @Test
  void hijackingResolverAnswersEveryName() throws Exception {
    dns.hijack("198.51.100.7");
    Observation o = run(online(dns.address(), Duration.ofSeconds(2)));
    assertThat(o.values()).containsEntry("sharepoint", "198.51.100.7").containsEntry("graph", "198.51.100.7");
  }

  @Test
  void silentResolverTimesOutWithinTheLimit() throws Exception {
    dns.mode(DnsStub.Mode.SILENT);
    long t = System.nanoTime();
    Observation o = run(online(dns.address(), Duration.ofMillis(400)));
    assertThat((System.nanoTime() - t) / 1_000_000).isLessThan(1500);
    assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(o.values()).containsEntry("sharepoint", "timeout").containsEntry("login", "timeout")
        .containsEntry("sharepoint-resolves", "no");
  }

  @Test
  void onPremisesHostsUseTheSystemResolverAndIpLiteralsAreThemselves() throws Exception {
    Profile p = NetFixtures.onPrem(online(null, Duration.ofSeconds(2)), "https://localhost", "http://127.0.0.1:2013");
    Observation o = run(p);
    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values()).containsEntry("resolver", "system").containsEntry("central-admin", "127.0.0.1")
        .containsEntry("server-resolves", "yes").doesNotContainKeys("sharepoint", "login");
    assertThat(new DnsProbe().plan(NetFixtures.context(p))).extracting(PlannedRequest::target).containsExactly("localhost");
  }

  @Test
  void unusableDnsServerFails() throws Exception {
    Observation o = run(online("127.0.0.1:99999", Duration.ofSeconds(1)));
    assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(o.summary()).contains("network.dns-server");
  }

  @Test
  void profileWithoutHostsIsNotCollected() throws Exception {
    Profile p = NetFixtures.onPrem(online(dns.address(), Duration.ofSeconds(1)), null, null);
    assertThat(run(p).outcome()).isEqualTo(Outcome.NOT_COLLECTED);
  }

  @Test
  void planListsEveryHostWithoutAsking() {
    var plan = new DnsProbe().plan(NetFixtures.context(online(dns.address(), Duration.ofSeconds(1))));
    assertThat(plan).extracting(PlannedRequest::target).containsExactly("contoso.sharepoint.com",
        "contoso-admin.sharepoint.com", "login.microsoftonline.com", "graph.microsoft.com");
    assertThat(dns.asked()).isEmpty();
  }
}
