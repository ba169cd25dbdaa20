package dev.spdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.authoring.Coverage;
import dev.spdoctor.engine.Engine;
import dev.spdoctor.authoring.FixtureRunner;
import dev.spdoctor.authoring.FixtureRunner.Located;
import dev.spdoctor.authoring.RuleSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every cause has a case where it must be concluded and one where it must not; every rule fires somewhere. */
class FixtureCoverageTest {
  @Test
  void everyCauseHasPositiveAndNegativeCasesEveryRuleFiresAndEveryMessageIsCovered() throws IOException {
    Engine engine = Engine.bundled();
    FixtureRunner runner = new FixtureRunner(engine);
    List<Located> cases = FixtureRunner.load(Path.of("fixtures"));
    Coverage coverage = Coverage.of(runner, cases, RuleSource.read(Path.of("rules")).rules(), engine.knowledgeBase());
    assertThat(coverage.withoutPositive()).as("causes without a case where they must be concluded").isEmpty();
    assertThat(coverage.withoutNegative()).as("causes without a near-miss case where they must not be").isEmpty();
    assertThat(coverage.neverFired()).as("rules that no fixture makes fire").isEmpty();

    Set<String> signatures = engine.knowledgeBase().signatures().stream().map(s -> s.id()).collect(Collectors.toSet());
    assertThat(coverage.signaturesLeadingToACause()).as("messages (signatures) with no fixture that leads to a cause")
        .containsAll(signatures);
  }
}
