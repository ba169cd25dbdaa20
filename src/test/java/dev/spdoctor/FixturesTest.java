package dev.spdoctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.spdoctor.engine.Engine;
import dev.spdoctor.authoring.FixtureRunner;
import dev.spdoctor.authoring.FixtureRunner.Located;
import dev.spdoctor.authoring.FixtureRunner.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every case under fixtures/ through the bundled rules and knowledge base. */
class FixturesTest {
  private static final Engine ENGINE = Engine.bundled();
  private static final FixtureRunner RUNNER = new FixtureRunner(ENGINE);

  static Stream<Arguments> cases() throws IOException {
    return FixtureRunner.load(Path.of("fixtures")).stream().map(c -> Arguments.of(Named.of(c.id(), c)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fixtureReachesItsExpectedOutcome(Located fixture) {
    Result result = RUNNER.run(fixture);
    assumeFalse(fixture.fixture().knownGap() && !result.passed(),
        () -> "known gap: " + fixture.fixture().reason() + " — " + result.problems());
    assertThat(result.problems()).as(fixture.id()).isEmpty();
  }
}
