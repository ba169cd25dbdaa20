package dev.spdoctor.authoring;

import dev.spdoctor.engine.Diagnosis.FiredRule;
import dev.spdoctor.authoring.FixtureRunner.Located;
import dev.spdoctor.kb.KnowledgeBase;
import dev.spdoctor.authoring.RuleSource.RuleInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the fixtures exercise: how often each rule fired, which never did, which causes lack a
 * case where they must be concluded (positive) or one where they must not (negative), and which
 * signatures (messages) some case leads from to a concluded cause.
 */
public record Coverage(
    int cases,
    Map<String, Integer> fired,
    Set<String> neverFired,
    Set<String> withoutPositive,
    Set<String> withoutNegative,
    Set<String> signaturesLeadingToACause) {

  /** Runs every case and counts. */
  public static Coverage of(FixtureRunner runner, List<Located> cases, List<RuleInfo> rules, KnowledgeBase kb) {
    Map<String, Integer> fired = new TreeMap<>();
    rules.forEach(r -> fired.put(r.id(), 0));
    Set<String> positive = new TreeSet<>();
    Set<String> negative = new TreeSet<>();
    Set<String> recognised = new TreeSet<>();
    for (Located c : cases) {
      FixtureCase.Expect e = c.fixture().expect();
      if (e.causes() != null) {
        positive.addAll(e.causes());
      }
      if (e.first() != null) {
        positive.add(e.first());
      }
      if (e.absent() != null) {
        negative.addAll(e.absent());
      }
      FixtureRunner.Result r = runner.run(c);
      if (r.diagnosis() != null) {
        r.diagnosis().trace().stream().map(FiredRule::rule).forEach(id -> fired.merge(id, 1, Integer::sum));
        r.diagnosis().causes().forEach(cause -> cause.evidence().forEach(ev -> {
          if (ev.match() != null) {
            recognised.add(ev.match().signature());
          }
        }));
      }
    }
    Set<String> never = new TreeSet<>();
    fired.forEach((id, n) -> {
      if (n == 0) {
        never.add(id);
      }
    });
    Set<String> noPositive = new TreeSet<>(kb.causes().keySet());
    noPositive.removeAll(positive);
    Set<String> noNegative = new TreeSet<>(kb.causes().keySet());
    noNegative.removeAll(negative);
    return new Coverage(cases.size(), fired, never, noPositive, noNegative, recognised);
  }

  public boolean complete() {
    return neverFired.isEmpty() && withoutPositive.isEmpty() && withoutNegative.isEmpty();
  }
}
