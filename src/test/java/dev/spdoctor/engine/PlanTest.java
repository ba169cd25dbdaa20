package dev.spdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.engine.Diagnosis.RankedCause;
import dev.spdoctor.engine.Plan.Item;
import dev.spdoctor.engine.Plan.ItemKind;
import dev.spdoctor.authoring.FixtureRunner;
import dev.spdoctor.authoring.FixtureRunner.Located;
import dev.spdoctor.kb.ClientDef;
import dev.spdoctor.kb.KnowledgeBase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The plan over every fixture (issue 11): no step speaks of the wizard unless the client is the wizard;
 * below 0.7 no risky step is shown and a risky step is never first; an established cause lists only its
 * own steps; checks come before any step when no cause is established.
 */
class PlanTest {
  private static final Engine ENGINE = Engine.bundled();
  private static final KnowledgeBase KB = ENGINE.knowledgeBase();

  @Test
  void everyFixtureGetsAPlanASupportEngineerCanFollow() throws IOException {
    List<String> problems = new ArrayList<>();
    List<Located> fixtures = FixtureRunner.load(Path.of("fixtures"));
    assertThat(fixtures).hasSizeGreaterThan(300);
    int plans = 0;
    for (Located f : fixtures) {
      DiagnosisRequest request = FixtureRunner.request(f.fixture());
      // As recognised from the text, and as if a PowerShell user had pasted it.
      for (String client : new String[] {null, "pnp-powershell"}) {
        DiagnosisRequest r = request;
        if (client != null) {
          Map<String, String> answers = new LinkedHashMap<>(request.answers());
          answers.put("client", client);
          r = new DiagnosisRequest(request.texts(), answers, request.asOf(), request.probes(), request.sources());
        }
        Diagnosis d = ENGINE.diagnose(r);
        if (d.hasCauses()) {
          plans++;
        }
        check(f.id() + (client == null ? "" : " as " + client), d, problems);
      }
    }
    assertThat(plans).isGreaterThan(300);
    assertThat(problems).isEmpty();
  }

  private static void check(String name, Diagnosis d, List<String> problems) {
    Plan plan = d.plan();
    boolean wizard = d.client() != null && "wizard".equals(d.client().id());
    ClientDef wizardDef = KB.client("wizard").orElseThrow();
    for (Item i : plan.items()) {
      if (i.kind() == ItemKind.STEP && !wizard) {
        for (String word : wizardDef.ownWords()) {
          Pattern p = Pattern.compile("\\b" + Pattern.quote(word) + "\\b", Pattern.CASE_INSENSITIVE);
          if (p.matcher(i.text()).find() || i.verify() != null && p.matcher(i.verify()).find()) {
            problems.add(name + ": step " + i.id() + " speaks of the wizard ('" + word + "') for client "
                + (d.client() == null ? "unknown" : d.client().id()));
          }
        }
      }
      if (i.kind() == ItemKind.STEP && i.risky()) {
        double best = d.causes().stream().filter(c -> i.causes().contains(c.cause().id()))
            .mapToDouble(RankedCause::confidence).max().orElse(0);
        if (best < Plan.RISKY_FROM) {
          problems.add(name + ": risky step " + i.id() + " shown for causes at " + best);
        }
      }
    }
    // A question meant for some clients only (the wizard's steps) is not put to another client.
    for (Diagnosis.OpenQuestion q : d.openQuestions()) {
      if (!q.question().asks(d.client() == null ? null : d.client().client())) {
        problems.add(name + ": question " + q.question().id() + " is put to client " + d.client().id());
      }
    }
    if (!plan.items().isEmpty() && plan.items().get(0).risky()) {
      problems.add(name + ": the first item " + plan.items().get(0).id() + " is risky");
    }
    if (plan.established()) {
      List<String> own = d.causes().get(0).cause().steps();
      plan.steps().stream().filter(i -> !own.contains(i.id()))
          .forEach(i -> problems.add(name + ": established cause shows the step " + i.id() + " of another cause"));
      if (plan.groups().size() != 1) {
        problems.add(name + ": established cause in " + plan.groups().size() + " groups");
      }
    }
    // The flat list of steps (JSON steps, batch lines, fixtures' first-step) is the plan's, in its order.
    List<String> flat = d.steps().stream().map(s -> s.step().id()).toList();
    if (!flat.equals(plan.steps().stream().map(Item::id).toList())) {
      problems.add(name + ": steps " + flat + " differ from the plan's " + plan.steps().stream().map(Item::id).toList());
    }
  }

