package dev.spdoctor.probe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.probe.testing.Stubs;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClockProbeTest {

  @Test
  void serverDateSevenMinutesAheadIsAboutFourHundredTwentySecondsOfSkew() throws Exception {
    try (Stubs stubs = Stubs.start()) {
      String ahead = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(7));
      stubs.wireMock().stubFor(get(urlEqualTo(TenantProbeTest.PATH)).willReturn(aResponse().withStatus(200)
          .withHeader("Date", ahead).withBody(TenantProbeTest.DISCOVERY)));
      ProbeContext ctx = NetFixtures.context(stubs.profile());
      Observation tenant = new TenantProbe().run(ctx);
      assertThat(Long.parseLong(tenant.value("date-skew-seconds"))).isBetween(418L, 421L);
      ctx.record(tenant);
      Observation o = new ClockProbe().run(ctx);
      assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
      assertThat(Long.parseLong(o.value("skew-seconds"))).isBetween(418L, 421L);
      assertThat(o.values()).containsEntry("sources", "tenant");
      assertThat(o.summary()).contains("behind");
    }
  }

  @Test
  void largestAbsoluteSkewWinsWithItsSign() {
    ProbeContext ctx = NetFixtures.context(NetFixtures.contoso(dev.spdoctor.profile.Profile.Network.DEFAULTS));
    ctx.record(Observation.collected("tenant", "", Map.of("date-skew-seconds", "12")));
    ctx.record(Observation.collected("sharepoint", "", Map.of("date-skew-seconds", "-305")));
    ctx.record(Observation.collected("graph", "", Map.of("http-status", "200")));
    Observation o = new ClockProbe().run(ctx);
    assertThat(o.values()).containsEntry("skew-seconds", "-305").containsEntry("sources", "tenant,sharepoint");
    assertThat(o.summary()).contains("ahead");
    assertThat(new ClockProbe().plan(ctx)).isEmpty();
  }

  @Test
  void noDateHeaderSeenIsNotCollected() {
    ProbeContext ctx = NetFixtures.context(NetFixtures.contoso(dev.spdoctor.profile.Profile.Network.DEFAULTS));
    ctx.record(Observation.failed("tenant", "timeout", Map.of("net-error", "timeout")));
    assertThat(new ClockProbe().run(ctx).outcome()).isEqualTo(Outcome.NOT_COLLECTED);
  }
}
