package dev.spdoctor.kb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.engine.Diagnosis;
import dev.spdoctor.engine.DiagnosisRequest;
import dev.spdoctor.engine.Engine;
import dev.spdoctor.engine.RuleBase;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The step that loosens the tenant-wide guest-invitation setting is history: it may appear before legacy
 * sign-in was retired (2026-05-01), never on or after that day, whatever the paste and the answers.
 */
class UnsafeAdviceTest {
  private static final String STEP = "relax-invited-account-match";
  private static final List<String> TEXTS = List.of(
      "Cannot contact web site 'https://contoso.sharepoint.com/sites/Marketing' or the web site does not support"
          + " SharePoint Online credentials.",
      "System.NotSupportedException: Cannot contact web site 'https://fabrikam.sharepoint.com/' or the web site does not support"
          + " SharePoint Online credentials.\n   at Microsoft.SharePoint.Client.SharePointOnlineCredentials"
          + ".GetAuthenticationCookie(Uri url)",
      "The sign-in name or password does not match one in the Microsoft account system.");

  private final Engine engine = new Engine(RuleBase.bundled(), KnowledgeBase.bundled());

  @Test
  void neverRecommendedOnOrAfterTheRetirement() {
    for (LocalDate day : List.of(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1), LocalDate.of(2027, 1, 1))) {
      for (String text : TEXTS) {
        for (Map<String, String> answers : List.of(Map.<String, String>of(), Map.of("invited-account-match-required", "yes"))) {
          assertThat(stepIds(text, answers, day)).as("%s on %s with %s", text, day, answers).doesNotContain(STEP);
        }
      }
    }
  }

  @Test
  void keptAsHistoryBeforeTheRetirementButHeldBackBelowSevenTenths() {
    // Before the retirement the cause is still read (at 0.60 when the setting is confirmed on), but a
    // step that weakens security is not shown for a cause below 0.7: a confirmation stands in its place.
    Diagnosis d = engine.diagnose(new DiagnosisRequest(List.of(TEXTS.get(0)),
        Map.of("invited-account-match-required", "yes"), LocalDate.of(2026, 1, 10)));
    assertThat(d.causes().get(0).cause().id()).isEqualTo("invited-account-match-required");
    assertThat(d.causes().get(0).confidence()).isLessThan(0.7);
    assertThat(d.steps().stream().map(s -> s.step().id())).doesNotContain(STEP);
    assertThat(d.plan().items().stream().flatMap(i -> i.heldBack().stream())).contains(STEP);
  }

  @Test
  void theStepIsLabelledAsWeakeningSecurity() {
    assertThat(KnowledgeBase.bundled().steps().get(STEP).risk()).isEqualTo("weakens-security");
    assertThat(KbLoader.load(Path.of("knowledge-base")).steps().get(STEP).risk()).isEqualTo("weakens-security");
  }

  private List<String> stepIds(String text, Map<String, String> answers, LocalDate asOf) {
    Diagnosis d = engine.diagnose(new DiagnosisRequest(List.of(text), answers, asOf));
    return d.steps().stream().map(s -> s.step().id()).toList();
  }
}
