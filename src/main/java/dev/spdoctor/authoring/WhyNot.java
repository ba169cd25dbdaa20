package dev.spdoctor.authoring;

import dev.spdoctor.engine.Diagnosis;
import dev.spdoctor.kb.KbException;
import dev.spdoctor.kb.KbProblem;
import dev.spdoctor.rules.RuleSource;
import dev.spdoctor.rules.RuleSource.RuleInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.builder.Message;
import org.kie.api.builder.Results;
import org.kie.api.runtime.KieSession;
import org.kie.internal.utils.KieHelper;

/**
 * Explains, for authors, why a cause was not concluded: for each rule that concludes it, how many of
 * its conditions hold over the same facts, and the first one that does not. It compiles, per rule,
 * one query for each prefix of the rule's conditions and runs them on the diagnosis's facts.
 */
public final class WhyNot {
  /** How far one rule got. */
  public record RuleProgress(String rule, String name, boolean rulesOut, int held, List<String> conditions) {
    public boolean fired() {
      return held == conditions.size();
    }

    public String failing() {
      return fired() ? null : conditions.get(held);
    }
  }

  private WhyNot() {}

  /** The progress of every rule with {@code @kb(cause)}, closest first. */
  public static List<RuleProgress> explain(Path rulesDir, String cause, Diagnosis d) throws IOException {
    List<RuleInfo> rules = RuleSource.read(rulesDir).rules().stream().filter(r -> cause.equals(r.kb())).toList();
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("no rule in " + rulesDir + " concludes '" + cause + "' (no @kb(\"" + cause + "\"))");
    }
    Map<RuleInfo, List<String>> conditions = new LinkedHashMap<>();
    KieHelper helper = new KieHelper();
    int n = 0;
    for (RuleInfo r : rules) {
      List<String> cs = conditions(r.text());
      conditions.put(r, cs);
      StringBuilder drl = new StringBuilder("package whynot.p" + n + ";\n");
      for (String line : Files.readAllLines(r.file(), StandardCharsets.UTF_8)) {
        if (line.startsWith("import ")) {
          drl.append(line).append('\n');
        }
      }
      for (int k = 1; k <= cs.size(); k++) {
        drl.append("query \"q").append(n).append('_').append(k).append("\"\n");
        for (int i = 0; i < k; i++) {
          drl.append("  ").append(cs.get(i)).append('\n');
        }
        drl.append("end\n");
      }
      helper.addContent(drl.toString(), "whynot/p" + n + ".drl");
      n++;
    }
    Results results = helper.verify();
    if (results.hasMessages(Message.Level.ERROR)) {
      throw new KbException(List.of(new KbProblem("rules", 0, 0, "cannot analyse the rules of " + cause + ": "
          + results.getMessages(Message.Level.ERROR).get(0).getText(), "check the rules with spdoctor kb check")));
    }
    KieBase base = helper.build();
    KieSession session = base.newKieSession();
    List<RuleProgress> progress = new ArrayList<>();
    try {
      d.facts().forEach(session::insert);
      n = 0;
      for (Map.Entry<RuleInfo, List<String>> e : conditions.entrySet()) {
        int held = 0;
        for (int k = 1; k <= e.getValue().size(); k++) {
          if (session.getQueryResults("q" + n + "_" + k).size() == 0) {
            break;
          }
          held = k;
        }
        progress.add(new RuleProgress(e.getKey().id(), e.getKey().name(), e.getKey().text().contains("RuledOut.of"),
            held, e.getValue()));
        n++;
      }
    } finally {
      session.dispose();
    }
    progress.sort((a, b) -> Double.compare((double) b.held() / b.conditions().size(),
        (double) a.held() / a.conditions().size()));
    return progress;
  }

  /** The top-level conditions between {@code when} and {@code then}, one per entry. */
  static List<String> conditions(String ruleText) {
    int when = ruleText.indexOf("\nwhen");
    int then = ruleText.indexOf("\nthen", when + 1);
    String lhs = ruleText.substring(when + 5, then);
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int depth = 0;
    for (String line : lhs.split("\n")) {
      String code = line.replaceAll("//.*$", "").strip();
      if (code.isEmpty()) {
        continue;
      }
      if (current.length() > 0) {
        current.append(' ');
      }
      current.append(code);
      for (char c : code.toCharArray()) {
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      }
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
