package dev.spdoctor.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.spdoctor.probe.testing.Answers.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.spdoctor.probe.ObservationKeys;
import dev.spdoctor.probe.testing.Answers;
import dev.spdoctor.probe.testing.DnsStub;
import dev.spdoctor.probe.testing.HealthyTenant;
import dev.spdoctor.probe.testing.Stubs;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spdoctor diagnose --profile FILE --live} and {@code spdoctor probe} end to end, in-process,
 * against loopback stand-ins for Entra ID, Graph, SharePoint Online and a DNS resolver. The
 * profile reaches them only through settings real users have: a proxy, an extra trusted CA and a
 * DNS server. Each test starts from a healthy tenant and breaks one thing, as in the articles.
 */
class LiveDiagnosisTest {
  static final String TENANT = Stubs.TENANT_ID;
  static final String CLIENT = Stubs.CLIENT_ID;
  static final String LOGIN = HealthyTenant.LOGIN;
  static final String GRAPH = HealthyTenant.GRAPH;
  static final String SHAREPOINT = HealthyTenant.SHAREPOINT;
  static final ObjectMapper JSON = new ObjectMapper();

  static Stubs stubs;
  static DnsStub dns;
  @TempDir static Path dir;
  static String token;

  @BeforeAll
  static void start() throws Exception {
    stubs = Stubs.start();
    dns = new DnsStub();
    Files.writeString(dir.resolve("cert-password.txt"), Stubs.CERT_PASSWORD + "\n");
    token = Answers.accessToken(List.of("Sites.FullControl.All"), TENANT, CLIENT);
  }

  @AfterAll
  static void stop() throws Exception {
    stubs.close();
    dns.close();
  }

  @BeforeEach
  void healthyTenant() {
    HealthyTenant.install(stubs, dns, token);
  }

  static void answer(int priority, MappingBuilder request, String host, ResponseDefinitionBuilder response) {
    HealthyTenant.answer(stubs, priority, request, host, response);
  }

  static void tokenAnswers(ResponseDefinitionBuilder response) {
    answer(1, post(urlEqualTo("/" + TENANT + "/oauth2/v2.0/token")), LOGIN, response);
  }

