package dev.spdoctor.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.probe.Observation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a server sends (error_description, headers) reaches the terminal with its control characters visible. */
class ServerTextTest {
  static final String EVIL = "AADSTS7000215: Invalid client secret \u001b[2J\u001b]0;owned\u0007\u009b1A \u001b[1m";
  static final Observation TOKEN = Observation.failed("token", "the service said: " + EVIL,
      Map.of("error", EVIL, "www-authenticate", "Bearer \u001b[2Jrealm"),
      List.of("{\"error_description\":\"" + EVIL + "\",\"client_secret\":\"leaked-in-echo-123\"}"));
  static final Map<String, ProbeReport.Verdict> VERDICTS = Map.of("token", new ProbeReport.Verdict("problem", List.of()));

  @Test
  void probeReportShowsServerTextVisiblyAndRedacted() {
    StringWriter out = new StringWriter();
    ProbeReport.observations(List.of(TOKEN), VERDICTS, 5, Format.text, new PrintWriter(out, true));
    assertThat(out.toString()).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b")
        .contains("\\e[2J").contains("\\e]0;owned\\a").doesNotContain("leaked-in-echo-123");
    assertThat(ProbeProgress.line(TOKEN)).doesNotContain("\u001b").contains("\\e[2J");
  }

  @Test
  void probeJsonEscapesServerTextAndRedactsIt() {
    StringWriter out = new StringWriter();
    ProbeReport.observations(List.of(TOKEN), VERDICTS, 5, Format.json, new PrintWriter(out, true));
    assertThat(out.toString()).doesNotContain("\u001b").doesNotContain("\u0007").contains("\\u001B[2J")
        .doesNotContain("leaked-in-echo-123");
  }
}
