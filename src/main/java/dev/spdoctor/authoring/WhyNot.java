package dev.spdoctor.authoring;

import dev.spdoctor.engine.Diagnosis.FiredRule;
import dev.spdoctor.engine.Engine;
import dev.spdoctor.engine.WorkingCopy;
import dev.spdoctor.authoring.RuleSource.RuleInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.runtime.KieSession;

/**
 * Explains, for authors, why a cause was or was not concluded: for each rule that concludes it, how
 * many of its conditions hold and the first one that does not. Each rule's file is compiled with one
 * extra query per prefix of the rule's conditions, in the rule's own package, together with every
 * other rule; the queries are asked inside the real diagnosis session, after the rules have fired,
 * so findings derived by other rules (such as the deployment) are there as they were for the rule.
 */
public final class WhyNot implements Engine.SessionInspector {
  /**
   * How far one rule got.
   *
   * @param held how many of its conditions, in order, hold once the rules have fired
   * @param fired whether it fired in the session (it can have fired and lost a condition later: its
   *     conclusion is then withdrawn)
   */
  public record RuleProgress(String rule, String name, boolean rulesOut, int held, List<String> conditions,
      boolean fired) {
    /** The first condition that does not hold, or null when all do. */
    public String failing() {
      return held == conditions.size() ? null : conditions.get(held);
    }
  }

  /** A cause no rule in the working copy concludes. */
  public static final class UnknownCause extends RuntimeException {
    UnknownCause(String message) {
      super(message);
    }
  }

  private record Target(RuleInfo rule, List<String> conditions, String queryPrefix) {}

  private final Engine engine;
  private final Map<String, List<Target>> targets;
  private final Map<String, List<RuleProgress>> progress = new LinkedHashMap<>();

  private WhyNot(Engine engine, Map<String, List<Target>> targets) {
    this.engine = engine;
    this.targets = targets;
  }

  /**
   * Compiles the working copy's rules with the prefix queries of every rule that concludes a cause,
   * after checking that rules conclude each of {@code causes}.
   *
   * @throws UnknownCause when no rule concludes one of them
   * @throws dev.spdoctor.kb.KbException when the rules or the knowledge base have problems
   */
  public static WhyNot prepare(WorkingCopy copy, Collection<String> causes) throws IOException {
    List<RuleInfo> rules = RuleSource.read(copy.rulesDir()).rules();
    for (String cause : causes) {
      if (rules.stream().noneMatch(r -> cause.equals(r.kb()))) {
        throw new UnknownCause("no rule in " + copy.rulesDir() + " concludes '" + cause + "' (no @kb(\"" + cause
            + "\"))");
      }
    }
    // Queries for every cause, not only those asked about: one compilation then serves any question.
    Map<String, List<Target>> targets = new LinkedHashMap<>();
    Map<Path, StringBuilder> queries = new LinkedHashMap<>();
    int n = 0;
    for (RuleInfo r : rules) {
      if (r.kb() == null) {
        continue;
      }
      List<String> cs = conditions(r.text());
      String prefix = "whynot_" + n++ + "_";
      targets.computeIfAbsent(r.kb(), c -> new ArrayList<>()).add(new Target(r, cs, prefix));
      StringBuilder drl = queries.computeIfAbsent(r.file(), f -> new StringBuilder("\n"));
      for (int k = 1; k <= cs.size(); k++) {
        drl.append("query \"").append(prefix).append(k).append("\"\n");
        for (int i = 0; i < k; i++) {
          drl.append("  ").append(cs.get(i)).append('\n');
        }
        drl.append("end\n");
      }
    }
    Map<Path, String> extra = new LinkedHashMap<>();
    queries.forEach((file, drl) -> extra.put(file, drl.toString()));
    return new WhyNot(copy.engine(extra), targets);
  }

  /** The engine to diagnose with: the working copy's rules and the queries. */
  public Engine engine() {
    return engine;
  }

  @Override
  public void inspect(KieSession session, List<FiredRule> trace) {
    Set<String> fired = new HashSet<>();
    trace.forEach(r -> fired.add(r.rule()));
    progress.clear();
    targets.forEach((cause, list) -> {
      List<RuleProgress> out = new ArrayList<>();
      for (Target t : list) {
        int held = 0;
        for (int k = 1; k <= t.conditions().size(); k++) {
          if (session.getQueryResults(t.queryPrefix() + k).size() == 0) {
            break;
          }
          held = k;
        }
        out.add(new RuleProgress(t.rule().id(), t.rule().name(), t.rule().text().contains("RuledOut.of"), held,
            t.conditions(), fired.contains(t.rule().id())));
      }
      out.sort((a, b) -> Double.compare((double) b.held() / b.conditions().size(),
          (double) a.held() / a.conditions().size()));
      progress.put(cause, List.copyOf(out));
    });
  }

  /** The progress of every rule concluding {@code cause} in the last session inspected, closest first. */
  public List<RuleProgress> progress(String cause) {
    return progress.getOrDefault(cause, List.of());
  }

  /**
   * The top-level conditions between {@code when} and {@code then}, one per entry: a condition ends at
   * a line end where its parentheses balance. Comments and parentheses inside string literals (a
   * {@code matches} pattern such as {@code "https?://..."}) are text, not DRL.
   */
  static List<String> conditions(String ruleText) {
    int when = ruleText.indexOf("\nwhen");
    int then = ruleText.indexOf("\nthen", when + 1);
    String lhs = ruleText.substring(when + 5, then);
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int depth = 0;
    for (String line : lhs.split("\n")) {
      StringBuilder code = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (!quoted && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
          break;
        }
        if (c == '"' && (i == 0 || line.charAt(i - 1) != '\\')) {
          quoted = !quoted;
        } else if (!quoted) {
          depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        code.append(c);
      }
      String text = code.toString().strip();
      if (text.isEmpty()) {
        continue;
      }
      if (current.length() > 0) {
        current.append(' ');
      }
      current.append(text);
      if (depth == 0) {
        out.add(current.toString());
        current.setLength(0);
      }
    }
    if (current.length() > 0) {
      out.add(current.toString());
    }
    return out;
  }
}
