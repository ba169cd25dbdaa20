package dev.spdoctor.probe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.probe.cert.CertificateFiles;
import dev.spdoctor.probe.cert.LoadedCertificate;
import dev.spdoctor.probe.net.Connections;
import dev.spdoctor.profile.SecretSource;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jwt.SignedJWT;
import dev.spdoctor.probe.testing.Answers;
import dev.spdoctor.probe.testing.Stubs;
import dev.spdoctor.profile.Profile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

class TokenProbeTest {
  static final String TOKEN_PATH = "/" + Stubs.TENANT_ID + "/oauth2/v2.0/token";
  @RegisterExtension static final Stubs stubs = Stubs.start();

  final SecretSource secrets = (ref, what) -> Stubs.CERT_PASSWORD.toCharArray();
  ProbeContext context;
  String stderr = "";

  // ---- helpers ----

  Observation run(Profile profile) throws InterruptedException {
    context = new ProbeContext(profile, Connections.of(profile.network()), secrets, Clock.systemUTC());
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    Observation o;
    try {
      LoggerFactory.getLogger("spdoctor.test").warn("stderr capture works");
      o = new TokenProbe().run(context);
    } finally {
      System.setErr(original);
    }
    stderr = captured.toString(StandardCharsets.UTF_8);
    assertThat(stderr).as("log capture").contains("stderr capture works");
    assertThat(o.probe()).isEqualTo("token");
    return o;
  }

  Observation run() throws InterruptedException {
    return run(stubs.profile());
  }

  static void answer(ResponseDefinitionBuilder response) {
    stubs.wireMock().stubFor(post(urlEqualTo(TOKEN_PATH)).withHost(equalTo("login.microsoftonline.com"))
        .willReturn(response));
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
  }

