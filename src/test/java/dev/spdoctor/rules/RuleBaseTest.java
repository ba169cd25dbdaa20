package dev.spdoctor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.engine.RuleBase;
import dev.spdoctor.kb.KnowledgeBase;
import dev.spdoctor.kb.Signature;
import dev.spdoctor.rules.RuleSource.RuleInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

/** The rules in rules/ and the knowledge base agree with each other and with the bundled model. */
class RuleBaseTest {
  private static final Pattern SIGNATURE_REF = Pattern.compile("signature == \"([a-z0-9-]+)\"");
  private static final Pattern QUESTION_REF = Pattern.compile("(?:key == |Need\\.of\\(drools\\.getRule\\(\\), )\"([a-z0-9-]+)\"");
  private static List<RuleInfo> source;
  private static KnowledgeBase kb;

  @BeforeAll
  static void read() throws IOException {
    RuleSource.Parsed parsed = RuleSource.read(Path.of("rules"));
    assertThat(parsed.problems()).isEmpty();
    source = parsed.rules();
    kb = KnowledgeBase.bundled();
  }

  @Test
  void bundledModelHoldsEveryRuleInRulesFolder() {
    KieBase bundled = RuleBase.bundled();
    Set<String> compiled = bundled.getKiePackages().stream()
        .flatMap(p -> p.getRules().stream().map(r -> p.getName() + "/" + r.getName()))
        .collect(Collectors.toSet());
    Set<String> written = source.stream().map(r -> r.pkg() + "/" + r.name()).collect(Collectors.toSet());
    assertThat(written).hasSizeGreaterThan(40);
    assertThat(compiled).containsAll(written);
  }

  @Test
  void everyRuleHasAUniqueKebabCaseId() {
    Set<String> seen = new HashSet<>();
    for (RuleInfo r : source) {
      assertThat(r.id()).as(r.file() + ":" + r.line() + " rule \"" + r.name() + "\" needs @id(\"...\")")
          .isNotNull().matches("[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(seen.add(r.id())).as("duplicate @id " + r.id() + " at " + r.file() + ":" + r.line()).isTrue();
    }
  }

  @Test
  void everyKbReferenceResolvesToACause() {
    for (RuleInfo r : source) {
      if (r.kb() != null) {
        assertThat(kb.causes()).as(r.file() + ":" + r.line() + " @kb(\"" + r.kb() + "\")").containsKey(r.kb());
      } else {
        assertThat(r.pkg()).as(r.file() + ":" + r.line() + " a cause rule needs @kb").isEqualTo("rules.context");
      }
    }
  }

  @Test
  void everyCauseIsConcludedBySomeRule() {
    Set<String> concluded = source.stream().filter(r -> r.text().contains("Support.of"))
        .map(RuleInfo::kb).collect(Collectors.toSet());
    assertThat(concluded).containsAll(kb.causes().keySet());
  }

  @Test
  void everySignatureIsUsedAndEveryReferenceExists() {
    Set<String> referenced = new HashSet<>();
    for (RuleInfo r : source) {
      Matcher m = SIGNATURE_REF.matcher(r.text());
      while (m.find()) {
        referenced.add(m.group(1));
      }
    }
    Set<String> defined = kb.signatures().stream().map(Signature::id).collect(Collectors.toSet());
    assertThat(defined).as("signatures no rule uses").containsExactlyInAnyOrderElementsOf(referenced);
  }

  @Test
  void everyQuestionARuleNamesExists() {
    for (RuleInfo r : source) {
      Matcher m = QUESTION_REF.matcher(r.text());
      while (m.find()) {
        assertThat(kb.questions()).as(r.file() + ":" + r.line() + " names the question " + m.group(1))
            .containsKey(m.group(1));
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
