package dev.spdoctor.render;

import dev.spdoctor.text.Visible;
import dev.spdoctor.engine.Diagnosis;
import dev.spdoctor.engine.Diagnosis.Evidence;
import dev.spdoctor.engine.Diagnosis.Exclusion;
import dev.spdoctor.engine.Diagnosis.FiredRule;
import dev.spdoctor.engine.Diagnosis.Match;
import dev.spdoctor.engine.Diagnosis.OpenQuestion;
import dev.spdoctor.engine.Diagnosis.RankedCause;
import dev.spdoctor.engine.Plan;
import java.io.PrintWriter;

/**
 * The report as Markdown, ready to paste into a ticket.
 *
 * @param explain whether to list the rules that fired
 */
public record MarkdownRenderer(boolean explain) implements Renderer {
  @Override
  public void render(Diagnosis d, PrintWriter out) {
    out.println("## spdoctor diagnosis");
    out.println();
    out.println("_As of " + d.asOf() + "._");
    out.println();
    if (!d.hasCauses()) {
      out.println("**No cause established.**");
      switch (d.noCause()) {
        case CODES_UNMAPPED -> out.println("Error codes were recognised, but no rule maps them to a cause (see below).");
        case PROBES_POINT_NOWHERE -> out.println("Nothing the probes observed points at a cause spdoctor knows"
            + " (see Probes below).");
        case NOTHING_RECOGNISED -> out.println("No known error message was recognised in the text.");
        case ALL_RULED_OUT -> {
          out.println("These messages were recognised, but the facts given rule out every known cause:");
          out.println();
          for (Match m : d.unexplained()) {
            out.println("- " + code(Visible.of(m.text())));
          }
        }
        default -> throw new IllegalStateException("no reason given for no cause: " + d.noCause());
      }
    } else {
      out.println("### Causes, most likely first");
      out.println();
      out.println("| # | Cause | Confidence | Id |");
      out.println("|---|---|---|---|");
      for (RankedCause c : d.causes()) {
        out.println("| " + c.rank() + " | " + cell(c.cause().title()) + " | " + Renderer.strength(c.confidence())
            + " (" + Renderer.number(c.confidence()) + ") | `" + c.cause().id() + "` |");
      }
      for (RankedCause c : d.causes()) {
        out.println();
        out.println("#### " + c.rank() + ". " + c.cause().title());
        out.println();
        out.println(c.cause().summary());
        out.println();
        for (Evidence e : c.evidence()) {
          out.print("- " + Visible.of(e.reason()) + " _(rule `" + e.rule() + "`, " + Renderer.number(e.confidence()) + ")_");
          out.println(e.match() == null ? "" : "  \n  Seen: " + code(Visible.of(e.match().text())));
        }
      }
      plan(d, out);
      openQuestions(d, out);
    }
    if (!d.unmappedCodes().isEmpty()) {
      out.println();
      out.println("### Error codes no cause explains");
      out.println();
      for (Diagnosis.FoundCode c : d.unmappedCodes()) {
        out.println("- `" + c.code() + "`" + (c.name() != null ? " " + c.name() : "")
            + (c.meaning() != null ? ": " + c.meaning() : "") + (c.lookup() != null ? " <" + c.lookup() + ">" : ""));
      }
    }
    if (!d.identifiers().isEmpty()) {
      out.println();
      out.println("### Identifiers");
      out.println();
      d.identifiers().forEach((k, v) -> out.println("- " + Visible.of(k) + ": `" + Visible.of(v) + "`"));
    }
    if (!d.ruledOut().isEmpty()) {
      out.println();
      out.println("### Ruled out");
      out.println();
      for (Exclusion x : d.ruledOut()) {
        out.println("- " + x.title() + " (`" + x.cause() + "`): " + x.reason() + ".");
      }
    }
    if (d.hasCauses() && !d.unexplained().isEmpty()) {
      out.println();
      out.println("### Recognised, but no cause concluded");
      out.println();
      for (Match m : d.unexplained()) {
        out.println("- " + code(m.text()));
      }
    }
    if (!d.probes().isEmpty()) {
      out.println();
      out.println("### Probes");
      out.println();
      out.println("| probe | outcome | what it found |");
      out.println("|---|---|---|");
      for (dev.spdoctor.facts.ProbeRun r : d.probes()) {
        out.println("| " + r.probe() + " | " + r.outcome() + " | " + Visible.of(r.summary()).replace("|", "\\|") + " |");
      }
    }
    out.println();
    out.println("### Context");
    out.println();
    out.println("- " + Renderer.client(d));
    d.stated().forEach(f -> out.println("- " + f.origin() + ": " + f.key() + " = `"
        + f.value() + "`"));
    d.context().forEach(c -> out.println("- deployment " + c));
    if (explain) {
      out.println();
      out.println("### Reasoning trace");
      out.println();
      for (FiredRule r : d.trace()) {
        out.println("- `" + r.rule() + "` " + r.name());
      }
    }
  }