  static Map<String, String> form(ServeEvent event) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : event.getRequest().getBodyAsString().split("&")) {
      int eq = pair.indexOf('=');
      out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  static Profile with(Profile p, String clientId, String tenantId, Profile.Certificate cert, Profile.Network network) {
    return new Profile(p.source(), p.name(), p.deployment(), p.sharePoint(), p.registration(), p.applicationAccount(),
        clientId, tenantId, cert, p.legacyAuth(), p.mfa(), p.securityDefaults(), p.cloud(), p.endpoints(), network);
  }

  void assertNeverShown(Observation o, String... secretsToHide) {
    for (String s : secretsToHide) {
      assertThat(o.summary()).doesNotContain(s);
      assertThat(o.values().values()).noneMatch(v -> v.contains(s));
      assertThat(o.texts()).noneMatch(t -> t.contains(s));
      assertThat(stderr).doesNotContain(s);
    }
  }

  // ---- success ----

  @Test
  void tokenWithRolesIsAcquiredThroughTheProxyAndKeptOutOfTheObservation() throws Exception {
    String token = Answers.accessToken(List.of("Sites.Selected", "Sites.Read.All"), Stubs.TENANT_ID, Stubs.CLIENT_ID);
    answer(json(200, Answers.tokenResponse(token)));
    Observation o = run();
    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values()).containsEntry("acquired", "yes").containsEntry("roles", "Sites.Selected Sites.Read.All")
        .containsEntry("roles-count", "2").containsEntry("appidacr", "2").containsEntry("aud", "https://graph.microsoft.com")
        .containsEntry("tid", Stubs.TENANT_ID).containsEntry("tid-matches", "yes").containsEntry("http-status", "200");
    assertThat(Long.parseLong(o.value("expires-in-seconds"))).isBetween(3500L, 3600L);
    assertThat(o.summary()).contains("2 application roles");
    assertThat(context.accessToken()).contains(token);

    // reached the stub through the profile's proxy, by the real host name, with no discovery call first
    assertThat(stubs.proxy().connects()).containsExactly("login.microsoftonline.com:443");
    List<ServeEvent> events = stubs.wireMock().getAllServeEvents();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).getRequest().getHeader("Host")).isEqualTo("login.microsoftonline.com");
    Map<String, String> form = form(events.get(0));
    assertThat(form).containsEntry("grant_type", "client_credentials").containsEntry("client_id", Stubs.CLIENT_ID)
        .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    assertThat(form.get("scope")).contains("https://graph.microsoft.com/.default");
    SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
    LoadedCertificate cert = CertificateFiles.load(stubs.profile().certificate(), secrets);
    assertThat(assertion.getHeader().getX509CertChain()).extracting(Base64::decode)
        .containsExactly(cert.certificate().getEncoded());
    assertThat(assertion.getJWTClaimsSet().getAudience())
        .containsExactly("https://login.microsoftonline.com/" + Stubs.TENANT_ID + "/oauth2/v2.0/token");

    assertNeverShown(o, token, form.get("client_assertion"), Stubs.CERT_PASSWORD);
  }

  @Test
  void tokenWithoutRolesFromAnotherTenantIsReportedSo() throws Exception {
    String otherTenant = "11111111-2222-3333-4444-555555555555";
    String token = Answers.accessToken(List.of(), otherTenant, Stubs.CLIENT_ID);
    answer(json(200, Answers.tokenResponse(token)));
    Observation o = run();
    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values()).containsEntry("acquired", "yes").containsEntry("roles", "").containsEntry("roles-count", "0")
        .containsEntry("tid", otherTenant).containsEntry("tid-matches", "no");
    assertThat(o.summary()).contains("no application roles");
    assertNeverShown(o, token);
  }

  @Test
  void tenantGivenAsDomainHasNoTidComparison() throws Exception {
    Profile p = stubs.profile();
    p = with(p, p.clientId(), "contoso.onmicrosoft.com", p.certificate(), p.network());
    stubs.wireMock().stubFor(post(urlEqualTo("/contoso.onmicrosoft.com/oauth2/v2.0/token"))
        .willReturn(json(200, Answers.tokenResponse(
            Answers.accessToken(List.of("Sites.Selected"), Stubs.TENANT_ID, Stubs.CLIENT_ID)))));
    Observation o = run(p);
    assertThat(o.values()).containsEntry("acquired", "yes").containsEntry("tid", Stubs.TENANT_ID)
        .doesNotContainKey("tid-matches");
  }

  // ---- Entra error answers ----

  Observation entraAnswers(int status, String error, int code, String message) throws InterruptedException {
    answer(json(status, Answers.entraError(error, code, message)));
    Observation o = run();
    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values()).containsEntry("acquired", "no").containsEntry("error", error)
        .containsEntry("aadsts", Integer.toString(code)).containsEntry("trace-id", Answers.TRACE)
        .containsEntry("correlation-id", Answers.CORRELATION).containsEntry("http-status", Integer.toString(status))
        .containsEntry("shape", "json");
    String sent = "AADSTS" + code + ": " + message + "\r\nTrace ID: " + Answers.TRACE + "\r\nCorrelation ID: "
        + Answers.CORRELATION
        + "\r\nTimestamp: 2026-11-20 09:14:03Z";
    assertThat(o.texts()).containsExactly(sent);
    assertThat(context.accessToken()).isEmpty();
    assertThat(stderr).doesNotContain("AADSTS");
    return o;
  }

  @Test
  void applicationNotFoundInTheTenantIsCollectedWithEntrasText() throws Exception {
    Observation o = entraAnswers(400, "unauthorized_client", 700016, "Application with identifier '" + Stubs.CLIENT_ID
        + "' was not found in the directory 'Contoso'. This can happen if the application has not been installed by the"
        + " administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication"
        + " request to the wrong tenant.");
    assertThat(o.summary()).contains("AADSTS700016").contains("unauthorized_client").contains("400");
  }

  @Test
  void certificateNotRegisteredOnTheAppIsCollected() throws Exception {
    entraAnswers(401, "invalid_client", 700027, "The certificate with identifier used to sign the client assertion is not"
        + " registered on application. [Reason - The key was not found., Thumbprint of key used by client:"
        + " 'B41CE5A16ACFB2EC096A1E09811CF47553092B20', Please visit the Azure Portal, Graph Explorer or directly use MS"
        + " Graph to see configured keys for app Id '" + Stubs.CLIENT_ID + "'.]");
  }

  @Test
  void invalidClientCredentialIsCollected() throws Exception {
    entraAnswers(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the"
        + " request is the client secret value, not the client secret ID, for a secret added to app '" + Stubs.CLIENT_ID
        + "'.");
  }

  @Test
  void unknownTenantIsCollected() throws Exception {
    entraAnswers(400, "invalid_request", 90002, "Tenant '" + Stubs.TENANT_ID + "' not found. Check to make sure you have"
        + " the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator,"
        + " this may happen if there are no active subscriptions for the tenant.");
  }

  @Test
  void clockSkewIsMeasuredFromTheErrorAnswersDate() throws Exception {
    String ahead = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
        java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(7));
    answer(json(400, Answers.entraError("invalid_client", 700024, "Client assertion is not within its valid time range."
        + " Current time: 2026-11-20T09:14:03.0000000Z, assertion valid from 2026-11-20T09:21:03.0000000Z, expiry time of"
        + " assertion 2026-11-20T09:31:03.0000000Z.")).withHeader("Date", ahead));
    Observation o = run();
    assertThat(o.values()).containsEntry("aadsts", "700024");
    assertThat(Long.parseLong(o.value("date-skew-seconds"))).isBetween(415L, 421L);
  }

  @Test
  void throttlingRecordsRetryAfter() throws Exception {
    answer(json(429, Answers.entraError("temporarily_unavailable", 90055, "TenantThrottlingError - There are too many incoming"
        + " requests.")).withHeader("Retry-After", "30"));
    Observation o = run();
    assertThat(o.values()).containsEntry("acquired", "no").containsEntry("http-status", "429")
        .containsEntry("retry-after", "30").containsEntry("error", "temporarily_unavailable");
  }

  @Test
  void serviceUnavailableIsAskedOnceWithoutRetries() throws Exception {
    answer(json(503, "{\"error\":\"temporarily_unavailable\",\"error_description\":\"The service is temporarily"
        + " unavailable.\"}").withHeader("Retry-After", "5"));
    Observation o = run();
    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values()).containsEntry("acquired", "no").containsEntry("http-status", "503")
        .containsEntry("error", "temporarily_unavailable").containsEntry("retry-after", "5").doesNotContainKey("aadsts");
    assertThat(stubs.wireMock().getAllServeEvents()).hasSize(1);
  }

  @Test
  void plainTextErrorPageFailsWithItsStatusAndShape() throws Exception {
    answer(aResponse().withStatus(503).withHeader("Content-Type", "text/plain").withBody("busy"));
    Observation o = run();
    assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
    // msal4j keeps no status for a body it cannot parse
    assertThat(o.values()).containsExactlyEntriesOf(Map.of("shape", "text"));
    assertThat(o.texts()).isEmpty();
  }

  @Test
  void htmlErrorPageFailsWithItsStatusAndShape() throws Exception {
    answer(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
        .withBody("<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>"));
    Observation o = run();
    assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(o.values()).containsExactlyEntriesOf(Map.of("shape", "html"));
    assertThat(o.summary()).contains("error html page");
  }

  @Test
  void emptyErrorAnswerFailsWithItsStatus() throws Exception {
    answer(aResponse().withStatus(500));
    Observation o = run();
    assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(o.values()).containsEntry("http-status", "500").containsEntry("shape", "empty")
        .doesNotContainKeys("acquired", "net-error");
    assertThat(o.texts()).isEmpty();
  }

  @Test
  void htmlPageInsteadOfATokenIsReportedAsHtml() throws Exception {
    answer(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("<!DOCTYPE html><html><head><title>Guest Wi-Fi</title></head><body>Accept the terms</body></html>"));
    Observation o = run();
    assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(o.values()).containsEntry("shape", "html").doesNotContainKeys("acquired", "net-error");
    assertThat(o.summary()).contains("captive portal");
  }

  // ---- no answer ----

  @Test
  void untrustedInterceptionFailsAsTlsUntrusted() throws Exception {
    try (Stubs untrusted = Stubs.startUntrusted()) {
      Observation o = run(untrusted.profile());
      assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(o.values()).containsExactlyEntriesOf(Map.of("net-error", "tls-untrusted"));
      assertThat(untrusted.proxy().connects()).containsExactly("login.microsoftonline.com:443");
      assertThat(untrusted.wireMock().getAllServeEvents()).isEmpty();
    }
  }

  @Test
  void proxyWantingCredentialsFailsAsProxyAuth() throws Exception {
    stubs.proxy().requireAuth(true);
    Observation o = run();
    assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(o.values()).containsExactlyEntriesOf(Map.of("net-error", "proxy-auth"));
    assertThat(o.summary()).contains("407");
    assertThat(stubs.proxy().connects()).contains("login.microsoftonline.com:443");
  }

  @Test
  void slowAnswerFailsAsTimeoutWithinTheProfilesLimit() throws Exception {
    answer(json(200, Answers.tokenResponse(Answers.accessToken(List.of(), Stubs.TENANT_ID, Stubs.CLIENT_ID)))
        .withFixedDelay(4000));
    Profile p = stubs.profile();
    Profile.Network n = p.network();
    Profile.Network oneSecond = new Profile.Network(n.proxy(), null, null, null, n.trustStore(), Duration.ofSeconds(1),
        n.deadline());
    long start = System.nanoTime();
    Observation o = run(with(p, p.clientId(), p.tenantId(), p.certificate(), oneSecond));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(o.values()).containsExactlyEntriesOf(Map.of("net-error", "timeout"));
    assertThat(millis).isLessThan(3000);
    assertThat(context.accessToken()).isEmpty();
  }

  // ---- not collected ----

  @Test
  void notCollectedWithoutClientId() throws Exception {
    Profile p = stubs.profile();
    Observation o = run(with(p, null, p.tenantId(), p.certificate(), p.network()));
    assertThat(o.outcome()).isEqualTo(Outcome.NOT_COLLECTED);
    assertThat(o.summary()).contains("Client ID");
    assertThat(stubs.proxy().connects()).isEmpty();
  }

  @Test
  void notCollectedWithoutTenantId() throws Exception {
    Profile p = stubs.profile();
    Observation o = run(with(p, p.clientId(), " ", p.certificate(), p.network()));
    assertThat(o.outcome()).isEqualTo(Outcome.NOT_COLLECTED);
    assertThat(o.summary()).contains("Tenant ID");
  }

  @Test
  void notCollectedWhenTheCertificateCannotBeLoadedSayingWhy() throws Exception {
    Profile p = stubs.profile();
    Observation o = run(with(p, p.clientId(), p.tenantId(),
        new Profile.Certificate(Stubs.pki("app-cert-only.pfx"), null, p.certificate().password(), null), p.network()));
    assertThat(o.outcome()).isEqualTo(Outcome.NOT_COLLECTED);
    assertThat(o.summary()).contains("no-entries");
    Observation noKey = run(with(p, p.clientId(), p.tenantId(),
        new Profile.Certificate(Stubs.pki("app-cert-only.pem"), null, null, null), p.network()));
    assertThat(noKey.outcome()).isEqualTo(Outcome.NOT_COLLECTED);
    assertThat(noKey.summary()).contains("no private key");
    assertThat(stubs.proxy().connects()).isEmpty();
  }

  @Test
  void planListsTheTokenRequestWithoutSendingIt() {
    Profile p = stubs.profile();
    ProbeContext ctx = new ProbeContext(p, Connections.of(p.network()), secrets, Clock.systemUTC());
    TokenProbe probe = new TokenProbe();
    assertThat(probe.network()).isTrue();
    assertThat(probe.plan(ctx)).containsExactly(new PlannedRequest("token", "POST",
        "https://login.microsoftonline.com/" + Stubs.TENANT_ID + "/oauth2/v2.0/token",
        "an app-only token for https://graph.microsoft.com/.default signed with the certificate"));
    assertThat(stubs.proxy().connects()).isEmpty();
  }

  @Test
  void pemCertificateWithSeparateKeyAlsoSigns() throws Exception {
    String token = Answers.accessToken(List.of("Sites.Selected"), Stubs.TENANT_ID, Stubs.CLIENT_ID);
    answer(json(200, Answers.tokenResponse(token)));
    Profile p = stubs.profile();
    Observation o = run(with(p, p.clientId(), p.tenantId(),
        new Profile.Certificate(Stubs.pki("app-2048.crt"), Stubs.pki("app-2048-pkcs1.key"), null, null), p.network()));
    assertThat(o.values()).containsEntry("acquired", "yes").containsEntry("roles", "Sites.Selected");
    UUID.fromString(o.value("tid"));
  }
}