  /**
   * A bare 401, a generic 403 or a German refusal says almost nothing: whatever the client, and (for an unknown
   * client) whatever one yes/no or choice answer is added, the plan never leads with a risky step and shows none for a cause
   * below 0.7.
   */
  @Test
  void vagueRefusalsNeverLeadWithARiskyStep() {
    List<String> texts = List.of(
        "The remote server returned an error: (401) Unauthorized.",
        "401 Unauthorized",
        "HTTP/1.1 401 Unauthorized",
        "The remote server returned an error: (403) Forbidden.",
        "403 Forbidden",
        "Access denied. You do not have permission to perform this action or access this resource.",
        "Zugriff verweigert",
        "Der Remoteserver hat einen Fehler zur\u00fcckgegeben: (403) Unzul\u00e4ssig.",
        "Zugriff verweigert. Sie haben keine Berechtigung, diesen Vorgang auszuf\u00fchren oder auf diese Ressource"
            + " zuzugreifen.",
        "System.UnauthorizedAccessException: Zugriff verweigert");
    List<String> clients = new ArrayList<>();
    clients.add(null);
    KB.clients().forEach(c -> clients.add(c.id()));
    List<Map<String, String>> answerSets = new ArrayList<>();
    answerSets.add(Map.of());
    for (dev.spdoctor.kb.Question q : KB.questions().values()) {
      List<String> values = switch (q.type()) {
        case "yesno" -> List.of("yes", "no");
        case "choice" -> q.choices();
        default -> List.of();
      };
      values.forEach(v -> answerSets.add(Map.of(q.id(), v)));
    }
    List<String> problems = new ArrayList<>();
    int runs = 0;
    int withCauses = 0;
    for (String text : texts) {
      for (String client : clients) {
        for (Map<String, String> given : client == null ? answerSets : List.of(Map.<String, String>of())) {
          Map<String, String> answers = new LinkedHashMap<>(given);
          if (client != null) {
            answers.put("client", client);
          }
          Diagnosis d = diagnose(text, answers);
          runs++;
          if (d.hasCauses()) {
            withCauses++;
          }
          String name = "'" + text + "' as " + client + " with " + given;
          check(name, d, problems);
          if (given.isEmpty() && d.hasCauses() && d.causes().get(0).confidence() >= Plan.RISKY_FROM) {
            problems.add(name + ": a vague refusal reads as " + d.causes().get(0).cause().id() + " at "
                + d.causes().get(0).confidence());
          }
        }
      }
    }
    assertThat(runs).isGreaterThan(500);
    assertThat(withCauses).as("some of these refusals have candidate causes, so the gate is exercised").isPositive();
    assertThat(problems).isEmpty();
  }

  @Test
  void threeCandidatesStartWithTheCheckThatTellsThemApart() {
    Diagnosis d = diagnose("AADSTS700016: Application with identifier '0b6a4b23-9c1e-4f7d-8a25-3e6d1f9c7b40' was not"
        + " found in the directory 'contoso.onmicrosoft.com'.", Map.of());
    Plan plan = d.plan();
    assertThat(plan.established()).isFalse();
    assertThat(plan.groups().get(0).kind()).isEqualTo(Plan.GroupKind.CHECKS);
    Item first = plan.items().get(0);
    assertThat(first.kind()).isEqualTo(ItemKind.CHECK);
    assertThat(first.outcomes()).extracting(Plan.Outcome::answer).containsExactly("yes", "no");
    assertThat(first.outcomes().stream().anyMatch(Plan.Outcome::establishes)).isTrue();
    // Then each cause under its own heading, in rank order.
    assertThat(plan.groups().stream().skip(1).map(Plan.Group::cause).toList())
        .startsWith("app-registration-deleted", "wrong-client-or-tenant-id", "app-registration-not-propagated");
  }

  @Test
  void anEstablishedCauseListsOnlyItsOwnSteps() {
    Diagnosis d = diagnose("AADSTS700016: Application with identifier '0b6a4b23-9c1e-4f7d-8a25-3e6d1f9c7b40' was not"
        + " found in the directory 'contoso.onmicrosoft.com'.", Map.of("app-registration-exists", "no"));
    assertThat(d.plan().established()).isTrue();
    assertThat(d.plan().steps()).extracting(Item::id)
        .containsExactly("register-app-again", "restore-deleted-app-registration", "rerun-connection-configuration");
    assertThat(d.plan().alsoPossible()).extracting(Plan.AlsoPossible::cause).contains("wrong-client-or-tenant-id");
  }

