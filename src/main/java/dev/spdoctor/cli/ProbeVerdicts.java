package dev.spdoctor.cli;

import dev.spdoctor.engine.Diagnosis;
import dev.spdoctor.engine.DiagnosisRequest;
import dev.spdoctor.engine.Engine;
import dev.spdoctor.probe.Observation;
import dev.spdoctor.probe.Outcome;
import dev.spdoctor.probe.Probes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether what each probe observed is healthy, a problem, or was not collected. The rules decide
 * what is a problem (they are the one place that knows a 1024-bit key or an NXDOMAIN is bad news):
 * a probe is a problem when it failed, or when a cause the rules concluded rests on something it
 * observed or on an error text it brought back. A probe that did not run is never healthy.
 */
final class ProbeVerdicts {
  /** One probe's verdict. */
  enum Verdict {
    HEALTHY("healthy"), PROBLEM("problem"), NOT_COLLECTED("not collected");

    private final String label;

    Verdict(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  private static final Pattern PROBE_FACT = Pattern.compile("^(?:Observed|ProbeRun)\\[probe=([^,\\]]+)");

  private final Map<String, Verdict> verdicts = new LinkedHashMap<>();
  private final Map<String, Set<String>> causes = new LinkedHashMap<>();

  private ProbeVerdicts() {}

  /** Judges {@code observations} with the bundled rules, as {@code diagnose --profile} would. */
  static ProbeVerdicts judge(List<Observation> observations, Map<String, String> facts, LocalDate day) {
    List<String> texts = Probes.texts(observations);
    Diagnosis d = Engine.bundled().diagnose(new DiagnosisRequest(texts, facts, day, Probes.runs(observations)));
    return of(observations, d);
  }

  /** The verdicts for {@code observations}, given the diagnosis made from them (texts in probe order). */
  static ProbeVerdicts of(List<Observation> observations, Diagnosis d) {
    ProbeVerdicts v = new ProbeVerdicts();
    List<String> textOwner = new ArrayList<>();
    for (Observation o : observations) {
      o.texts().forEach(t -> textOwner.add(o.probe()));
    }
    for (Diagnosis.RankedCause c : d.causes()) {
      Set<String> rules = new LinkedHashSet<>();
      for (Diagnosis.Evidence e : c.evidence()) {
        rules.add(e.rule());
        if (e.match() != null && e.match().input() >= 0 && e.match().input() < textOwner.size()) {
          v.blame(textOwner.get(e.match().input()), c.cause().id());
        }
      }
      for (Diagnosis.FiredRule f : d.trace()) {
        if (rules.contains(f.rule())) {
          for (String fact : f.facts()) {
            Matcher m = PROBE_FACT.matcher(fact);
            if (m.find()) {
              v.blame(m.group(1), c.cause().id());
            }
          }
        }
      }
    }
    for (Observation o : observations) {
      Verdict verdict;
      if (o.outcome() == Outcome.NOT_COLLECTED) {
        verdict = Verdict.NOT_COLLECTED;
      } else if (o.outcome() == Outcome.FAILED || v.causes.containsKey(o.probe())) {
        verdict = Verdict.PROBLEM;
      } else {
        verdict = Verdict.HEALTHY;
      }
      v.verdicts.put(o.probe(), verdict);
    }
    return v;
  }

  private void blame(String probe, String cause) {
    causes.computeIfAbsent(probe, k -> new LinkedHashSet<>()).add(cause);
  }

  Verdict of(String probe) {
    return verdicts.getOrDefault(probe, Verdict.NOT_COLLECTED);
  }

  /** The causes a probe's observation points at (empty for most). */
  Set<String> causes(String probe) {
    return causes.getOrDefault(probe, Set.of());
  }

  /** The exit code of {@code probe}: a problem first, then nothing collected, else OK. */
  int exitCode() {
    if (verdicts.containsValue(Verdict.PROBLEM)) {
      return ExitCodes.PROBE_PROBLEM;
    }
    if (!verdicts.containsValue(Verdict.HEALTHY)) {
      return ExitCodes.NOTHING_COLLECTED;
    }
    return ExitCodes.OK;
  }
}
