package dev.spdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.engine.Diagnosis.FiredRule;
import dev.spdoctor.engine.Engine;
import dev.spdoctor.fixtures.FixtureRunner;
import dev.spdoctor.fixtures.FixtureRunner.Located;
import dev.spdoctor.rules.RuleSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every cause has a case where it must be concluded and one where it must not; every rule fires somewhere. */
class FixtureCoverageTest {
  @Test
  void everyCauseHasPositiveAndNegativeCasesEveryRuleFiresAndEveryMessageIsCovered() throws IOException {
    Engine engine = Engine.bundled();
    List<Located> cases = FixtureRunner.load(Path.of("fixtures"));
    Set<String> positive = new HashSet<>();
    Set<String> negative = new HashSet<>();
    Set<String> fired = new HashSet<>();
    Set<String> recognised = new HashSet<>();
    FixtureRunner runner = new FixtureRunner(engine);
    for (Located c : cases) {
      var expect = c.fixture().expect();
      if (expect.causes() != null) {
        positive.addAll(expect.causes());
      }
      if (expect.first() != null) {
        positive.add(expect.first());
      }
      if (expect.absent() != null) {
        negative.addAll(expect.absent());
      }
      var result = runner.run(c);
      if (result.diagnosis() != null) {
        result.diagnosis().trace().stream().map(FiredRule::rule).forEach(fired::add);
        result.diagnosis().causes().forEach(r -> r.evidence().forEach(e -> {
          if (e.match() != null) {
            recognised.add(e.match().signature());
          }
        }));
      }
    }
    Set<String> causes = engine.knowledgeBase().causes().keySet();
    assertThat(positive).as("causes without a case where they must be concluded").containsAll(causes);
    assertThat(negative).as("causes without a near-miss case where they must not be").containsAll(causes);
    Set<String> rules = RuleSource.read(Path.of("rules")).rules().stream().map(RuleSource.RuleInfo::id)
        .collect(Collectors.toSet());
    Set<String> never = new HashSet<>(rules);
    never.removeAll(fired);
    assertThat(never).as("rules that no fixture makes fire").isEmpty();
    Set<String> signatures = engine.knowledgeBase().signatures().stream().map(s -> s.id()).collect(Collectors.toSet());
    assertThat(recognised).as("messages (signatures) with no fixture that leads to a cause").containsAll(signatures);
  }
}
