package dev.spdoctor.probe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.probe.testing.Stubs;
import dev.spdoctor.profile.Profile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OnPremProbeTest {
  @RegisterExtension static final Stubs stubs = Stubs.start();

  @Test
  void serverOfferingNtlmAndNegotiateIsReachable() throws Exception {
    stubs.wireMock().stubFor(get(urlEqualTo("/")).withHost(equalTo("sp.corp.example")).willReturn(aResponse()
        .withStatus(401).withHeader("WWW-Authenticate", "NTLM").withHeader("WWW-Authenticate", "Negotiate")
        .withHeader("Date", "Mon, 01 Jan 2024 00:00:00 GMT")));
    stubs.wireMock().stubFor(get(urlEqualTo("/")).withHost(equalTo("ca.corp.example"))
        .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Negotiate")));
    Profile p = NetFixtures.onPrem(stubs.profile(), "https://sp.corp.example", "https://ca.corp.example:443");
    Observation o = new OnPremProbe().run(NetFixtures.context(p));
    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values()).containsEntry("server-status", "401").containsEntry("server-schemes", "NTLM,Negotiate")
        .containsEntry("server-reachable", "yes").containsEntry("central-admin-status", "401")
        .containsEntry("central-admin-schemes", "Negotiate").containsEntry("central-admin-reachable", "yes")
        .containsKey("date-skew-seconds");
    assertThat(stubs.wireMock().getAllServeEvents()).allSatisfy(e ->
        assertThat(e.getRequest().containsHeader("Authorization")).isFalse());
  }

  @Test
  void closedPortIsRefusedAndUnreachable() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Profile p = NetFixtures.onPrem(NetFixtures.contoso(NetFixtures.network(null, null, Stubs.pki("ca.pem"),
        Duration.ofSeconds(2))), "https://127.0.0.1:" + port, null);
    Observation o = new OnPremProbe().run(NetFixtures.context(p));
    assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(o.values()).containsEntry("server-status", "refused").containsEntry("server-reachable", "no")
        .containsEntry("net-error", "refused").doesNotContainKey("central-admin-status");
  }

  @Test
  void onlineIsNotCollected() throws Exception {
    assertThat(new OnPremProbe().run(NetFixtures.context(stubs.profile())).outcome()).isEqualTo(Outcome.NOT_COLLECTED);
    assertThat(new OnPremProbe().plan(NetFixtures.context(stubs.profile()))).isEmpty();
  }

  @Test
  void planListsBothUrls() {
    Profile p = NetFixtures.onPrem(stubs.profile(), "https://sp.corp.example", "http://sp.corp.example:2013");
    assertThat(new OnPremProbe().plan(NetFixtures.context(p))).extracting(PlannedRequest::target)
        .containsExactly("https://sp.corp.example", "http://sp.corp.example:2013");
  }
}
