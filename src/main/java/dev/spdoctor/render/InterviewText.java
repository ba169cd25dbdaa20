package dev.spdoctor.render;

import dev.spdoctor.engine.Diagnosis;
import dev.spdoctor.engine.Diagnosis.Exclusion;
import dev.spdoctor.engine.Diagnosis.OpenQuestion;
import dev.spdoctor.engine.Diagnosis.RankedCause;
import dev.spdoctor.kb.Question;
import java.io.PrintWriter;

/** What a guided interview prints: each question, the answers to why and status, and how it ended. */
public final class InterviewText {
  private final PrintWriter out;

  public InterviewText(PrintWriter out) {
    this.out = out;
  }

  public PrintWriter out() {
    return out;
  }

  /** A question, numbered, with the answers it takes. */
  public void question(int number, Question question) {
    out.println();
    out.println("Question " + number + ": " + question.prompt());
    out.println("  " + hint(question));
  }

  /** Which causes and rules a question bears on, and its help text. */
  public void why(OpenQuestion q) {
    out.println("  Bears on: " + String.join(", ", q.causes()) + " (asked by rule " + String.join(", ", q.rules()) + ").");
    if (q.question().help() != null) {
      out.println("  " + q.question().help());
    }
  }

  /** The causes in play, best first. */
  public void status(Diagnosis d) {
    if (d.causes().isEmpty()) {
      out.println("  No cause in play.");
    }
    for (RankedCause c : d.causes()) {
      out.println("  " + c.rank() + ". " + c.cause().id() + "  " + Renderer.strength(c.confidence()) + " "
          + Renderer.number(c.confidence()));
    }
  }

  /** How each cause was reached, and why each ruled-out one was not (after a text report). */
  public void how(Diagnosis d) {
    if (!d.causes().isEmpty()) {
      out.println();
      out.println("How");
      for (RankedCause c : d.causes()) {
        out.println(Wrap.block(c.cause().id() + ": " + c.evidence().stream()
            .map(e -> "rule " + e.rule() + (e.match() != null ? " on \"" + e.match().signature() + "\"" : ""))
            .reduce((a, b) -> a + "; " + b).orElse("") + (d.stated().isEmpty() ? "" : "; facts " + d.known()),
            "  ", "    "));
      }
    }
    if (!d.ruledOut().isEmpty()) {
      out.println();
      out.println("Why not");
      for (Exclusion x : d.ruledOut()) {
        out.println(Wrap.block(x.cause() + ": " + x.reason() + " (rule " + x.rule() + ")", "  ", "    "));
      }
    }
  }

  private static String hint(Question q) {
    return switch (q.type()) {
      case "yesno" -> "(yes/no; or why, skip, back, status, quit)";
      case "choice" -> "(" + String.join(" / ", q.choices()) + "; or why, skip, back, status, quit)";
      default -> "(" + q.type() + "; or why, skip, back, status, quit)";
    };
  }
}
