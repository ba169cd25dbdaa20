package dev.spdoctor.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.engine.Diagnosis;
import dev.spdoctor.engine.Diagnosis.FiredRule;
import dev.spdoctor.engine.DiagnosisRequest;
import dev.spdoctor.engine.WorkingCopy;
import dev.spdoctor.authoring.FixtureRunner.Located;
import dev.spdoctor.render.WhyNotText;
import dev.spdoctor.authoring.RuleSource.RuleInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** --why-not is asked inside the real session, so it agrees with --explain on every fixture. */
class WhyNotTest {
  private static WhyNot whyNot;
  private static Map<String, String> causeOfRule;

  @BeforeAll
  static void compileEveryRuleWithItsQueries() throws IOException {
    causeOfRule = new LinkedHashMap<>();
    for (RuleInfo r : RuleSource.read(Path.of("rules")).rules()) {
      if (r.kb() != null) {
        causeOfRule.put(r.id(), r.kb());
      }
    }
    whyNot = WhyNot.prepare(new WorkingCopy(Path.of(".")), new LinkedHashSet<>(causeOfRule.values()));
  }

  @Test
  void everyRuleTheTraceListsAsFiredIsReportedAsFiredOnEveryFixture() throws IOException {
    List<String> disagreements = new ArrayList<>();
    int fired = 0;
    for (Located c : FixtureRunner.load(Path.of("fixtures"))) {
      Diagnosis d = whyNot.engine().diagnose(FixtureRunner.request(c.fixture()), whyNot);
      Set<String> inTrace = new LinkedHashSet<>();
      d.trace().stream().map(FiredRule::rule).filter(causeOfRule::containsKey).forEach(inTrace::add);
      for (String cause : new LinkedHashSet<>(causeOfRule.values())) {
        String report = print(cause, d);
        for (WhyNot.RuleProgress p : whyNot.progress(cause)) {
          String line = report.lines().filter(l -> l.startsWith("  rule " + p.rule() + " ")).findFirst().orElseThrow();
          boolean reportedFired = line.contains("fired");
          if (reportedFired != inTrace.contains(p.rule())) {
            disagreements.add(c.id() + ": rule " + p.rule() + (inTrace.contains(p.rule()) ? " fired" : " did not fire")
                + " but --why-not " + cause + " says: " + line.strip());
          }
          fired += reportedFired ? 1 : 0;
        }
      }
    }
    assertThat(disagreements).isEmpty();
    assertThat(fired).as("rules reported as fired over all fixtures").isPositive();
  }

  @Test
  void derivedFindingsExistWhereTheQueriesAreAsked() {
    DiagnosisRequest onprem = new DiagnosisRequest(List.of("Failed to connect to SharePoint using account"
        + " 'admin@contoso.onmicrosoft.com'. Make sure that you have entered the account credentials and server URLs"
        + " correctly."),
        Map.of("deployment", "onprem"), LocalDate.of(2026, 6, 1));
    Diagnosis d = whyNot.engine().diagnose(onprem, whyNot);
    String report = print("onprem-connection-details-wrong", d);
    assertThat(d.trace()).extracting(FiredRule::rule).contains("connect-using-account-onprem");
    assertThat(report).containsPattern("rule connect-using-account-onprem \\(.*so it fired")
        .doesNotContainPattern("rule connect-using-account-undecided-onprem \\(.*so it fired");
  }

  private static String print(String cause, Diagnosis d) {
    StringWriter out = new StringWriter();
    WhyNotText.print(cause, d, whyNot.progress(cause), new PrintWriter(out));
    return out.toString();
  }
}
