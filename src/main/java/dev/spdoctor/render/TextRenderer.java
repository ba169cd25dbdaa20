package dev.spdoctor.render;

import dev.spdoctor.text.Visible;
import dev.spdoctor.engine.Diagnosis;
import dev.spdoctor.engine.Diagnosis.Evidence;
import dev.spdoctor.engine.Diagnosis.Exclusion;
import dev.spdoctor.engine.Diagnosis.FiredRule;
import dev.spdoctor.engine.Diagnosis.FoundCode;
import dev.spdoctor.engine.Diagnosis.Match;
import dev.spdoctor.engine.Diagnosis.OpenQuestion;
import dev.spdoctor.engine.Diagnosis.RankedCause;
import dev.spdoctor.engine.Plan;
import dev.spdoctor.facts.ProbeRun;
import java.io.PrintWriter;

/**
 * The report for a terminal: readable at 80 columns, colour only when asked for.
 *
 * @param colour whether to use terminal colours (bold, dim)
 * @param explain whether to list the rules that fired
 */
public record TextRenderer(boolean colour, boolean explain) implements Renderer {
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";
  private static final String RESET = "\u001b[0m";

  @Override
  public void render(Diagnosis d, PrintWriter out) {
    if (!d.hasCauses()) {
      out.println(bold("No cause established."));
      switch (d.noCause()) {
        case CODES_UNMAPPED -> out.println(Wrap.block("spdoctor recognised the error codes below, but no rule maps"
            + " them to a cause. Look them up, and keep the identifiers for a support ticket.", "", ""));
        case PROBES_POINT_NOWHERE -> {
          long skipped = d.probes().stream().filter(r -> !r.collected()).count();
          out.println(Wrap.block("Nothing the probes observed points at a cause spdoctor knows."
              + (skipped > 0 ? " " + skipped + " of " + d.probes().size() + " probes collected nothing (see Probes"
              + " below): what they would have checked is unknown, not fine." : ""), "", ""));
        }
        case NOTHING_RECOGNISED -> out.println(Wrap.block("spdoctor recognised no known error message in the text."
            + " Paste the whole error as the application printed it (with any AADSTS code, and the lines around"
            + " it), or see docs/catalog.md for the messages spdoctor knows.", "", ""));
        case ALL_RULED_OUT -> {
          out.println(Wrap.block("spdoctor recognised these messages, but the facts given rule out every"
              + " cause it knows for them:", "", ""));
          for (Match m : d.unexplained()) {
            out.println(Wrap.block("\"" + Visible.of(m.text()) + "\"", "  - ", "    "));
          }
        }
        default -> throw new IllegalStateException("no reason given for no cause: " + d.noCause());
      }
      codes(d, out);
      ruledOut(d, out);
      context(d, out);
      trace(d, out);
      return;
    }
    out.println(bold("Causes, most likely first") + dim("  (as of " + d.asOf() + ")"));
    for (RankedCause c : d.causes()) {
      out.println();
      String head = c.rank() + ". " + c.cause().title();
      String conf = Renderer.strength(c.confidence()) + " " + Renderer.number(c.confidence());
      out.println(Wrap.lines(head, "", "   ", Wrap.width() - conf.length() - 2).size() == 1
          ? bold(pad(head, Wrap.width() - conf.length())) + conf
          : bold(Wrap.block(head, "", "   ")) + "\n   " + conf);
      out.println(dim("   " + c.cause().id() + " · " + String.join(", ", c.cause().deployment())));
      out.println(Wrap.block(c.cause().summary(), "   ", "   "));
      for (Evidence e : c.evidence()) {
        out.println(Wrap.block("Why: " + Visible.of(e.reason()) + " [rule " + e.rule() + ", "
            + Renderer.number(e.confidence()) + "]", "   ", "        "));
        if (e.match() != null) {
          out.println(Wrap.block("Seen: \"" + Visible.of(e.match().text()) + "\"", "   ", "         "));
        }
      }
    }
    plan(d, out);
    if (!Renderer.stillUnknown(d).isEmpty()) {
      out.println();
      out.println(bold("Still unknown: answering would sharpen the diagnosis"));
      for (OpenQuestion q : Renderer.stillUnknown(d)) {
        out.println(Wrap.block(q.question().prompt(), "  - ", "    "));
        out.println(dim(Wrap.block("--answer " + q.question().id() + "=" + Renderer.answers(q.question())
            + "  (bears on " + String.join(", ", q.causes()) + ")", "    ", "      ")));
      }
    }
    codes(d, out);
    ruledOut(d, out);
    if (!d.unexplained().isEmpty()) {
      out.println();
      out.println(bold("Recognised, but no cause concluded"));
      for (Match m : d.unexplained()) {
        out.println(Wrap.block("\"" + Visible.of(m.text()) + "\"", "  - ", "    "));
      }
    }
    context(d, out);
    trace(d, out);
  }

