package dev.spdoctor.probe.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.spdoctor.probe.testing.Answers.json;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.List;

/**
 * Stubs and DNS answers of a tenant where everything works: discovery, a token with
 * Sites.FullControl.All, a Graph sites listing, SharePoint's challenge naming the tenant, and
 * honest DNS for every host. Tests break one thing on top (with a higher priority).
 */
public final class HealthyTenant {
  public static final String LOGIN = "login.microsoftonline.com";
  public static final String GRAPH = "graph.microsoft.com";
  public static final String SHAREPOINT = "contoso.sharepoint.com";
  public static final String ADMIN = "contoso-admin.sharepoint.com";
  /** The priority of the healthy answers; a test's own answer at priority 1 wins. */
  public static final int PRIORITY = 10;

  private HealthyTenant() {}

  public static void install(Stubs stubs, DnsStub dns, String token) {
    stubs.reset();
    dns.reset();
    dns.mode(DnsStub.Mode.HONEST);
    for (String host : List.of(SHAREPOINT, ADMIN, LOGIN, GRAPH)) {
      dns.add(host, "127.0.0.1");
    }
    String tenant = Stubs.TENANT_ID;
    answer(stubs, PRIORITY, get(urlEqualTo("/" + tenant + "/v2.0/.well-known/openid-configuration")), LOGIN,
        json(200, Answers.discovery(tenant)));
    answer(stubs, PRIORITY, post(urlEqualTo("/" + tenant + "/oauth2/v2.0/token")), LOGIN,
        json(200, Answers.tokenResponse(token)));
    answer(stubs, PRIORITY, get(urlEqualTo("/v1.0/sites?search=*")), GRAPH, json(200, Answers.sites()));
    answer(stubs, PRIORITY, get(urlEqualTo("/_vti_bin/client.svc")), SHAREPOINT, aResponse().withStatus(401)
        .withHeader("WWW-Authenticate", Answers.challenge(tenant)).withHeader("Date", Answers.date(0)));
  }

  public static void answer(Stubs stubs, int priority, MappingBuilder request, String host,
      ResponseDefinitionBuilder response) {
    stubs.wireMock().stubFor(request.withHost(equalTo(host)).atPriority(priority).willReturn(response));
  }

  /** A profile (YAML text) for this tenant reaching the stubs; the certificate password is read from {@code passwordFile}. */
  public static String profile(Stubs stubs, DnsStub dns, String certificate, String thumbprint, String passwordFile,
      boolean trustTestCa) {
    return String.join("\n", List.of(
        "name: contoso-e2e",
        "deployment: online",
        "sharepoint:",
        "  url: https://" + SHAREPOINT,
        "  admin-url: https://" + ADMIN,
        "registration: manual",
        "client-id: " + Stubs.CLIENT_ID,
        "tenant-id: " + Stubs.TENANT_ID,
        "certificate:",
        "  file: " + Stubs.pki(certificate),
        "  password: {file: " + passwordFile + "}",
        "  thumbprint: \"" + thumbprint + "\"",
        "network:",
        "  proxy: " + stubs.proxy().url(),
        "  dns-server: " + dns.address(),
        "  timeout: 5s",
        "  deadline: 60s")) + "\n" + (trustTestCa ? "  trust-store: " + Stubs.pki("ca.pem") + "\n" : "");
  }
}
