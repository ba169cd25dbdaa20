package dev.spdoctor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.authoring.RuleSource;
import dev.spdoctor.authoring.KbChecker;
import dev.spdoctor.engine.RuleBase;
import dev.spdoctor.engine.WorkingCopy;
import dev.spdoctor.authoring.RuleSource.RuleInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

/** The rules in rules/ and the knowledge base agree with each other and with the bundled model. */
class RuleBaseTest {
  private static List<RuleInfo> source;

  @BeforeAll
  static void read() throws IOException {
    RuleSource.Parsed parsed = RuleSource.read(Path.of("rules"));
    assertThat(parsed.problems()).isEmpty();
    source = parsed.rules();
  }

  @Test
  void bundledModelHoldsEveryRuleInRulesFolder() {
    KieBase bundled = RuleBase.bundled();
    Set<String> compiled = bundled.getKiePackages().stream()
        .flatMap(p -> p.getRules().stream().map(r -> p.getName() + "/" + r.getName()))
        .collect(Collectors.toSet());
    Set<String> written = source.stream().map(r -> r.pkg() + "/" + r.name()).collect(Collectors.toSet());
    assertThat(written).hasSizeGreaterThan(100);
    assertThat(compiled).containsAll(written);
  }

  @Test
  void repositoryKnowledgeBaseAndRulesCheckClean() throws IOException {
    // ids, @kb references, causes concluded, signatures and questions used, fixtures matched
    KbChecker.Report report = KbChecker.check(new WorkingCopy(Path.of(".")));
    assertThat(report.problems()).isEmpty();
    assertThat(report.causes()).isGreaterThanOrEqualTo(36);
  }

  @Test
  void everyCauseRuleNamesItsCauseAndContextRulesNeedNone() {
    for (RuleInfo r : source) {
      if (r.kb() == null) {
        assertThat(r.pkg()).as(r.file() + ":" + r.line() + " a cause rule needs @kb").isEqualTo("rules.context");
      }
    }
  }

  @Test
  void noRuleUsesSalienceOrAgendaGroups() {
    for (RuleInfo r : source) {
      assertThat(r.text()).as(r.file() + ":" + r.line()).doesNotContain("salience").doesNotContain("agenda-group");
    }
  }
}
