package dev.spdoctor.authoring;

import com.google.re2j.Pattern;
import dev.spdoctor.engine.WorkingCopy;
import dev.spdoctor.kb.KbException;
import dev.spdoctor.kb.KbLoader;
import dev.spdoctor.yaml.Problem;
import dev.spdoctor.kb.KnowledgeBase;
import dev.spdoctor.kb.Signature;
import dev.spdoctor.probe.ObservationKeys;
import dev.spdoctor.authoring.RuleSource.RuleInfo;
import dev.spdoctor.text.Similar;
import dev.spdoctor.text.TextNormalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a working copy without running a diagnosis: the knowledge base against its schema, the
 * rules against the compiler, and the two against each other and the fixtures. Every problem says
 * where it is and how to fix it.
 */
public final class KbChecker {

  /** What a check found, and how much it looked at. */
  public record Report(List<Problem> problems, boolean knowledgeBaseRead, int causes, int signatures, int questions,
      int rules, int fixtures) {
    /** One line: clean or how many problems, and what was looked at (the knowledge base only when it could be read). */
    public String summary(long millis) {
      String what = knowledgeBaseRead
          ? String.format("%d causes, %d signatures, %d questions, %d rules, %d fixture cases checked", causes, signatures,
              questions, rules, fixtures)
          : String.format("the knowledge base could not be read, so its causes, signatures and questions were not"
              + " cross-checked; %d rules, %d fixture cases checked", rules, fixtures);
      return (problems.isEmpty() ? "clean" : problems.size() + " problem(s)") + ": " + what + " in " + millis + " ms";
    }
  }

  private KbChecker() {}

  public static Report check(WorkingCopy copy) throws IOException {
    List<Problem> problems = new ArrayList<>();
    KnowledgeBase kb = null;
    try {
      kb = KbLoader.load(copy.knowledgeBaseDir());
    } catch (KbException e) {
      problems.addAll(e.problems());
    }
    List<Problem> drl = copy.checkRules();
    problems.addAll(drl);
    boolean rulesCompile = drl.isEmpty();
    RuleSource.Parsed parsed = RuleSource.read(copy.rulesDir());
    List<RuleInfo> rules = parsed.rules();
    checkRuleIds(copy, rules, problems);
    checkLayout(copy, rules, kb == null ? null : kb.causes().keySet(), problems);
    List<FixtureRunner.Located> cases = List.of();
    if (Files.isDirectory(copy.fixturesDir())) {
      cases = FixtureRunner.load(copy.fixturesDir(), problems);
    }
    List<String> fixtureTexts = new ArrayList<>();
    cases.forEach(c -> fixtureTexts.add(TextNormalizer.normalize(c.fixture().textOrEmpty())));
    int fixtures = cases.size();
    checkObservations(copy, rules, cases, problems);
    Placeholders.check(copy, problems);
    if (kb != null) {
      FixtureReferences.checkNames(kb, cases, c -> rel(copy, c.file()), problems);
    }
    if (kb != null && rulesCompile) {
      // Cross-checks read the rules; with a rule that does not compile they would only echo its error.
      crossCheck(copy, kb, rules, fixtureTexts, problems);
    }
    return new Report(problems, kb != null, kb == null ? 0 : kb.causes().size(), kb == null ? 0 : kb.signatures().size(),
        kb == null ? 0 : kb.questions().size(), rules.size(), fixtures);
  }

  private static final java.util.regex.Pattern OBSERVED = java.util.regex.Pattern.compile("Observed\\(([^()]*)\\)");
  private static final java.util.regex.Pattern PROBE_REF = java.util.regex.Pattern.compile("probe == \"([a-z0-9-]+)\"");
  private static final java.util.regex.Pattern KEY_REF = java.util.regex.Pattern.compile("key == \"([a-z0-9-]+)\"");

  /**
   * Probe ids and value keys in rules ({@code Observed(...)}) and fixtures ({@code probes:}) must
   * be ones the probes record (docs/probes.md): a misspelt key would never match.
   */
  private static void checkObservations(WorkingCopy copy, List<RuleInfo> rules, List<FixtureRunner.Located> cases,
      List<Problem> problems) {
    for (RuleInfo r : rules) {
      java.util.regex.Matcher m = OBSERVED.matcher(r.text());
      while (m.find()) {
        int line = r.line() + (int) r.text().substring(0, m.start()).chars().filter(c -> c == '\n').count();
        List<String> probes = new ArrayList<>();
        java.util.regex.Matcher p = PROBE_REF.matcher(m.group(1));
        while (p.find()) {
          probes.add(p.group(1));
        }
        for (String probe : probes) {
          if (!ObservationKeys.probes().contains(probe)) {
            String near = Similar.nearestId(probe, List.copyOf(ObservationKeys.probes()));
            problems.add(new Problem(rel(copy, r.file()), line, 0, "rule '" + r.id() + "' reads probe '" + probe
                + "', which does not exist", (near != null ? "did you mean '" + near + "'? " : "")
                + "the probes are " + String.join(", ", ObservationKeys.probes()) + " (docs/probes.md)"));
          }
        }
        java.util.regex.Matcher k = KEY_REF.matcher(m.group(1));
        while (k.find()) {
          String key = k.group(1);
          boolean known = probes.isEmpty() ? ObservationKeys.anyProbeRecords(key)
              : probes.stream().anyMatch(pr -> ObservationKeys.of(pr).contains(key));
          if (!known) {
            problems.add(keyProblem(rel(copy, r.file()), line, "rule '" + r.id() + "'", probes, key));
          }
        }
      }
    }
    FixtureReferences.checkProbes(cases, c -> rel(copy, c.file()), problems);
  }