  static String thumbprint(String pfx) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(Stubs.pki(pfx))) {
      ks.load(in, Stubs.CERT_PASSWORD.toCharArray());
    }
    String alias = ks.aliases().nextElement();
    return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1")
        .digest(ks.getCertificate(alias).getEncoded()));
  }

  /** A profile for contoso reaching the stubs; {@code extra} lines are added at the top level. */
  static Path profile(String certificate, String thumbprint, boolean trustTestCa, String... extra) throws Exception {
    Path file = Files.createTempFile(dir, "profile-", ".yaml");
    Files.writeString(file, HealthyTenant.profile(stubs, dns, certificate, thumbprint, "cert-password.txt", trustTestCa)
        + String.join("\n", extra) + "\n");
    return file;
  }

  static Path healthyProfile(String... extra) throws Exception {
    return profile("app-2048.pfx", thumbprint("app-2048.pfx"), true, extra);
  }

  static JsonNode diagnose(Path profile, String... more) throws Exception {
    List<String> args = new ArrayList<>(List.of("diagnose", "--profile", profile.toString(), "--live", "--format", "json"));
    args.addAll(List.of(more));
    CliRun run = CliRun.run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isIn(ExitCodes.OK, ExitCodes.NO_CAUSE);
    assertNoSecrets(run);
    JsonNode report = JSON.readTree(run.out());
    // Every value a probe recorded is one docs/probes.md documents (and kb check knows).
    for (JsonNode p : report.get("probes")) {
      p.get("values").fieldNames().forEachRemaining(key -> assertThat(ObservationKeys.of(p.get("probe").asText()))
          .as(p.get("probe").asText() + " records " + key).contains(key));
    }
    return report;
  }

  static void assertNoSecrets(CliRun run) {
    String all = run.out() + run.err();
    assertThat(all).doesNotContain(token).doesNotContain(token.substring(token.lastIndexOf('.') + 1))
        .doesNotContain(Stubs.CERT_PASSWORD).doesNotContain("PRIVATE KEY");
  }

  static List<String> causes(JsonNode report) {
    List<String> ids = new ArrayList<>();
    report.get("causes").forEach(c -> ids.add(c.get("id").asText()));
    return ids;
  }

  static JsonNode probe(JsonNode report, String id) {
    for (JsonNode p : report.get("probes")) {
      if (p.get("probe").asText().equals(id)) {
        return p;
      }
    }
    throw new AssertionError("no probe " + id + " in " + report.get("probes"));
  }

  @Test
  void aHealthyConnectionHasNoCauseAndEveryOnlineProbeCollected() throws Exception {
    CliRun run = CliRun.run("diagnose", "--profile", healthyProfile().toString(), "--live", "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.NO_CAUSE);
    JsonNode report = JSON.readTree(run.out());
    assertThat(causes(report)).isEmpty();
    for (String id : List.of("profile", "certificate", "dns", "nxdomain", "tls", "tenant", "token", "sharepoint", "graph",
        "clock")) {
      assertThat(probe(report, id).get("outcome").asText()).as(id + ": " + probe(report, id)).isEqualTo("collected");
    }
    assertThat(probe(report, "onprem").get("outcome").asText()).isEqualTo("not-collected");
    assertThat(probe(report, "token").get("values").get("roles").asText()).isEqualTo("Sites.FullControl.All");
    assertThat(probe(report, "graph").get("values").get("sites-count").asText()).isEqualTo("2");
    assertThat(probe(report, "sharepoint").get("values").get("realm-matches").asText()).isEqualTo("yes");
    // Every request went through the proxy to the real host names; progress went to standard error.
    assertThat(stubs.proxy().connects()).allMatch(c -> c.endsWith(":443"))
        .contains(LOGIN + ":443", GRAPH + ":443", SHAREPOINT + ":443");
    assertThat(run.err()).contains("collected     token").contains("collected     graph");
    assertNoSecrets(run);
  }

  @Test
  void anUnknownApplicationLeadsToTheArticlesRegistrationCauses() throws Exception {
    tokenAnswers(json(400, Answers.entraError("unauthorized_client", 700016, "Application with identifier '" + CLIENT
        + "' was not found in the directory 'Contoso'. This can happen if the application has not been installed by the"
        + " administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication"
        + " request to the wrong tenant.")));
    JsonNode report = diagnose(healthyProfile());
    assertThat(causes(report)).startsWith("app-registration-deleted")
        .contains("wrong-client-or-tenant-id", "app-registration-not-propagated");
    assertThat(probe(report, "token").get("values").get("aadsts").asText()).isEqualTo("700016");
    assertThat(probe(report, "graph").get("outcome").asText()).isEqualTo("not-collected");
  }

  @Test
  void aTenantThatDoesNotExistIsTenantNotFound() throws Exception {
    String body = Answers.entraError("invalid_tenant", 90002, "Tenant '" + TENANT + "' not found. Check to make sure you"
        + " have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator,"
        + " this may happen if there are no active subscriptions for the tenant.");
    answer(1, get(urlEqualTo("/" + TENANT + "/v2.0/.well-known/openid-configuration")), LOGIN, json(400, body));
    tokenAnswers(json(400, body));
    JsonNode report = diagnose(healthyProfile());
    assertThat(causes(report)).first().isEqualTo("tenant-not-found");
    assertThat(probe(report, "tenant").get("values").get("exists").asText()).isEqualTo("no");
  }

  @Test
  void aThousandTwentyFourBitCertificateIsTooSmall() throws Exception {
    tokenAnswers(json(401, Answers.entraError("invalid_client", 700027, "The certificate with identifier used to sign"
        + " the client assertion is not registered on application.")));
    JsonNode report = diagnose(profile("app-1024.pfx", thumbprint("app-1024.pfx"), true));
    assertThat(causes(report)).first().isEqualTo("cert-key-too-small");
    assertThat(report.get("steps").get(0).get("id").asText()).isEqualTo("create-2048-bit-certificate");
  }

  @Test
  void aThumbprintOfAnotherCertificateIsNotAccepted() throws Exception {
    tokenAnswers(json(401, Answers.entraError("invalid_client", 700027, "The certificate with identifier used to sign"
        + " the client assertion is not registered on application.")));
    JsonNode report = diagnose(profile("app-2048.pfx", "00" + thumbprint("app-1024.pfx").substring(2), true));
    assertThat(causes(report)).first().isEqualTo("certificate-not-accepted");
  }

  @Test
  void aSharePointUrlOfAnotherTenantIsAMismatch() throws Exception {
    answer(1, get(urlEqualTo("/_vti_bin/client.svc")), SHAREPOINT, aResponse().withStatus(401)
        .withHeader("WWW-Authenticate", Answers.challenge("03d0c210-38e8-47d7-9bc9-9ff2cd5ea7bc")));
    JsonNode report = diagnose(healthyProfile());
    assertThat(causes(report)).first().isEqualTo("sharepoint-url-tenant-mismatch");
  }

  @Test
  void aResolverThatRewritesNamesAndAnHtmlPageIsDnsHijacking() throws Exception {
    dns.hijack("127.0.0.1");
    tokenAnswers(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(Answers.htmlPage()));
    JsonNode report = diagnose(healthyProfile());
    assertThat(causes(report)).first().isEqualTo("dns-hijacking");
    assertThat(probe(report, "nxdomain").get("values").get("rewrites-nxdomain").asText()).isEqualTo("yes");
  }

  @Test
  void aClockSevenMinutesBehindIsClockSkew() throws Exception {
    String body = Answers.entraError("invalid_client", 700024, "Client assertion is not within its valid time range.");
    tokenAnswers(json(400, body).withHeader("Date", Answers.date(420)));
    answer(1, get(urlEqualTo("/" + TENANT + "/v2.0/.well-known/openid-configuration")), LOGIN,
        aResponse().withStatus(200).withHeader("Content-Type", "application/json").withHeader("Date", Answers.date(420))
            .withBody(Answers.discovery(TENANT)));
    JsonNode report = diagnose(healthyProfile());
    assertThat(causes(report)).first().isEqualTo("clock-skew");
    assertThat(probe(report, "clock").get("values").get("skew-seconds").asLong()).isBetween(410L, 430L);
  }

  @Test
  void graphRefusingATokenWithRolesIsInsufficientPrivileges() throws Exception {
    tokenAnswers(json(200, Answers.tokenResponse(Answers.accessToken(List.of("User.Read.All"), TENANT, CLIENT))));
    answer(1, get(urlEqualTo("/v1.0/sites?search=*")), GRAPH,
        json(403, Answers.odataError("Authorization_RequestDenied", "Insufficient privileges to complete the operation.")));
    JsonNode report = diagnose(healthyProfile());
    assertThat(causes(report)).first().isEqualTo("graph-insufficient-privileges");
  }

  @Test
  void aTokenWithoutRolesIsMissingAdminConsent() throws Exception {
    tokenAnswers(json(200, Answers.tokenResponse(Answers.accessToken(List.of(), TENANT, CLIENT))));
    answer(1, get(urlEqualTo("/v1.0/sites?search=*")), GRAPH,
        json(401, Answers.odataError("InvalidAuthenticationToken",
            "Either scp or roles claim need to be present in the token.")));
    JsonNode report = diagnose(healthyProfile());
    assertThat(causes(report)).first().isEqualTo("admin-consent-missing");
  }

  @Test
  void legacyAuthenticationSwitchedOnIsRetired() throws Exception {
    JsonNode report = diagnose(healthyProfile("legacy-auth:", "  enabled: true",
        "  account: admin@contoso.onmicrosoft.com"), "--as-of", "2026-11-22");
    assertThat(causes(report)).first().isEqualTo("legacy-auth-retired");
  }

  @Test
  void aCertificateAuthorityNobodyTrustsIsTlsInterception() throws Exception {
    JsonNode report = diagnose(profile("app-2048.pfx", thumbprint("app-2048.pfx"), false));
    assertThat(causes(report)).first().isEqualTo("tls-interception");
    assertThat(probe(report, "tls").get("values").get("issuer").asText()).contains("spdoctor test CA");
  }

  @Test
  void aProxyThatWantsCredentialsIsProxyAuthRequired() throws Exception {
    stubs.proxy().requireAuth(true);
    JsonNode report = diagnose(healthyProfile());
    assertThat(causes(report)).first().isEqualTo("proxy-auth-required");
  }

  @Test
  void aProxyThatWantsCredentialsGetsThemFromTheProfile() throws Exception {
    String proxyPassword = "pr0xy-s3cret";
    Files.writeString(dir.resolve("proxy-password.txt"), proxyPassword + "\n");
    stubs.proxy().requireCredentials("svc-spdoctor", proxyPassword);
    Path profile = healthyProfile();
    Files.writeString(profile, Files.readString(profile).replace("network:\n",
        "network:\n  proxy-user: svc-spdoctor\n  proxy-password: {file: proxy-password.txt}\n"));
    try {
      CliRun run = CliRun.run("diagnose", "--profile", profile.toString(), "--live", "--format", "json");
      assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.NO_CAUSE);
      JsonNode report = JSON.readTree(run.out());
      for (String id : List.of("tls", "tenant", "token", "sharepoint", "graph")) {
        assertThat(probe(report, id).get("outcome").asText()).as(id + ": " + probe(report, id)).isEqualTo("collected");
      }
      assertThat(run.out() + run.err()).doesNotContain(proxyPassword);
      assertNoSecrets(run);
    } finally {
      java.net.Authenticator.setDefault(null);
    }
  }

  @Test
  void endpointOverridesReachSignInAndGraphWithoutAProxy() throws Exception {
    String base = "https://127.0.0.1:" + stubs.wireMock().httpsPort();
    answer(1, get(urlEqualTo("/" + TENANT + "/v2.0/.well-known/openid-configuration")), "127.0.0.1",
        json(200, Answers.discovery(TENANT)));
    answer(1, post(urlEqualTo("/" + TENANT + "/oauth2/v2.0/token")), "127.0.0.1", json(200, Answers.tokenResponse(token)));
    answer(1, get(urlEqualTo("/v1.0/sites?search=*")), "127.0.0.1", json(200, Answers.sites()));
    Path profile = healthyProfile("endpoints:", "  login: " + base, "  graph: " + base);
    Files.writeString(profile, Files.readString(profile).replaceAll("(?m)^  proxy: .*\n", ""));
    JsonNode report = diagnose(profile);
    for (String id : List.of("tenant", "token", "graph")) {
      assertThat(probe(report, id).get("outcome").asText()).as(id + ": " + probe(report, id)).isEqualTo("collected");
    }
    assertThat(probe(report, "token").get("values").get("acquired").asText()).isEqualTo("yes");
    assertThat(stubs.proxy().connects()).isEmpty();
    assertThat(stubs.wireMock().getAllServeEvents()).allMatch(e -> e.getRequest().getHost().equals("127.0.0.1"));
  }

  @Test
  void theGuideStartsFromTheProbesAndAsksOnlyWhatTheyLeaveOpen() throws Exception {
    tokenAnswers(json(400, Answers.entraError("unauthorized_client", 700016, "Application with identifier '" + CLIENT
        + "' was not found in the directory 'Contoso'.")));
    Path answers = dir.resolve("answers.yaml");
    Files.writeString(answers, "app-registration-exists: \"no\"\n");
    Path transcript = dir.resolve("session.json");
    CliRun run = CliRun.run("guide", "--profile", healthyProfile().toString(), "--live", "--answers", answers.toString(),
        "--transcript", transcript.toString(), "--format", "json");
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
    JsonNode report = JSON.readTree(run.out().substring(run.out().indexOf("\n{") + 1));
    assertThat(causes(report)).first().isEqualTo("app-registration-deleted");
    JsonNode session = JSON.readTree(transcript.toFile());
    List<String> asked = new ArrayList<>();
    session.get("turns").forEach(t -> asked.add(t.get("question").asText()));
    // The profile says where SharePoint runs and how the app was registered: never asked.
    assertThat(asked).contains("app-registration-exists").doesNotContain("deployment", "registration");
    assertThat(session.get("probes")).isNotEmpty();
    assertNoSecrets(run);
    assertThat(Files.readString(transcript)).doesNotContain(token).doesNotContain(Stubs.CERT_PASSWORD);
    // The transcript replays to the same causes, without probing again.
    stubs.reset();
    CliRun replay = CliRun.run("diagnose", "--transcript", transcript.toString(), "--format", "json");
    assertThat(causes(JSON.readTree(replay.out()))).isEqualTo(causes(report));
    assertThat(stubs.proxy().connects()).isEmpty();
  }

  @Test
  void pastedTextAndAProfileCombine() throws Exception {
    JsonNode report = diagnose(healthyProfile(), "--error",
        "AADSTS700016: Application with identifier '" + CLIENT + "' was not found in the directory 'Contoso'.");
    // The live token says the registration exists: the old error's readings are ruled out.
    assertThat(causes(report)).doesNotContain("app-registration-deleted", "wrong-client-or-tenant-id");
    List<String> ruledOut = new ArrayList<>();
    report.get("ruledOut").forEach(r -> ruledOut.add(r.get("cause").asText()));
    assertThat(ruledOut).contains("app-registration-deleted");
  }

  @Test
  void aDryRunSendsNothing() throws Exception {
    CliRun run = CliRun.run("diagnose", "--profile", healthyProfile().toString(), "--live", "--dry-run");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("nothing was sent").contains("POST    https://" + LOGIN + "/" + TENANT
        + "/oauth2/v2.0/token").contains("Connections go through the proxy " + stubs.proxy().url());
    assertThat(stubs.wireMock().getAllServeEvents()).isEmpty();
    assertThat(stubs.proxy().connects()).isEmpty();
    assertThat(dns.asked()).isEmpty();
  }

  @Test
  void probePrintsEachObservationAsJson() throws Exception {
    CliRun run = CliRun.run("probe", "--profile", healthyProfile().toString(), "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    JsonNode out = JSON.readTree(run.out());
    assertThat(out.get("observations")).hasSize(11);
    assertThat(run.err().lines().filter(l -> l.startsWith("collected ") || l.startsWith("problem ")
        || l.startsWith("not collected "))).hasSize(11);
    out.get("observations").forEach(o -> assertThat(o.get("verdict").asText()).as(o.toString())
        .isIn("healthy", "not-collected"));
    assertNoSecrets(run);
  }

  @Test
  void aProbeThatFindsAProblemSaysSoAndExitsWithFive() throws Exception {
    dns.hijack("127.0.0.1");
    Path profile = healthyProfile();
    CliRun run = CliRun.run("probe", "--profile", profile.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.PROBE_PROBLEM);
    assertThat(run.out()).contains("nxdomain  problem").contains("points at: dns-hijacking");
    assertThat(run.err()).contains("spdoctor diagnose --profile " + profile + " --live");
  }

  @Test
  void probeOfflineCollectsNoNetworkProbeAndSaysHowToRunThem() throws Exception {
    Path profile = healthyProfile();
    CliRun run = CliRun.run("probe", "--profile", profile.toString(), "--offline");
    assertThat(run.out()).contains("dns  not collected").contains("needs the network: run without --offline")
        .doesNotContain("--live");
    assertThat(run.err()).contains("spdoctor diagnose --profile " + profile + "  (add --live");
    assertThat(run.exitCode()).as(run.out()).isIn(ExitCodes.OK, ExitCodes.PROBE_PROBLEM);
    CliRun quiet = CliRun.run("probe", "--profile", profile.toString(), "--offline", "--quiet");
    assertThat(quiet.err()).isEmpty();
  }

  @Test
  void probePrintsTextWithValues() throws Exception {
    CliRun run = CliRun.run("probe", "--profile", healthyProfile().toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("token  healthy").contains("    roles: Sites.FullControl.All")
        .contains("sharepoint  healthy");
    assertNoSecrets(run);
  }

  @Test
  void aBadProfileIsAClearErrorWithItsLine() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "deployment: online\nsharepoint:\n  url: https://contoso.sharepoint.com\n"
        + "certificate:\n  file: x.pfx\n  password: hunter2\n");
    CliRun run = CliRun.run("probe", "--profile", bad.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains(bad + ":6:").doesNotContain("hunter2").doesNotContain("at dev.spdoctor");
  }
}
