package dev.spdoctor.probe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.probe.net.HttpProbe;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.spdoctor.probe.testing.Stubs;
import dev.spdoctor.profile.Profile;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TenantProbeTest {
  static final String PATH = "/" + Stubs.TENANT_ID + "/v2.0/.well-known/openid-configuration";
  static final String DISCOVERY = "{\"token_endpoint\":\"https://login.microsoftonline.com/" + Stubs.TENANT_ID
      + "/oauth2/v2.0/token\",\"issuer\":\"https://login.microsoftonline.com/" + Stubs.TENANT_ID + "/v2.0\","
      + "\"tenant_region_scope\":\"EU\",\"cloud_instance_name\":\"microsoftonline.com\","
      + "\"cloud_graph_host_name\":\"graph.windows.net\",\"msgraph_host\":\"graph.microsoft.com\"}";
  static final String NOT_FOUND = "{\"error\":\"invalid_tenant\",\"error_description\":\"AADSTS90002: Tenant '"
      + Stubs.TENANT_ID + "' not found. Check to make sure you have the correct tenant ID and are signing into the correct"
      + " cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the"
      + " tenant.\\r\\nTrace ID: 0b8f3a1e-2f4c-4d9a-9b1e-7c6d5e4f3a21\\r\\nCorrelation ID: 5d2c1b0a-9e8f-4a7b-8c6d-1e2f3a4b5c6d"
      + "\\r\\nTimestamp: 2023-08-17 04:54:12Z\",\"error_codes\":[90002],\"timestamp\":\"2023-08-17 04:54:12Z\","
      + "\"trace_id\":\"0b8f3a1e-2f4c-4d9a-9b1e-7c6d5e4f3a21\",\"correlation_id\":\"5d2c1b0a-9e8f-4a7b-8c6d-1e2f3a4b5c6d\","
      + "\"error_uri\":\"https://login.microsoftonline.com/error?code=90002\"}";
  @RegisterExtension static final Stubs stubs = Stubs.start();

  private static void answer(ResponseDefinitionBuilder response) {
    stubs.wireMock().stubFor(get(urlEqualTo(PATH)).withHost(equalTo("login.microsoftonline.com")).willReturn(response));
  }

  private static Observation run(Profile p) throws InterruptedException {
    return new TenantProbe().run(NetFixtures.context(p));
  }

  @Test
  void existingTenantGivesItsIdAndCloud() throws Exception {
    answer(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(DISCOVERY));
    Observation o = run(stubs.profile());
    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values()).containsEntry("exists", "yes").containsEntry("tenant-id", Stubs.TENANT_ID)
        .containsEntry("cloud-instance", "microsoftonline.com").containsEntry("http-status", "200")
        .containsEntry("shape", "json").doesNotContainKey("aadsts");
    assertThat(o.texts()).isEmpty();
    assertThat(stubs.proxy().connects()).containsExactly("login.microsoftonline.com:443");
  }

  @Test
  void unknownTenantIsAadsts90002WithTheDescriptionAsText() throws Exception {
    answer(aResponse().withStatus(400).withHeader("Content-Type", "application/json; charset=utf-8").withBody(NOT_FOUND));
    Observation o = run(stubs.profile());
    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values()).containsEntry("exists", "no").containsEntry("aadsts", "90002").containsEntry("http-status", "400");
    assertThat(o.texts()).singleElement().asString().startsWith("AADSTS90002: Tenant '").contains("Trace ID:");
  }

  @Test
  void htmlPageAt200IsCollectedAsHtmlNotACrash() throws Exception {
    answer(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("<!DOCTYPE html><html><head><title>Welcome to Hotel WiFi</title></head><body>Accept</body></html>"));
    Observation o = run(stubs.profile());
    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values()).containsEntry("shape", "html").containsEntry("http-status", "200").doesNotContainKey("exists");
    assertThat(o.summary()).contains("captive portal");
  }

  @Test
  void serviceUnavailableFails() throws Exception {
    answer(aResponse().withStatus(503).withBody("Service Unavailable"));
    Observation o = run(stubs.profile());
    assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(o.values()).containsEntry("http-status", "503").containsEntry("shape", "text").doesNotContainKey("exists");
  }

  @Test
  void throttledFailsWithRetryAfter() throws Exception {
    answer(aResponse().withStatus(429).withHeader("Retry-After", "17"));
    Observation o = run(stubs.profile());
    assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(o.values()).containsEntry("http-status", "429").containsEntry("retry-after", "17").containsEntry("shape", "empty");
  }

  @Test
  void jsonCutShortAtTheCapFailsAsUnreadable() throws Exception {
    answer(aResponse().withStatus(200).withBody("{\"issuer\":\"" + "x".repeat(HttpProbe.BODY_CAP + 10) + "\"}"));
    Observation o = run(stubs.profile());
    assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(o.values()).containsEntry("body-truncated", "yes").containsEntry("shape", "json").doesNotContainKey("exists");
    assertThat(o.summary()).contains("cut short");
  }

  @Test
  void malformedChunkFails() throws Exception {
    answer(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
    for (int i = 0; i < 5; i++) {
      Observation o = run(stubs.profile());
      assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(o.values()).satisfiesAnyOf(v -> assertThat(v).containsEntry("net-error", "io"),
          v -> assertThat(v).containsEntry("body-truncated", "yes").containsEntry("http-status", "200"));
      assertThat(o.values()).doesNotContainKey("exists");
    }
  }

  @Test
  void connectionResetFailsAsClosed() throws Exception {
    answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    Observation o = run(stubs.profile());
    assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(o.values()).containsEntry("net-error", "closed");
  }

  @Test
  void slowAnswerTimesOutWithinTheProfileLimit() throws Exception {
    answer(aResponse().withFixedDelay(3000).withBody(DISCOVERY));
    long t = System.nanoTime();
    Observation o = run(NetFixtures.withTimeout(stubs.profile(), Duration.ofMillis(500)));
    assertThat((System.nanoTime() - t) / 1_000_000).isLessThan(2500);
    assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(o.values()).containsEntry("net-error", "timeout");
  }

  @Test
  void untrustedCertificateFailsAsTlsUntrusted() throws Exception {
    try (Stubs untrusted = Stubs.startUntrusted()) {
      Observation o = run(NetFixtures.withNetwork(stubs.profile(), untrusted.network()));
      assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(o.values()).containsEntry("net-error", "tls-untrusted");
    }
  }

  @Test
  void proxyAsking407FailsAsProxyAuth() throws Exception {
    stubs.proxy().requireAuth(true);
    Observation o = run(stubs.profile());
    assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(o.values()).containsEntry("net-error", "proxy-auth");
  }

  @Test
  void missingOrMalformedTenantIsNotCollected() throws Exception {
    assertThat(run(NetFixtures.withTenant(stubs.profile(), null)).outcome()).isEqualTo(Outcome.NOT_COLLECTED);
    Observation o = run(NetFixtures.withTenant(stubs.profile(), "not a tenant!"));
    assertThat(o.outcome()).isEqualTo(Outcome.NOT_COLLECTED);
    assertThat(stubs.wireMock().getAllServeEvents()).isEmpty();
  }

  @Test
  void planNamesTheDiscoveryUrlAndSendsNothing() {
    var plan = new TenantProbe().plan(NetFixtures.context(NetFixtures.withTenant(stubs.profile(), "contoso.onmicrosoft.com")));
    assertThat(plan).singleElement().satisfies(r -> {
      assertThat(r.method()).isEqualTo("GET");
      assertThat(r.target()).isEqualTo(
          "https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration");
    });
    assertThat(stubs.proxy().connects()).isEmpty();
  }
}