  private static Problem keyProblem(String at, int line, String who, List<String> probes, String key) {
    List<String> candidates = new ArrayList<>();
    (probes.isEmpty() ? ObservationKeys.probes() : probes).forEach(p -> candidates.addAll(ObservationKeys.of(p)));
    String near = Similar.nearestId(key, candidates);
    return new Problem(at, line, 0, who + " reads the value '" + key + "', which "
        + (probes.isEmpty() ? "no probe records" : "probe " + String.join("/", probes) + " does not record"),
        (near != null ? "did you mean '" + near + "'? " : "") + "docs/probes.md lists what each probe records");
  }

  private static void checkRuleIds(WorkingCopy copy, List<RuleInfo> rules, List<Problem> problems) {
    Map<String, RuleInfo> seen = new HashMap<>();
    for (RuleInfo r : rules) {
      String at = rel(copy, r.file());
      if (r.id() == null) {
        problems.add(new Problem(at, r.line(), 0, "rule \"" + r.name() + "\" has no @id",
            "add @id(\"kebab-case-id\") after the rule name; ids are stable once published"));
        continue;
      }
      if (!KbLoader.isKebab(r.id())) {
        problems.add(new Problem(at, r.line(), 0, "rule id '" + r.id() + "' is not kebab-case",
            "use lower-case words joined by '-'"));
      }
      RuleInfo before = seen.putIfAbsent(r.id(), r);
      if (before != null) {
        problems.add(new Problem(at, r.line(), 0, "rule id '" + r.id() + "' is already used at "
            + rel(copy, before.file()) + ":" + before.line(), "give this rule its own @id"));
      }
    }
  }

  /**
   * One cause, one rule file: every rule with {@code @kb("X")} lives in {@code rules/<domain>/X.drl}
   * in package {@code rules.<domain>}, rules without {@code @kb} live in {@code rules/context/}, and the
   * cause's own fixtures are {@code fixtures/<domain>/X.yaml} in the same domain.
   */
  private static void checkLayout(WorkingCopy copy, List<RuleInfo> rules, Set<String> causes, List<Problem> problems) {
    Map<String, String> domainOf = new HashMap<>();
    for (RuleInfo r : rules) {
      String at = rel(copy, r.file());
      Path relative = copy.rulesDir().toAbsolutePath().relativize(r.file().toAbsolutePath());
      String domain = relative.getNameCount() == 2 ? relative.getName(0).toString() : null;
      String fileName = r.file().getFileName().toString().replaceFirst("\\.drl$", "");
      if (r.kb() == null) {
        if (!"context".equals(domain)) {
          problems.add(new Problem(at, r.line(), 0, "rule '" + r.id() + "' has no @kb but is outside rules/context/",
              "rules that conclude no cause (findings, queries) belong in rules/context/; a cause rule needs @kb"));
        }
        continue;
      }
      if (causes != null && !causes.contains(r.kb())) {
        continue; // reported once by the cross-check, with the nearest cause id
      }
      if (domain == null || "context".equals(domain) || !fileName.equals(r.kb())) {
        problems.add(new Problem(at, r.line(), 0, "rule '" + r.id() + "' concludes about '" + r.kb()
            + "' but is not in that cause's rule file",
            "move it to rules/<domain>/" + r.kb() + ".drl: every rule of one cause lives in one file named after it"));
        continue;
      }
      if (!("rules." + domain).equals(r.pkg())) {
        problems.add(new Problem(at, 1, 0, "package '" + r.pkg() + "' does not match the folder rules/" + domain + "/",
            "declare 'package rules." + domain + ";'"));
      }
      domainOf.putIfAbsent(r.kb(), domain);
    }
    for (Map.Entry<String, String> e : domainOf.entrySet()) {
      Path fixture = copy.fixturesDir().resolve(e.getValue()).resolve(e.getKey() + ".yaml");
      if (Files.isDirectory(copy.fixturesDir()) && !Files.isRegularFile(fixture)) {
        problems.add(new Problem("rules/" + e.getValue() + "/" + e.getKey() + ".drl", 1, 0,
            "cause '" + e.getKey() + "' has no fixture file fixtures/" + e.getValue() + "/" + e.getKey() + ".yaml",
            "create it beside the rule file's domain with the cases that must conclude the cause and near misses that must not"));
      }
    }
  }

