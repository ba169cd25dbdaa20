package dev.spdoctor.render;

import dev.spdoctor.authoring.WhyNot.RuleProgress;
import dev.spdoctor.engine.Diagnosis;
import java.io.PrintWriter;
import java.util.List;

/** The answer to {@code --why-not CAUSE}: whether it was concluded or ruled out, and how far each rule got. */
public final class WhyNotText {
  private WhyNotText() {}

  public static void print(String cause, Diagnosis d, List<RuleProgress> progress, PrintWriter out) {
    out.println();
    out.println("Why not " + cause + "?");
    d.causes().stream().filter(c -> c.cause().id().equals(cause)).findFirst().ifPresent(c ->
        out.println("  It was concluded: rank " + c.rank() + ", confidence " + Renderer.number(c.confidence()) + "."));
    d.ruledOut().stream().filter(x -> x.cause().equals(cause)).findFirst().ifPresent(x ->
        out.println("  It was ruled out by rule " + x.rule() + ": " + x.reason() + "."));
    for (RuleProgress p : progress) {
      String head = "  rule " + p.rule() + (p.rulesOut() ? " (rules the cause out)" : "") + " (\"" + p.name() + "\"): "
          + p.held() + " of " + p.conditions().size() + " conditions hold";
      if (p.failing() == null) {
        out.println(head + ", so it fired");
      } else if (p.fired()) {
        out.println(head + " now; it fired, and its conclusion was withdrawn when this stopped holding:");
        out.println("      " + p.failing());
      } else {
        out.println(head + "; the first that does not:");
        out.println("      " + p.failing());
      }
    }
  }
}
