package dev.spdoctor.probe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.probe.net.Connections;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.spdoctor.probe.testing.Stubs;
import dev.spdoctor.profile.Profile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GraphProbeTest {
  /** JWT-shaped, not a real token: header {"alg":"none"}, payload with aud and roles, a fake signature. */
  static final String TOKEN = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0"
      + ".eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20iLCJyb2xlcyI6WyJTaXRlcy5SZWFkLkFsbCJdfQ"
      + ".c2lnbmF0dXJlLW5vdC1yZWFsLWRvLW5vdC1sb2c";
  static final String JSON = "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false;"
      + " charset=utf-8";
  static final String INNER = "\"innerError\":{\"date\":\"2025-03-01T10:11:12\","
      + "\"request-id\":\"5f0c8e2a-1b3d-4e6f-9a8b-7c6d5e4f3a2b\",\"client-request-id\":\"5f0c8e2a-1b3d-4e6f-9a8b-7c6d5e4f3a2b\"}";

  @RegisterExtension static final Stubs stubs = Stubs.start();

  @Test
  void sitesListedAreCountedAndTheSearchIsSentAsGraphExpectsIt() throws Exception {
    sites(ok(JSON).withHeader("Date", "Sat, 01 Mar 2025 10:07:00 GMT").withBody("""
        {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#sites","value":[
          {"createdDateTime":"2023-01-10T09:00:00Z","id":"contoso.sharepoint.com,2f6e1b0c-5d7a-4c3e-8f9b-0a1b2c3d4e5f,\
        7a8b9c0d-1e2f-4a5b-8c7d-6e5f4a3b2c1d","lastModifiedDateTime":"2025-02-27T16:02:11Z","name":"Sales",
           "webUrl":"https://contoso.sharepoint.com/sites/Sales","displayName":"Sales"},
          {"createdDateTime":"2022-05-02T12:00:00Z","id":"contoso.sharepoint.com,0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f,\
        1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d","lastModifiedDateTime":"2025-02-28T08:30:00Z","name":"contoso.sharepoint.com",
           "webUrl":"https://contoso.sharepoint.com","displayName":"Communication site"}]}"""));

    Observation o = run(context(Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), java.time.ZoneOffset.UTC)));

    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.summary()).isEqualTo("2 sites listed");
    assertThat(o.values()).containsEntry("http-status", "200").containsEntry("shape", "json")
        .containsEntry("sites-count", "2").containsEntry("date-skew-seconds", "420")
        .doesNotContainKeys("odata-code", "net-error", "retry-after");
    LoggedRequest sent = onlyRequest();
    assertThat(sent.getUrl()).isEqualTo("/v1.0/sites?search=*");
    assertThat(sent.getHost()).isEqualTo("graph.microsoft.com");
    assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(stubs.proxy().connects()).containsExactly("graph.microsoft.com:443");
    assertNoToken(o);
  }

  @Test
  void accessDeniedIsRecordedWithItsCodeAndMessage() throws Exception {
    sites(error(403, "accessDenied", "Access denied"));

    Observation o = run(context());

    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.summary()).isEqualTo("403 accessDenied: Access denied");
    assertThat(o.values()).containsEntry("http-status", "403").containsEntry("shape", "json")
        .containsEntry("odata-code", "accessDenied").doesNotContainKey("sites-count");
    assertThat(o.texts()).containsExactly("Access denied");
    assertThat(onlyRequest().getUrl()).isEqualTo("/v1.0/sites?search=*");
    assertNoToken(o);
  }

  @Test
  void insufficientPrivilegesIsRecordedWithTheDirectoryCode() throws Exception {
    sites(error(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."));

    Observation o = run(context());

    assertThat(o.values()).containsEntry("http-status", "403").containsEntry("odata-code", "Authorization_RequestDenied");
    assertThat(o.texts()).containsExactly("Insufficient privileges to complete the operation.");
    assertThat(o.summary()).isEqualTo("403 Authorization_RequestDenied: Insufficient privileges to complete the operation.");
    assertNoToken(o);
  }

  @Test
  void tokenWithoutRolesIsRecordedWithGraphsWords() throws Exception {
    sites(error(401, "InvalidAuthenticationToken", "Either scp or roles claim need to be present in the token."));

    Observation o = run(context());

    assertThat(o.values()).containsEntry("http-status", "401").containsEntry("odata-code", "InvalidAuthenticationToken");
    assertThat(o.texts()).contains("Either scp or roles claim need to be present in the token.");
    assertNoToken(o);
  }

  @Test
  void unauthorizedWithoutBodyKeepsTheChallenge() throws Exception {
    String challenge = "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\","
        + " client_id=\"00000003-0000-0000-c000-000000000000\"";
    sites(aResponse().withStatus(401).withHeader("WWW-Authenticate", challenge));

    Observation o = run(context());

    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values()).containsEntry("http-status", "401").containsEntry("shape", "empty")
        .doesNotContainKeys("odata-code", "net-error");
    assertThat(o.summary()).startsWith("401 with no body (WWW-Authenticate: Bearer realm=");
    assertThat(o.texts()).containsExactly(challenge);
    assertNoToken(o);
  }

  @Test
  void throttlingIsRecordedOnceWithRetryAfterAndNotRetried() throws Exception {
    sites(error(429, "activityLimitReached", "The request has been throttled").withHeader("Retry-After", "120"));

    long start = System.nanoTime();
    Observation o = run(context());
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values()).containsEntry("http-status", "429").containsEntry("retry-after", "120")
        .containsEntry("odata-code", "activityLimitReached");
    assertThat(o.summary()).isEqualTo("429 activityLimitReached: The request has been throttled (retry after 120 s)");
    assertThat(stubs.wireMock().getAllServeEvents()).hasSize(1);
    assertThat(millis).isLessThan(5000);
  }

  @Test
  void retryAfterAsADateBecomesSeconds() throws Exception {
    sites(error(429, "activityLimitReached", "The request has been throttled")
        .withHeader("Date", "Sat, 01 Mar 2025 10:00:00 GMT").withHeader("Retry-After", "Sat, 01 Mar 2025 10:00:30 GMT"));

    Observation o = run(context());

    assertThat(o.values()).containsEntry("retry-after", "30");
  }

  @Test
  void serviceUnavailableIsRecordedOnceWithItsCode() throws Exception {
    sites(error(503, "serviceNotAvailable", "Service unavailable").withHeader("Retry-After", "10"));

    Observation o = run(context());

    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values()).containsEntry("http-status", "503").containsEntry("odata-code", "serviceNotAvailable")
        .containsEntry("retry-after", "10").containsEntry("shape", "json");
    assertThat(stubs.wireMock().getAllServeEvents()).hasSize(1);
  }

  @Test
  void badGatewayHtmlPageIsDescribedNotThrown() throws Exception {
    sites(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
        .withBody("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>"
            + "<hr><center>nginx</center></body></html>"));

    Observation o = run(context());

    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values()).containsEntry("http-status", "502").containsEntry("shape", "html")
        .doesNotContainKeys("odata-code", "sites-count");
    assertThat(o.summary()).contains("HTML page instead of JSON").contains("502 Bad Gateway");
    assertThat(o.texts()).containsExactly("502 Bad Gateway");
  }

  @Test
  void captivePortalPageIsRecognised() throws Exception {
    sites(ok("text/html; charset=utf-8").withBody("""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Guest Wi-Fi - Sign in</title></head>
        <body><form method="post" action="/login"><input name="accept" type="checkbox"> I accept</form></body></html>"""));

    Observation o = run(context());

    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values()).containsEntry("http-status", "200").containsEntry("shape", "html")
        .doesNotContainKey("sites-count");
    assertThat(o.summary()).isEqualTo("HTTP 200: HTML page instead of JSON (captive portal or rewritten DNS?)"
        + " titled \"Guest Wi-Fi - Sign in\"");
  }

  @Test
  void htmlLabelledAsJsonIsJudgedByItsBody() throws Exception {
    sites(ok(JSON).withBody("<!DOCTYPE html><html><head><title>Blocked</title></head><body>Access to this site is"
        + " blocked by your organisation's policy.</body></html>"));

    Observation o = run(context());

    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values()).containsEntry("http-status", "200").containsEntry("shape", "html");
    assertThat(o.summary()).contains("HTML page instead of JSON");
  }

  @Test
  void redirectIsNotFollowed() throws Exception {
    sites(aResponse().withStatus(302).withHeader("Location", "http://portal.corp.example/login?orig=graph")
        .withHeader("Content-Type", "text/html").withBody("<html><head><title>Moved</title></head></html>"));

    Observation o = run(context());

    assertThat(o.values()).containsEntry("http-status", "302");
    assertThat(o.summary()).contains("portal.corp.example");
    assertThat(stubs.wireMock().getAllServeEvents()).hasSize(1);
    assertThat(stubs.proxy().connects()).containsExactly("graph.microsoft.com:443");
  }

  @Test
  void plainTextNotFoundIsRecordedAsText() throws Exception {
    sites(aResponse().withStatus(404).withHeader("Content-Type", "text/plain").withBody("Not Found"));

    Observation o = run(context());

    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values()).containsEntry("http-status", "404").containsEntry("shape", "text");
    assertThat(o.summary()).isEqualTo("HTTP 404: plain text instead of JSON (something other than Graph answered?)");
  }

  @Test
  void truncatedJsonIsAnUnreadableAnswer() throws Exception {
    sites(ok(JSON).withBody("{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#sites\",\"value\":[{\"id\":\"con"));

    Observation o = run(context());

    assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(o.values()).containsEntry("http-status", "200").containsEntry("shape", "json")
        .doesNotContainKeys("sites-count", "net-error");
    assertThat(o.summary()).startsWith("HTTP 200: unreadable JSON (");
  }

  @Test
  void answerThatBreaksOffIsFailedWithItsStatus() throws Exception {
    sites(ok(JSON).withFault(Fault.MALFORMED_RESPONSE_CHUNK));

    Observation o = run(context());

    assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(o.values()).containsEntry("http-status", "200").doesNotContainKey("sites-count");
    assertNoToken(o);
  }

  @Test
  void untrustedCertificateIsANetworkFailure() throws Exception {
    try (Stubs untrusted = Stubs.startUntrusted()) {
      Profile p = untrusted.profile();
      ProbeContext ctx = new ProbeContext(p, Connections.of(p.network()), GraphProbeTest::noSecrets, Clock.systemUTC());
      ctx.accessToken(TOKEN);

      Observation o = run(ctx);

      assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(o.values()).containsExactlyEntriesOf(java.util.Map.of("net-error", "tls-untrusted"));
      assertThat(o.summary()).startsWith("no answer from Microsoft Graph: tls-untrusted");
      assertThat(untrusted.wireMock().getAllServeEvents()).isEmpty();
      assertNoToken(o);
    }
  }

  @Test
  void proxyAskingForCredentialsIsProxyAuth() throws Exception {
    stubs.proxy().requireAuth(true);

    Observation o = run(context());

    assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(o.values()).containsExactlyEntriesOf(java.util.Map.of("net-error", "proxy-auth"));
    assertThat(o.summary()).contains("407");
    assertThat(stubs.wireMock().getAllServeEvents()).isEmpty();
  }

  @Test
  void slowAnswerTimesOutWithinTheProbeLimit() throws Exception {
    sites(error(403, "accessDenied", "Access denied").withFixedDelay(3000));
    Profile base = stubs.profile();
    Profile.Network n = base.network();
    Profile p = withNetwork(base, new Profile.Network(n.proxy(), null, null, null, n.trustStore(),
        Duration.ofMillis(600), n.deadline()));
    ProbeContext ctx = new ProbeContext(p, Connections.of(p.network()), GraphProbeTest::noSecrets, Clock.systemUTC());
    ctx.accessToken(TOKEN);

    long start = System.nanoTime();
    Observation o = run(ctx);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(o.values()).containsExactlyEntriesOf(java.util.Map.of("net-error", "timeout"));
    assertThat(o.summary()).startsWith("no answer from Microsoft Graph: timeout (nothing within 600 ms");
    assertThat(millis).isLessThan(2500);
  }

  @Test
  void withoutATokenNothingIsSent() throws Exception {
    ProbeContext ctx = new ProbeContext(stubs.profile(), Connections.of(stubs.network()), GraphProbeTest::noSecrets,
        Clock.systemUTC());

    Observation o = new GraphProbe().run(ctx);

    assertThat(o.outcome()).isEqualTo(Outcome.NOT_COLLECTED);
    assertThat(o.summary()).isEqualTo("no access token: the token probe did not acquire one");
    assertThat(o.values()).isEmpty();
    assertThat(stubs.wireMock().getAllServeEvents()).isEmpty();
    assertThat(stubs.proxy().connects()).isEmpty();
  }

  @Test
  void planListsTheSitesSearchWithoutSendingIt() {
    ProbeContext ctx = context();

    List<PlannedRequest> plan = new GraphProbe().plan(ctx);

    assertThat(plan).containsExactly(new PlannedRequest("graph", "GET", "https://graph.microsoft.com/v1.0/sites?search=*",
        "whether the app's token may read SharePoint sites through Microsoft Graph"));
    assertThat(new GraphProbe().network()).isTrue();
    assertThat(new GraphProbe().id()).isEqualTo("graph");
    assertThat(stubs.wireMock().getAllServeEvents()).isEmpty();
  }

  // --- helpers

  private static void sites(ResponseDefinitionBuilder answer) {
    MappingBuilder m = get(urlPathEqualTo("/v1.0/sites")).withHost(equalTo("graph.microsoft.com"));
    stubs.wireMock().stubFor(m.willReturn(answer));
  }

  private static ResponseDefinitionBuilder ok(String contentType) {
    return aResponse().withStatus(200).withHeader("Content-Type", contentType);
  }

  private static ResponseDefinitionBuilder error(int status, String code, String message) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withHeader("request-id", "5f0c8e2a-1b3d-4e6f-9a8b-7c6d5e4f3a2b")
        .withBody("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"," + INNER + "}}");
  }

  private static LoggedRequest onlyRequest() {
    var events = stubs.wireMock().getAllServeEvents();
    assertThat(events).hasSize(1);
    return events.get(0).getRequest();
  }

  private static ProbeContext context() {
    return context(Clock.systemUTC());
  }

  private static ProbeContext context(Clock clock) {
    ProbeContext ctx = new ProbeContext(stubs.profile(), Connections.of(stubs.network()), GraphProbeTest::noSecrets, clock);
    ctx.accessToken(TOKEN);
    return ctx;
  }

  private static Observation run(ProbeContext ctx) throws InterruptedException {
    return new GraphProbe().run(ctx);
  }

  private static char[] noSecrets(dev.spdoctor.profile.SecretRef ref, String what) {
    throw new IllegalStateException("no secrets in this test");
  }

  private static Profile withNetwork(Profile p, Profile.Network n) {
    return new Profile(p.source(), p.name(), p.deployment(), p.sharePoint(), p.registration(), p.applicationAccount(),
        p.clientId(), p.tenantId(), p.certificate(), p.legacyAuth(), p.mfa(), p.securityDefaults(), p.cloud(),
        p.endpoints(), n);
  }

  private static void assertNoToken(Observation o) {
    String all = o.toString();
    assertThat(all).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(TOKEN.lastIndexOf('.') + 1))
        .doesNotContain("Bearer " + TOKEN.substring(0, 10));
  }
}
