package dev.spdoctor.authoring;

import dev.spdoctor.authoring.RuleSource.RuleInfo;
import dev.spdoctor.kb.AppDef;
import dev.spdoctor.kb.Cause;
import dev.spdoctor.kb.KnowledgeBase;
import dev.spdoctor.kb.MilestoneDef;
import dev.spdoctor.kb.PortalEntry;
import dev.spdoctor.kb.Signature;
import dev.spdoctor.kb.Step;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Writes docs/catalog.md: every cause with its messages, rules, steps and source, from the knowledge base. */
public final class CatalogWriter {
  private CatalogWriter() {}

  /** The catalog as Markdown. */
  public static String write(KnowledgeBase kb, List<RuleInfo> rules) {
    Map<String, Signature> signatures = new TreeMap<>();
    kb.signatures().forEach(s -> signatures.put(s.id(), s));
    StringBuilder md = new StringBuilder();
    md.append("# Catalog of causes\n\n");
    md.append("Generated from `knowledge-base/` and `rules/`; do not edit by hand. A test fails when this file\n");
    md.append("is stale: regenerate it with `mvn -B test -Dtest=CatalogTest -Dgolden.update=true`.\n\n");
    md.append(kb.causes().size()).append(" causes, ").append(kb.signatures().size()).append(" error signatures, ")
        .append(rules.size()).append(" rules.\n\n");
    md.append("| Cause | Deployment | Title |\n|---|---|---|\n");
    for (Cause c : kb.causes().values()) {
      md.append("| [`").append(c.id()).append("`](#").append(c.id()).append(") | ")
          .append(String.join(", ", c.deployment())).append(" | ").append(c.title()).append(" |\n");
    }
    // Each step's variants are listed under the first cause (in this order) whose remediation has it.
    Map<String, String> firstCause = new java.util.HashMap<>();
    kb.causes().values().forEach(c -> c.steps().forEach(id -> firstCause.putIfAbsent(id, c.id())));
    for (Cause c : kb.causes().values()) {
      md.append("\n## ").append(c.id()).append("\n\n");
      md.append("**").append(c.title()).append("** (").append(String.join(", ", c.deployment())).append("; ")
          .append(c.status()).append(")\n\n");
      md.append(c.explanation()).append("\n\n");
      List<RuleInfo> concluding = new ArrayList<>();
      Set<String> messages = new LinkedHashSet<>();
      for (RuleInfo r : rules) {
        if (c.id().equals(r.kb())) {
          concluding.add(r);
          messages.addAll(r.signatures().keySet());
        }
      }
      if (!messages.isEmpty()) {
        md.append("Messages that lead to it:\n\n");
        for (String id : messages) {
          Signature s = signatures.get(id);
          md.append("- `").append(s == null ? id : s.message().replace("`", "'")).append("` (signature `").append(id)
              .append("`)\n");
        }
        md.append('\n');
      }
      md.append("Rules:\n\n");
      for (RuleInfo r : concluding) {
        md.append("- `").append(r.id()).append("`: ").append(r.name()).append('\n');
      }
      md.append("\nRemediation, in order:\n\n");
      int n = 1;
      for (String stepId : c.steps()) {
        Step step = kb.steps().get(stepId);
        if (step == null) {
          continue;
        }
        if (step.deprecated()) {
          md.append("- (deprecated, not recommended: ").append(step.history()).append(") ~~")
              .append(step.text()).append("~~").append(sourceOf(step)).append('\n');
          continue;
        }
        md.append(n++).append(". ").append(step.text()).append(" (`").append(step.id()).append("`)");
        if (step.role() != null) {
          md.append(" Role: ").append(step.role()).append('.');
        }
        md.append(step.risky() ? " **Risk: " + step.risk() + ".**" : " Risk: none.");
        if (!step.needs().isEmpty()) {
          md.append(" Needs: ").append(String.join(", ", step.needs())).append('.');
        }
        md.append(sourceOf(step)).append('\n');
        variants(md, step, c.id(), firstCause);
      }
      // The questions its rules read or ask for, taken from the rules: never a promise the engine does not keep.
      Set<String> asked = new TreeSet<>();
      concluding.forEach(r -> asked.addAll(r.questions().keySet()));
      if (!asked.isEmpty()) {
        md.append("\nQuestions its rules read or ask: ");
        md.append(String.join(", ", asked.stream().map(q -> "`" + q + "`").toList())).append(".\n");
      }
      md.append("\nSource: ").append(c.source().article()).append(", \"").append(c.source().section()).append("\".\n");
    }
    if (!kb.milestones().isEmpty()) {
      md.append("\n## Milestones\n\nDated events the rules compare with the as-of date.\n\n")
          .append("| Date | Milestone | What happened | Source |\n|---|---|---|---|\n");
      kb.milestones().stream().sorted(java.util.Comparator.comparing(MilestoneDef::date)).forEach(m -> md.append("| ")
          .append(m.date()).append(" | `").append(m.id()).append("` | ").append(m.title().replace("|", "/")).append(" | ")
          .append(m.source() == null ? "" : m.source().describe()).append(" |\n"));
    }
    if (!kb.apps().isEmpty()) {
      md.append("\n## Well-known application ids\n\n| Id | Application (client) id | Name | Source |\n|---|---|---|---|\n");
      for (AppDef a : kb.apps()) {
        md.append("| `").append(a.id()).append("` | `").append(a.appId()).append("` | ").append(a.name()).append(" | ")
            .append(a.source() == null ? "" : a.source().describe()).append(" |\n");
      }
    }
    if (!kb.portal().isEmpty()) {
      md.append("\n## Admin-center paths and roles\n\nSteps name these by id (`{portal:ID}` in a text, `role: ID`).\n\n")
          .append("| Id | Kind | Shown as | Source |\n|---|---|---|---|\n");
      for (PortalEntry p : kb.portal().values()) {
        md.append("| `").append(p.id()).append("` | ").append(p.kind()).append(" | ")
            .append(p.center() == null ? "" : p.center() + ": ").append(p.text()).append(" | ")
            .append(p.source() == null ? "" : p.source().describe()).append(" |\n");
      }
    }
    if (!kb.clients().isEmpty()) {
      md.append("\n## Clients\n\nThe programs a report words its steps for (`--client`, or recognised from the text;")
          .append(" knowledge-base/tables/clients.yaml). A client without its own wording of a step uses that of the")
          .append(" client it is like, else the generic text.\n\n")
          .append("| Id | Client | Like | Steps worded for it |\n|---|---|---|---|\n");
      for (dev.spdoctor.kb.ClientDef client : kb.clients()) {
        long worded = kb.steps().values().stream().filter(st -> st.variants().stream()
            .anyMatch(v -> v.clients().contains(client.id()))).count();
        md.append("| `").append(client.id()).append("` | ").append(client.name()).append(" | ")
            .append(client.like() == null ? "" : "`" + client.like() + "`").append(" | ").append(worded).append(" |\n");
      }
    }
    return md.toString();
  }

  /**
   * The step's wording per client (tables/clients.yaml), under the first cause that lists the step;
   * elsewhere a pointer to it.
   */
  private static void variants(StringBuilder md, Step step, String cause, Map<String, String> firstCause) {
    if (step.variants().isEmpty()) {
      return;
    }
    String first = firstCause.get(step.id());
    if (!cause.equals(first)) {
      md.append("   - Worded for its clients under [`").append(first).append("`](#").append(first).append(").\n");
      return;
    }
    for (Step.Variant v : step.variants()) {
      md.append("   - For ").append(String.join(", ", v.clients().stream().map(id -> "`" + id + "`").toList()))
          .append(": ").append(v.text());
      if (v.verify() != null) {
        md.append(" Check: ").append(v.verify());
      }
      md.append('\n');
    }
  }

  private static String sourceOf(Step step) {
    return step.source() == null ? "" : " Source: " + step.source().describe() + ".";
  }
}