  private static void plan(Diagnosis d, PrintWriter out) {
    Plan plan = d.plan();
    out.println();
    out.println("### What to do, in order");
    if (plan.established()) {
      out.println();
      out.println("One cause is established; these are its steps.");
    }
    for (Plan.Group g : plan.groups()) {
      out.println();
      if (g.kind() == Plan.GroupKind.CHECKS) {
        out.println("#### " + Renderer.checksHeading(g));
      } else {
        out.println("#### " + Renderer.causeHeading(plan, g));
        if (!g.blocking().isEmpty() && !plan.established()) {
          out.println();
          out.println("_" + Renderer.blockingNote(g) + "_");
        }
      }
      out.println();
      for (Plan.Item i : g.items()) {
        String label = Renderer.itemLabel(i);
        out.println(i.number() + ". " + (label.isEmpty() ? "" : "**" + label.strip() + "** ") + i.text());
        if (i.risky()) {
          out.println("   - **Risk: " + Plan.riskWords(i.risk()) + "**");
        }
        if (i.role() != null) {
          out.println("   - Role: " + i.role());
        }
        if (i.waitTime() != null) {
          out.println("   - Wait: " + i.waitTime());
        }
        if (i.verify() != null) {
          out.println("   - Check: " + i.verify());
        }
        for (String o : Renderer.outcomes(i)) {
          out.println("   - " + o);
        }
        if (i.answer() != null) {
          out.println("   - Then: `--answer " + i.answer() + "=" + String.join("|", i.answers()) + "`");
        }
        out.println("   - _(" + Renderer.itemTag(i) + ")_");
      }
      if (!g.alsoSteps().isEmpty()) {
        out.println();
        out.println(Renderer.alsoSteps(g));
      }
    }
    if (!plan.alsoPossible().isEmpty()) {
      out.println();
      out.println("#### Also possible (no steps unless the established cause is ruled out)");
      out.println();
      for (Plan.AlsoPossible a : plan.alsoPossible()) {
        out.println("- " + a.title() + " (`" + a.cause() + "`, " + Renderer.number(a.confidence()) + ")");
      }
    }
  }

  private static void openQuestions(Diagnosis d, PrintWriter out) {
    if (Renderer.stillUnknown(d).isEmpty()) {
      return;
    }
    out.println();
    out.println("### Still unknown: answering would sharpen the diagnosis");
    out.println();
    for (OpenQuestion q : Renderer.stillUnknown(d)) {
      out.println("- " + q.question().prompt() + "  \n  `--answer " + q.question().id() + "="
          + Renderer.answers(q.question()) + "` (bears on " + String.join(", ", q.causes()) + ")");
    }
  }

  private static String code(String s) {
    String fence = s.contains("`") ? "``" : "`";
    return fence + " " + s + " " + fence;
  }

  private static String cell(String s) {
    return s.replace("|", "\\|");
  }
}
