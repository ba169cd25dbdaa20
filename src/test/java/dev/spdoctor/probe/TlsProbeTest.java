package dev.spdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.probe.testing.Stubs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TlsProbeTest {
  @RegisterExtension static final Stubs stubs = Stubs.start();

  @Test
  void trustedCertificateNamingTheHost() throws Exception {
    Observation o = new TlsProbe().run(NetFixtures.context(stubs.profile()));
    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values()).containsEntry("host", "login.microsoftonline.com").containsEntry("trusted", "yes")
        .containsEntry("issuer", "CN=spdoctor test CA").containsEntry("hostname-matches", "yes")
        .containsEntry("proxy", stubs.proxy().url()).doesNotContainKey("proxy-status");
    assertThat(stubs.proxy().connects()).containsExactly("login.microsoftonline.com:443");
    assertThat(stubs.wireMock().getAllServeEvents()).isEmpty();
  }

  @Test
  void untrustedCertificateIsReportedWithItsIssuer() throws Exception {
    try (Stubs untrusted = Stubs.startUntrusted()) {
      Observation o = new TlsProbe().run(NetFixtures.context(NetFixtures.withNetwork(stubs.profile(), untrusted.network())));
      assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
      assertThat(o.values()).containsEntry("trusted", "no").containsEntry("issuer", "CN=untrusted stub")
          .containsEntry("hostname-matches", "yes");
      assertThat(o.summary()).contains("NOT trusted");
    }
  }

  @Test
  void onPremisesChecksTheServerNotMicrosoft() throws Exception {
    var https = NetFixtures.onPrem(stubs.profile(), "https://sp.corp.example", "https://sp.corp.example:2013");
    Observation o = new TlsProbe().run(NetFixtures.context(https));
    assertThat(o.values()).containsEntry("host", "sp.corp.example").containsEntry("trusted", "yes");
    assertThat(stubs.proxy().connects()).containsExactly("sp.corp.example:443");

    stubs.proxy().clear();
    var http = NetFixtures.onPrem(stubs.profile(), "http://sp.corp.example", "http://sp.corp.example:2013");
    Observation none = new TlsProbe().run(NetFixtures.context(http));
    assertThat(none.outcome()).isEqualTo(Outcome.NOT_COLLECTED);
    assertThat(none.summary()).contains("http");
    assertThat(new TlsProbe().plan(NetFixtures.context(http))).isEmpty();
    assertThat(stubs.proxy().connects()).isEmpty();
  }

  @Test
  void certificateNotNamingTheHostIsAMismatch() throws Exception {
    var p = NetFixtures.withLogin(stubs.profile(), "https://login.other.example");
    Observation o = new TlsProbe().run(NetFixtures.context(p));
    assertThat(o.values()).containsEntry("host", "login.other.example").containsEntry("trusted", "yes")
        .containsEntry("hostname-matches", "no");
  }

  @Test
  void proxyRefusingConnectWith407() throws Exception {
    stubs.proxy().requireAuth(true);
    Observation o = new TlsProbe().run(NetFixtures.context(stubs.profile()));
    assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(o.values()).containsEntry("proxy-status", "407").containsEntry("net-error", "proxy-auth")
        .doesNotContainKey("trusted");
  }

  @Test
  void closedPortWithoutProxyIsRefused() throws Exception {
    int port;
    try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    var p = NetFixtures.withLogin(NetFixtures.contoso(NetFixtures.network(null, null, Stubs.pki("ca.pem"),
        java.time.Duration.ofSeconds(2))), "https://127.0.0.1:" + port);
    Observation o = new TlsProbe().run(NetFixtures.context(p));
    assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(o.values()).containsEntry("net-error", "refused").containsEntry("proxy", "none");
  }

  @Test
  void planNamesTheHostAndTheProxy() {
    assertThat(new TlsProbe().plan(NetFixtures.context(stubs.profile()))).singleElement().satisfies(r -> {
      assertThat(r.host()).isEqualTo("login.microsoftonline.com");
      assertThat(r.purpose()).contains(stubs.proxy().url());
    });
  }
}
