package dev.spdoctor.probe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.spdoctor.probe.testing.Stubs;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SharePointProbeTest {
  static final String OTHER = "03d0c210-38e8-47d7-9bc9-9ff2cd5ea7bc";
  @RegisterExtension static final Stubs stubs = Stubs.start();

  static String challenge(String realm) {
    return "Bearer realm=\"" + realm + "\",client_id=\"00000003-0000-0ff1-ce00-000000000000\",trusted_issuers=\""
        + "00000001-0000-0000-c000-000000000000@*,D3776938-3DBA-481F-A652-4BEDFCAB7CD8@*,https://sts.windows.net/*/,"
        + "00000003-0000-0ff1-ce00-000000000000@90140122-8516-11e1-8eff-49304924019b\","
        + "authorization_uri=\"https://login.windows.net/common/oauth2/authorize\"";
  }

  private static void answer(ResponseDefinitionBuilder response) {
    stubs.wireMock().stubFor(get(urlEqualTo("/_vti_bin/client.svc")).withHost(equalTo("contoso.sharepoint.com"))
        .withHeader("Authorization", matching("Bearer ?")).willReturn(response));
  }

  private static Observation run(ProbeContext ctx) throws InterruptedException {
    return new SharePointProbe().run(ctx);
  }

  @Test
  void realmOfTheProfilesTenantMatches() throws Exception {
    answer(aResponse().withStatus(401).withHeader("WWW-Authenticate", challenge(Stubs.TENANT_ID.toUpperCase()))
        .withHeader("WWW-Authenticate", "NTLM"));
    Observation o = run(NetFixtures.context(stubs.profile()));
    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values()).containsEntry("realm", Stubs.TENANT_ID.toUpperCase()).containsEntry("realm-matches", "yes")
        .containsEntry("schemes", "Bearer,NTLM").containsEntry("http-status", "401");
  }

  @Test
  void realmOfAnotherTenantDoesNotMatch() throws Exception {
    answer(aResponse().withStatus(401).withHeader("WWW-Authenticate", challenge(OTHER)));
    Observation o = run(NetFixtures.context(stubs.profile()));
    assertThat(o.values()).containsEntry("realm", OTHER).containsEntry("realm-matches", "no");
    assertThat(o.summary()).contains("not " + Stubs.TENANT_ID);
  }

  @Test
  void domainTenantIdComparesWithTheTenantProbesId() throws Exception {
    answer(aResponse().withStatus(401).withHeader("WWW-Authenticate", challenge(OTHER)));
    ProbeContext ctx = NetFixtures.context(NetFixtures.withTenant(stubs.profile(), "contoso.onmicrosoft.com"));
    assertThat(run(ctx).values()).containsEntry("realm", OTHER).doesNotContainKey("realm-matches");
    ctx.record(Observation.collected("tenant", "exists", Map.of("exists", "yes", "tenant-id", OTHER)));
    assertThat(run(ctx).values()).containsEntry("realm-matches", "yes");
  }

  @Test
  void answerWithoutChallengeHasNoRealm() throws Exception {
    answer(aResponse().withStatus(403).withBody("{\"error_description\":\"Unsupported app only token.\"}"));
    Observation o = run(NetFixtures.context(stubs.profile()));
    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values()).containsEntry("http-status", "403").doesNotContainKeys("realm", "realm-matches", "schemes");
    assertThat(o.texts()).containsExactly("Unsupported app only token.");
    assertThat(o.summary()).contains("no authentication challenge");
  }

  @Test
  void htmlPageIsCollectedWithoutRealm() throws Exception {
    answer(aResponse().withStatus(200).withBody("<html><body>Blocked by policy</body></html>"));
    Observation o = run(NetFixtures.context(stubs.profile()));
    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values()).containsEntry("shape", "html").doesNotContainKey("realm");
  }

  @Test
  void onPremisesIsNotCollected() throws Exception {
    var p = NetFixtures.onPrem(stubs.profile(), "https://sp.corp.example", null);
    assertThat(run(NetFixtures.context(p)).outcome()).isEqualTo(Outcome.NOT_COLLECTED);
    assertThat(new SharePointProbe().plan(NetFixtures.context(p))).isEmpty();
  }

  @Test
  void planNamesClientSvc() {
    assertThat(new SharePointProbe().plan(NetFixtures.context(stubs.profile()))).singleElement()
        .satisfies(r -> assertThat(r.target()).isEqualTo("https://contoso.sharepoint.com/_vti_bin/client.svc"));
  }
}
