package dev.spdoctor.probe.net;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.spdoctor.probe.NetFixtures;
import dev.spdoctor.probe.ProbeContext;
import dev.spdoctor.probe.testing.Stubs;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpProbeTest {
  @RegisterExtension static final Stubs stubs = Stubs.start();
  static final URI URL = URI.create("https://contoso.sharepoint.com/x");

  private HttpProbe.Result fetch(Duration timeout) throws InterruptedException {
    ProbeContext ctx = NetFixtures.context(NetFixtures.withTimeout(stubs.profile(), timeout));
    return HttpProbe.get(ctx.connections(), ctx.clock(), ctx.timeout(), URL, Map.of());
  }

  private static Map<String, String> values(HttpProbe.Result r) {
    Map<String, String> v = new LinkedHashMap<>();
    r.record(v);
    return v;
  }

  @Test
  void dateHeaderSevenMinutesAheadGivesSkewOfAboutFourHundredTwentySeconds() throws Exception {
    String ahead = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(7));
    stubs.wireMock().stubFor(get(urlEqualTo("/x")).willReturn(aResponse().withStatus(200).withHeader("Date", ahead)
        .withBody("{}")));
    HttpProbe.Result r = fetch(Duration.ofSeconds(5));
    assertThat(r.skewSeconds()).isBetween(418L, 421L);
    assertThat(values(r)).containsEntry("http-status", "200").containsEntry("shape", "json");
  }

  @Test
  void noDateHeaderGivesNoSkew() throws Exception {
    // WireMock's Jetty sends no Date header of its own
    stubs.wireMock().stubFor(get(urlEqualTo("/x")).willReturn(aResponse().withStatus(200).withBody("hi")));
    HttpProbe.Result r = fetch(Duration.ofSeconds(5));
    assertThat(r.headers("Date")).isEmpty();
    assertThat(values(r)).doesNotContainKey("date-skew-seconds").containsEntry("shape", "text");
  }

  @Test
  void malformedChunkIsATruncatedBodyOrAnIoFailureNotACrash() throws Exception {
    // a race in the JDK client: when the bad chunk arrives with the headers the whole exchange fails,
    // otherwise the status comes through and the body ends early
    stubs.wireMock().stubFor(get(urlEqualTo("/x")).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
    HttpProbe.Result r = fetch(Duration.ofSeconds(5));
    if (r.answered()) {
      assertThat(values(r)).containsEntry("http-status", "200").containsEntry("body-truncated", "yes");
    } else {
      assertThat(values(r)).containsExactly(Map.entry("net-error", "io"));
    }
  }

  @Test
  void connectionResetIsClosed() throws Exception {
    stubs.wireMock().stubFor(get(urlEqualTo("/x")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    HttpProbe.Result r = fetch(Duration.ofSeconds(5));
    assertThat(values(r)).containsEntry("net-error", "closed");
  }

  @Test
  void emptyResponseIsClosed() throws Exception {
    stubs.wireMock().stubFor(get(urlEqualTo("/x")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    assertThat(values(fetch(Duration.ofSeconds(5)))).containsEntry("net-error", "closed");
  }

  @Test
  void slowAnswerTimesOutWithinTheLimit() throws Exception {
    stubs.wireMock().stubFor(get(urlEqualTo("/x")).willReturn(aResponse().withFixedDelay(3000).withBody("late")));
    long t = System.nanoTime();
    HttpProbe.Result r = fetch(Duration.ofMillis(400));
    assertThat((System.nanoTime() - t) / 1_000_000).isLessThan(2000);
    assertThat(values(r)).containsEntry("net-error", "timeout");
  }

  @Test
  void proxyAsking407IsProxyAuth() throws Exception {
    stubs.proxy().requireAuth(true);
    assertThat(values(fetch(Duration.ofSeconds(5)))).containsExactly(Map.entry("net-error", "proxy-auth"));
  }

  @Test
  void bodyBeyondTheCapIsCutAndMarked() throws Exception {
    stubs.wireMock().stubFor(get(urlEqualTo("/x")).willReturn(aResponse().withBody("a".repeat(600_000))));
    HttpProbe.Result r = fetch(Duration.ofSeconds(5));
    assertThat(r.body()).hasSize(HttpProbe.BODY_CAP);
    assertThat(values(r)).containsEntry("body-truncated", "yes");
  }

  @Test
  void tooManyRequestsRecordsRetryAfter() throws Exception {
    stubs.wireMock().stubFor(get(urlEqualTo("/x")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
    assertThat(values(fetch(Duration.ofSeconds(5)))).containsEntry("http-status", "429").containsEntry("retry-after", "30");
  }
}
