package dev.spdoctor.authoring;

import dev.spdoctor.engine.AnswerException;
import dev.spdoctor.engine.AnswerValidator;
import dev.spdoctor.kb.KnowledgeBase;
import dev.spdoctor.probe.ObservationKeys;
import dev.spdoctor.text.Similar;
import dev.spdoctor.yaml.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Every name a fixture case uses is checked as the names in rules are: the causes of
 * {@code expect:} (first, causes, absent), its first step, the questions of {@code answers:} with
 * their values, and the probes and values of {@code probes:}. A misspelt one would otherwise make a
 * case pass for the wrong reason or drop out of {@code kb test --filter}.
 */
final class FixtureReferences {
  private FixtureReferences() {}

  /** The probes and values of every case (they need no knowledge base). */
  static void checkProbes(List<FixtureRunner.Located> cases, Function<FixtureRunner.Located, String> shown,
      List<Problem> problems) {
    for (FixtureRunner.Located c : cases) {
      if (c.fixture().probes() == null) {
        continue;
      }
      String who = "case '" + c.fixture().name() + "'";
      c.fixture().probes().forEach((probe, values) -> {
        int[] at = c.at("probes", probe);
        if (!ObservationKeys.probes().contains(probe)) {
          problems.add(new Problem(shown.apply(c), at[0], at[1], who + " gives probe '" + probe + "', which does not exist",
              didYouMean(probe, ObservationKeys.probes()) + "see docs/probes.md"));
        } else if (values != null) {
          for (String key : values.keySet()) {
            if (!"outcome".equals(key) && !ObservationKeys.of(probe).contains(key)) {
              int[] k = c.at("probes", probe, key);
              problems.add(new Problem(shown.apply(c), k[0], k[1], who + " reads the value '" + key
                  + "', which probe " + probe + " does not record",
                  didYouMean(key, ObservationKeys.of(probe)) + "docs/probes.md lists what each probe records"));
            }
          }
        }
      });
    }
  }

  /** The causes, steps and answers every case names. */
  static void checkNames(KnowledgeBase kb, List<FixtureRunner.Located> cases,
      Function<FixtureRunner.Located, String> shown, List<Problem> problems) {
    Set<String> steps = new TreeSet<>(kb.steps().keySet());
    for (FixtureRunner.Located c : cases) {
      String who = "case '" + c.fixture().name() + "'";
      String file = shown.apply(c);
      var expect = c.fixture().expect();
      if (expect != null) {
        cause(kb, c, file, who, expect.first(), problems, "expect", "first");
        list(kb, c, file, who, expect.causes(), "causes", problems);
        list(kb, c, file, who, expect.absent(), "absent", problems);
        if (expect.firstStep() != null && !steps.contains(expect.firstStep())) {
          int[] at = c.at("expect", "first-step");
          problems.add(new Problem(file, at[0], at[1], who + " expects first step '" + expect.firstStep()
              + "', which no cause has", didYouMean(expect.firstStep(), steps) + "use a step id from knowledge-base/causes/"));
        }
      }
      if (c.fixture().answers() != null) {
        c.fixture().answers().forEach((question, value) -> {
          try {
            AnswerValidator.canonical(kb, question, value);
          } catch (AnswerException e) {
            boolean known = kb.questions().containsKey(question);
            int[] at = c.at("answers", question);
            problems.add(new Problem(file, at[0], at[1], who + " answers "
                + (known ? e.getMessage() : "question '" + question + "', which does not exist"),
                known ? "give an answer the question takes (docs/knowledge-base.md)"
                    : didYouMean(question, kb.questions().keySet()) + "use a question id from knowledge-base/questions/"));
          }
        });
      }
    }
  }

  private static void list(KnowledgeBase kb, FixtureRunner.Located c, String file, String who, List<String> ids,
      String key, List<Problem> problems) {
    if (ids == null) {
      return;
    }
    for (int i = 0; i < ids.size(); i++) {
      cause(kb, c, file, who, ids.get(i), problems, "expect", key, i);
    }
  }

  private static void cause(KnowledgeBase kb, FixtureRunner.Located c, String file, String who, String id,
      List<Problem> problems, Object... path) {
    if (id == null || kb.causes().containsKey(id)) {
      return;
    }
    int[] at = c.at(path);
    if (at[0] == c.at()[0] && path.length == 3) {
      at = c.at(path[0], path[1]); // a single id written without brackets
    }
    problems.add(new Problem(file, at[0], at[1], who + " expects cause '" + id + "', which does not exist",
        didYouMean(id, kb.causes().keySet()) + "use a cause id from knowledge-base/causes/"));
  }

  private static String didYouMean(String word, java.util.Collection<String> candidates) {
    String near = Similar.nearestId(word, new ArrayList<>(candidates));
    return near == null ? "" : "did you mean '" + near + "'? ";
  }
}
