package dev.spdoctor.probe.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.probe.net.Connections;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StubsTest {
  static Stubs stubs;

  @BeforeAll
  static void start() {
    stubs = Stubs.start();
  }

  @AfterAll
  static void stop() throws Exception {
    stubs.close();
  }

  @Test
  void realHostNamesReachTheStubThroughTheProxyAndTheTestCaIsTrusted() throws Exception {
    stubs.wireMock().stubFor(get(urlEqualTo("/hello")).withHost(com.github.tomakehurst.wiremock.client.WireMock
        .equalTo("contoso.sharepoint.com")).willReturn(aResponse().withStatus(200).withBody("hi")));
    Connections c = Connections.of(stubs.network());
    HttpResponse<String> r = c.httpClient(Duration.ofSeconds(5)).send(
        HttpRequest.newBuilder(URI.create("https://contoso.sharepoint.com/hello")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("hi");
    assertThat(stubs.proxy().connects()).containsExactly("contoso.sharepoint.com:443");
  }
}