  private static void crossCheck(WorkingCopy copy, KnowledgeBase kb, List<RuleInfo> rules, List<String> fixtureTexts,
      List<Problem> problems) {
    Set<String> concluded = new HashSet<>();
    Map<RuleInfo, String> dangling = new HashMap<>();
    Set<String> signaturesUsed = new HashSet<>();
    Set<String> questionsUsed = new HashSet<>();
    Set<String> signatureIds = new HashSet<>();
    kb.signatures().forEach(s -> signatureIds.add(s.id()));
    for (RuleInfo r : rules) {
      String at = rel(copy, r.file());
      boolean concludes = r.text().contains("Support.of") || r.text().contains("RuledOut.of") || r.text().contains("Need.of");
      if (r.kb() == null && concludes) {
        problems.add(new Problem(at, r.line(), 0, "rule '" + r.id() + "' concludes about a cause but has no @kb",
            "add @kb(\"cause-id\") naming the knowledge-base cause it concludes about"));
      } else if (r.kb() != null && !kb.causes().containsKey(r.kb())) {
        dangling.put(r, r.kb());
      }
      if (r.kb() != null && r.text().contains("Support.of")) {
        concluded.add(r.kb());
      }
      r.signatures().forEach((sig, offset) -> {
        signaturesUsed.add(sig);
        if (!signatureIds.contains(sig)) {
          problems.add(new Problem(at, r.line() + offset, 0, "signature '" + sig + "' does not exist",
              "create knowledge-base/signatures/" + sig + ".yaml, or fix the id"));
        }
      });
      r.questions().forEach((q, offset) -> {
        questionsUsed.add(q);
        if (!kb.questions().containsKey(q)) {
          problems.add(new Problem(at, r.line() + offset, 0, "question '" + q + "' does not exist",
              "create knowledge-base/questions/" + q + ".yaml, or fix the id"));
        }
      });
    }
    Set<String> suggested = new HashSet<>();
    for (Map.Entry<RuleInfo, String> d : dangling.entrySet()) {
      RuleInfo r = d.getKey();
      String near = Similar.nearestId(d.getValue(), kb.causes().keySet().stream().filter(c -> !concluded.contains(c)).toList());
      if (near != null) {
        suggested.add(near);
      }
      problems.add(new Problem(rel(copy, r.file()), r.line(), 0, "@kb(\"" + d.getValue() + "\") names no cause",
          near != null ? "did you mean @kb(\"" + near + "\")? (no other rule concludes that cause)"
              : "create knowledge-base/causes/" + d.getValue() + ".yaml (spdoctor kb new " + d.getValue()
                  + "), or fix the id"));
    }
    for (String cause : kb.causes().keySet()) {
      if (!concluded.contains(cause) && !suggested.contains(cause)) {
        problems.add(new Problem("knowledge-base/causes/" + cause + ".yaml", 1, 1,
            "no rule concludes cause '" + cause + "'",
            "add a rule with @kb(\"" + cause + "\") that inserts Support.of(...), or delete the cause"));
      }
    }
    for (String q : kb.questions().keySet()) {
      // The client question is read by the engine (it words the steps), not by rules.
      if (!questionsUsed.contains(q) && !"client".equals(kb.questions().get(q).type())) {
        problems.add(new Problem("knowledge-base/questions/" + q + ".yaml", 1, 1, "no rule uses question '" + q + "'",
            "read it in a rule (Known(key == \"" + q + "\", ...)) or ask for it (Need.of(drools.getRule(), \"" + q
                + "\")), or delete it"));
      }
    }
    for (Signature s : kb.signatures()) {
      String file = "knowledge-base/signatures/" + s.id() + ".yaml";
      if (!signaturesUsed.contains(s.id())) {
        problems.add(new Problem(file, 1, 1, "no rule uses signature '" + s.id() + "'",
            "match it in a rule (SignatureMatch(signature == \"" + s.id() + "\")), or delete it"));
      }
      List<Pattern> patterns = s.patterns().stream().map(Pattern::compile).toList();
      boolean matchesAFixture = fixtureTexts.stream().anyMatch(t -> patterns.stream().anyMatch(p -> p.matcher(t).find()));
      if (!matchesAFixture) {
        problems.add(new Problem(file, 1, 1, "no fixture text matches signature '" + s.id() + "'",
            "add a case with the real message to fixtures/ (docs/fixtures.md), or fix the pattern"));
      }
    }
  }
  private static String rel(WorkingCopy copy, Path file) {
    Path base = copy.root().toAbsolutePath();
    Path abs = file.toAbsolutePath();
    return abs.startsWith(base) ? base.relativize(abs).toString() : file.toString();
  }
}
