package dev.spdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.authoring.FixtureCase;
import dev.spdoctor.authoring.FixtureRunner;
import dev.spdoctor.authoring.FixtureRunner.Located;
import dev.spdoctor.engine.Engine;
import dev.spdoctor.kb.MilestoneDef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every cause whose rules read a dated milestone has fixture cases about it on both sides of that date
 * (an as-of before it and one on or after it), and those cases pass: an era rule is tested in both eras.
 */
class MilestoneFixturesTest {
  private static final Pattern MILESTONE = Pattern.compile("Milestone\\(id == \"([a-z0-9-]+)\"");

  @Test
  void everyMilestoneDependentCauseHasPassingCasesOnBothSidesOfEachDate() throws IOException {
    Engine engine = Engine.bundled();
    Map<String, LocalDate> dates = engine.knowledgeBase().milestones().stream()
        .collect(Collectors.toMap(MilestoneDef::id, MilestoneDef::date));
    Map<String, Set<String>> milestonesByCause = new TreeMap<>();
    try (Stream<Path> files = Files.walk(Path.of("rules"))) {
      for (Path drl : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
        String cause = drl.getFileName().toString().replace(".drl", "");
        Matcher m = MILESTONE.matcher(Files.readString(drl));
        while (m.find()) {
          milestonesByCause.computeIfAbsent(cause, c -> new TreeSet<>()).add(m.group(1));
        }
      }
    }
    assertThat(milestonesByCause).as("causes whose rules read a milestone").isNotEmpty();
    assertThat(dates.keySet()).as("every milestone the rules read is in tables/milestones.yaml")
        .containsAll(milestonesByCause.values().stream().flatMap(Set::stream).toList());
    assertThat(milestonesByCause.values().stream().flatMap(Set::stream).collect(Collectors.toSet()))
        .as("every milestone of tables/milestones.yaml is read by some rule").containsAll(dates.keySet());

    List<Located> cases = FixtureRunner.load(Path.of("fixtures"));
    FixtureRunner runner = new FixtureRunner(engine);
    List<String> missing = new ArrayList<>();
    List<String> failing = new ArrayList<>();
    milestonesByCause.forEach((cause, milestones) -> {
      List<Located> about = cases.stream().filter(c -> mentions(c.fixture(), cause) && !c.fixture().knownGap()).toList();
      for (String milestone : milestones) {
        LocalDate date = dates.get(milestone);
        List<Located> before = about.stream().filter(c -> asOf(c.fixture()).isBefore(date)).toList();
        List<Located> after = about.stream().filter(c -> !asOf(c.fixture()).isBefore(date)).toList();
        if (before.isEmpty()) {
          missing.add(cause + " has no case before " + milestone + " (" + date + ")");
        }
        if (after.isEmpty()) {
          missing.add(cause + " has no case on or after " + milestone + " (" + date + ")");
        }
        Stream.concat(before.stream(), after.stream()).map(runner::run).filter(r -> !r.passed())
            .forEach(r -> failing.add(r.fixture().id() + " " + r.problems()));
      }
    });
    assertThat(missing).as("era rules without a case on one side of their date").isEmpty();
    assertThat(failing).as("era cases that fail").isEmpty();
  }

  private static LocalDate asOf(FixtureCase c) {
    return c.asOf() != null ? c.asOf() : FixtureRunner.DEFAULT_AS_OF;
  }

  private static boolean mentions(FixtureCase c, String cause) {
    FixtureCase.Expect e = c.expect();
    return e != null && (cause.equals(e.first())
        || (e.causes() != null && e.causes().contains(cause))
        || (e.absent() != null && e.absent().contains(cause)));
  }
}