  /** What to do: the plan's groups and items, numbered through. */
  private void plan(Diagnosis d, PrintWriter out) {
    Plan plan = d.plan();
    out.println();
    out.println(bold("What to do, in order"));
    if (plan.established()) {
      out.println();
      out.println(Wrap.block("One cause is established; these are its steps.", "", ""));
    }
    for (Plan.Group g : plan.groups()) {
      out.println();
      if (g.kind() == Plan.GroupKind.CHECKS) {
        out.println(bold(Wrap.block(Renderer.checksHeading(g), "", "")));
      } else {
        out.println(bold(Wrap.block(Renderer.causeHeading(plan, g), "", "")));
        if (!g.blocking().isEmpty() && !plan.established()) {
          out.println(dim(Wrap.block(Renderer.blockingNote(g), "", "")));
        }
      }
      for (Plan.Item i : g.items()) {
        item(i, out);
      }
      if (!g.alsoSteps().isEmpty()) {
        out.println();
        out.println(Wrap.block(Renderer.alsoSteps(g), "    ", "    "));
      }
    }
    if (!plan.alsoPossible().isEmpty()) {
      out.println();
      out.println(bold("Also possible (no steps unless the established cause is ruled out)"));
      for (Plan.AlsoPossible a : plan.alsoPossible()) {
        out.println(Wrap.block(a.title() + " (" + a.cause() + ", " + Renderer.number(a.confidence()) + ")", "  - ",
            "    "));
      }
    }
  }

  private void item(Plan.Item i, PrintWriter out) {
    out.println();
    out.println(Wrap.block(Renderer.itemText(i), pad(i.number() + ".", 4), "    "));
    if (i.risky()) {
      out.println(bold(Wrap.block("Risk: " + Plan.riskWords(i.risk()), "    ", "          ")));
    }
    if (i.role() != null) {
      out.println(Wrap.block("Role: " + i.role(), "    ", "          "));
    }
    if (i.waitTime() != null) {
      out.println(Wrap.block("Wait: " + i.waitTime(), "    ", "          "));
    }
    if (i.verify() != null) {
      out.println(Wrap.block("Check: " + i.verify(), "    ", "           "));
    }
    for (String o : Renderer.outcomes(i)) {
      out.println(Wrap.block(o, "    ", "      "));
    }
    if (i.answer() != null) {
      out.println(dim(Wrap.block("Then: --answer " + i.answer() + "=" + String.join("|", i.answers()), "    ", "      ")));
    }
    out.println(dim(Wrap.block("(" + Renderer.itemTag(i) + ")", "    ", "     ")));
  }

  private void codes(Diagnosis d, PrintWriter out) {
    if (!d.unmappedCodes().isEmpty()) {
      out.println();
      out.println(bold("Error codes no cause explains"));
      for (FoundCode c : d.unmappedCodes()) {
        String line = c.code() + (c.name() != null ? " " + c.name() : "")
            + (c.meaning() != null ? ": " + c.meaning() : "")
            + (c.lookup() != null ? " Look it up: " + c.lookup() : "");
        out.println(Wrap.block(line, "  - ", "    "));
      }
    }
    if (!d.identifiers().isEmpty()) {
      out.println();
      out.println(bold("Identifiers for a support ticket"));
      d.identifiers().forEach((k, v) -> out.println(Wrap.block(Visible.of(k) + ": " + Visible.of(v), "  - ", "    ")));
    }
  }

  private void ruledOut(Diagnosis d, PrintWriter out) {
    if (d.ruledOut().isEmpty()) {
      return;
    }
    out.println();
    out.println(bold("Ruled out"));
    for (Exclusion x : d.ruledOut()) {
      out.println(Wrap.block(x.title() + " (" + x.cause() + "): " + x.reason() + ".", "  - ", "    "));
    }
  }

  private void probes(Diagnosis d, PrintWriter out) {
    if (d.probes().isEmpty()) {
      return;
    }
    out.println();
    out.println(bold("Probes"));
    // Probes skipped for the same reason (typically: no --live) share one line.
    java.util.Map<String, java.util.List<String>> skipped = new java.util.LinkedHashMap<>();
    for (ProbeRun r : d.probes()) {
      if (r.collected() || "failed".equals(r.outcome())) {
        String head = pad(r.probe(), 12) + pad(r.outcome(), 11);
        out.println(Wrap.block(Visible.of(r.summary()), "  " + head, "  " + " ".repeat(head.length())));
      } else {
        skipped.computeIfAbsent(r.summary(), k -> new java.util.ArrayList<>()).add(r.probe());
      }
    }
    skipped.forEach((why, probes) -> out.println(Wrap.block("not collected: " + String.join(", ", probes) + " ("
        + why + ")", "  ", "    ")));
  }

  private void context(Diagnosis d, PrintWriter out) {
    probes(d, out);
    if (d.context().isEmpty() && d.stated().isEmpty() && d.client() == null && !d.hasCauses()) {
      return;
    }
    out.println();
    out.println(bold("Context"));
    out.println(Wrap.block(Renderer.client(d), "  - ", "    "));
    d.stated().forEach(f -> out.println(Wrap.block(f.origin() + ": "
        + f.key() + " = " + f.value(), "  - ", "    ")));
    for (String c : d.context()) {
      out.println(Wrap.block("deployment " + c, "  - ", "    "));
    }
  }

  private void trace(Diagnosis d, PrintWriter out) {
    if (!explain) {
      return;
    }
    out.println();
    out.println(bold("Reasoning trace: rules fired, in order"));
    for (FiredRule r : d.trace()) {
      out.println(Wrap.block(r.rule() + ": " + r.name(), "  - ", "    "));
      for (String f : r.facts()) {
        out.println(dim(Wrap.block(f, "      ", "        ")));
      }
    }
  }

  private String bold(String s) {
    return colour ? BOLD + s + RESET : s;
  }

  private String dim(String s) {
    return colour ? DIM + s + RESET : s;
  }

  private static String pad(String s, int width) {
    StringBuilder b = new StringBuilder(s);
    while (b.length() < width) {
      b.append(' ');
    }
    return b.toString();
  }
}