  @Test
  void aGuessDoesNotGetAStepThatWeakensSecurity() {
    Diagnosis d = diagnose("office365.runtime.client_request_exception.ClientRequestException: ('-2147024891,"
        + " System.UnauthorizedAccessException', 'Access denied. You do not have permission to perform this action or"
        + " access this resource.', '403 Client Error: Forbidden for url: https://contoso.sharepoint.com/_api/web')",
        Map.of());
    assertThat(d.plan().steps()).extracting(Item::id).doesNotContain("allow-custom-script");
    Item confirm = d.plan().items().stream().filter(i -> i.kind() == ItemKind.CONFIRM).findFirst().orElseThrow();
    assertThat(confirm.heldBack()).startsWith("allow-custom-script");
    // Confirmed, the cause is established and its steps (the risky one labelled) are shown, never first.
    Diagnosis confirmed = diagnose("Access denied. You do not have permission to perform this action or access this"
        + " resource.", Map.of("operation", "restore-lists"));
    assertThat(confirmed.plan().steps()).extracting(Item::id).contains("allow-custom-script");
    assertThat(confirmed.plan().items().get(0).risky()).isFalse();
  }

  @Test
  void aBlockingFindingComesBeforeTheStepsThatNeedIt() {
    List<dev.spdoctor.facts.ProbeRun> probes = List.of(
        new dev.spdoctor.facts.ProbeRun("certificate", "failed", "no such file", Map.of("error", "file-missing"), 1),
        new dev.spdoctor.facts.ProbeRun("dns", "collected", "no address", Map.of("resolver", "system", "login", "nxdomain",
            "graph", "nxdomain", "sharepoint", "nxdomain", "sharepoint-resolves", "no"), 1),
        new dev.spdoctor.facts.ProbeRun("tls", "failed", "unknown host", Map.of("host", "login.microsoftonline.com",
            "proxy", "none", "net-error", "unknown-host"), 1));
    Diagnosis d = ENGINE.diagnose(new DiagnosisRequest(List.of(), Map.of("deployment", "online"),
        LocalDate.of(2026, 12, 2), probes));
    List<String> ids = d.plan().steps().stream().map(Item::id).toList();
    assertThat(ids.get(0)).isEqualTo("test-sign-in-host-reachability");
    assertThat(ids.indexOf("test-sign-in-host-reachability")).isLessThan(ids.indexOf("upload-certificate-to-app-registration"));
    assertThat(d.plan().groups().get(0).blocking()).containsExactly("network");
  }

  @Test
  void theClientIsRecognisedAndWordsTheSteps() {
    Diagnosis d = diagnose("Connect-PnPOnline : AADSTS700016: Application with identifier"
        + " '0b6a4b23-9c1e-4f7d-8a25-3e6d1f9c7b40' was not found in the directory 'contoso.onmicrosoft.com'.",
        Map.of("app-registration-exists", "no"));
    assertThat(d.client().id()).isEqualTo("pnp-powershell");
    assertThat(d.client().source()).isEqualTo("text");
    assertThat(d.client().basis()).contains("Connect-PnPOnline");
    Item first = d.plan().steps().get(0);
    assertThat(first.variant()).isEqualTo("pnp-powershell");
    assertThat(first.text()).contains("Register-PnPEntraIDApp");
    // Given, the client wins over the text; unknown, the wording is generic.
    Diagnosis given = diagnose("Connect-PnPOnline : AADSTS700016: Application with identifier"
        + " '0b6a4b23-9c1e-4f7d-8a25-3e6d1f9c7b40' was not found in the directory 'contoso.onmicrosoft.com'.",
        Map.of("app-registration-exists", "no", "client", "cli-m365"));
    assertThat(given.client().id()).isEqualTo("cli-m365");
    assertThat(given.plan().steps().get(0).text()).contains("m365 ");
    Diagnosis none = diagnose("AADSTS700016: Application with identifier '0b6a4b23-9c1e-4f7d-8a25-3e6d1f9c7b40' was"
        + " not found in the directory 'contoso.onmicrosoft.com'.", Map.of("app-registration-exists", "no"));
    assertThat(none.client()).isNull();
    assertThat(none.plan().steps()).allMatch(i -> i.variant() == null);
  }

  private static Diagnosis diagnose(String text, Map<String, String> answers) {
    return ENGINE.diagnose(new DiagnosisRequest(List.of(text), answers, LocalDate.of(2026, 12, 2)));
  }
}
