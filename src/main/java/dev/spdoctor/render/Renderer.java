package dev.spdoctor.render;

import dev.spdoctor.engine.Diagnosis;
import java.io.PrintWriter;
import java.util.List;

/** Prints a diagnosis in one format. */
public interface Renderer {
  void render(Diagnosis diagnosis, PrintWriter out);

  /**
   * The one place a format becomes a renderer.
   *
   * @param colour ANSI colour in text reports
   * @param explain add the reasoning trace
   */
  static Renderer of(Format format, boolean colour, boolean explain) {
    return switch (format) {
      case json -> new JsonRenderer(explain, true);
      case markdown -> new MarkdownRenderer(explain);
      case text -> new TextRenderer(colour, explain);
    };
  }

  /** How strong a confidence is, in words: the scale is explained in docs/confidence.md. */
  static String strength(double confidence) {
    if (confidence >= 0.8) {
      return "high";
    }
    if (confidence >= 0.5) {
      return "medium";
    }
    return "low";
  }

  /** The client line of the context, the same in every format. */
  static String client(Diagnosis d) {
    Diagnosis.ClientContext c = d.client();
    if (c == null) {
      return "client: not recognised, so the steps are worded for any program (give --client to word them for"
          + " yours)";
    }
    return "client: " + c.client().name() + " (" + c.id() + "): " + c.basis();
  }

  /** The heading of the checks, the same in every format. */
  static String checksHeading(dev.spdoctor.engine.Plan.Group g) {
    return g.items().size() == 1 ? "First, the check that tells the causes apart"
        : "First, the checks that tell the causes apart (most telling and cheapest first)";
  }

  /** The heading of one cause's steps. */
  static String causeHeading(dev.spdoctor.engine.Plan plan, dev.spdoctor.engine.Plan.Group g) {
    String conf = strength(g.confidence()) + " " + number(g.confidence());
    return (plan.established() ? "" : "If it is: ") + g.title() + " (" + conf + ")";
  }

  /** Why a cause's steps come before others. */
  static String blockingNote(dev.spdoctor.engine.Plan.Group g) {
    return "Deal with this first: no step that needs " + String.join(" or ", g.blocking().stream()
        .map(Renderer::needWords).toList()) + " can succeed while it stands.";
  }

  /** A need in words. */
  static String needWords(String need) {
    return switch (need) {
      case "network" -> "network reach to the hosts the connection signs in to and calls";
      case "certificate-file" -> "a readable certificate file";
      case "registration" -> "an app registration that exists";
      default -> need;
    };
  }

  /** Steps listed earlier that also serve a cause. */
  static String alsoSteps(dev.spdoctor.engine.Plan.Group g) {
    List<String> n = g.alsoSteps().stream().map(String::valueOf).toList();
    return (n.size() == 1 ? "Step " + n.get(0) + " above also applies here."
        : "Steps " + String.join(", ", n.subList(0, n.size() - 1)) + " and " + n.get(n.size() - 1)
            + " above also apply here.");
  }

  /** An item's text: a check says so. */
  static String itemText(dev.spdoctor.engine.Plan.Item i) {
    return itemLabel(i) + i.text();
  }

  /** What kind of item it is, in front of its text: "Check: ", "Confirm first: " or nothing for a step. */
  static String itemLabel(dev.spdoctor.engine.Plan.Item i) {
    return switch (i.kind()) {
      case CHECK -> "Check: ";
      case CONFIRM -> "Confirm first: ";
      case STEP -> "";
    };
  }

  /** The line under an item: its id, whom it is for, the wording used and what it needs. */
  static String itemTag(dev.spdoctor.engine.Plan.Item i) {
    StringBuilder b = new StringBuilder(i.id());
    if (!i.causes().isEmpty()) {
      b.append(i.kind() == dev.spdoctor.engine.Plan.ItemKind.CHECK ? "; tells apart " : "; for ")
          .append(String.join(", ", i.causes()));
    }
    if (i.variant() != null) {
      b.append("; worded for ").append(i.variant());
    }
    if (!i.needs().isEmpty()) {
      b.append("; needs ").append(String.join(", ", i.needs().stream().map(Renderer::needWords).toList()));
    }
    if (!i.heldBack().isEmpty()) {
      b.append("; holds back ").append(String.join(", ", i.heldBack()));
    }
    return b.toString();
  }

  /** A check's outcomes, answers with the same meaning on one line ("a or b: ..."). */
  static List<String> outcomes(dev.spdoctor.engine.Plan.Item i) {
    java.util.Map<String, List<String>> byMeaning = new java.util.LinkedHashMap<>();
    i.outcomes().forEach(o -> byMeaning.computeIfAbsent(o.meaning(), k -> new java.util.ArrayList<>()).add(o.answer()));
    List<String> lines = new java.util.ArrayList<>();
    byMeaning.forEach((meaning, answers) -> lines.add("If " + (answers.size() == 1 ? answers.get(0)
        : String.join(", ", answers.subList(0, answers.size() - 1)) + " or " + answers.get(answers.size() - 1))
        + ": " + meaning));
    return lines;
  }

  /** The open questions the plan does not already show as checks. */
  static List<Diagnosis.OpenQuestion> stillUnknown(Diagnosis d) {
    java.util.Set<String> shown = new java.util.HashSet<>();
    d.plan().items().forEach(i -> {
      if (i.answer() != null) {
        shown.add(i.answer());
      }
    });
    return d.openQuestions().stream().filter(q -> !shown.contains(q.question().id())).toList();
  }

  /** The values a question takes, as --answer shows them. */
  static String answers(dev.spdoctor.kb.Question q) {
    return switch (q.type()) {
      case "yesno" -> "yes|no";
      case "choice" -> String.join("|", q.choices());
      case "client" -> "CLIENT";
      default -> q.type().toUpperCase(java.util.Locale.ROOT);
    };
  }

  /** A confidence as printed: two decimals. */
  static String number(double confidence) {
    return String.format(java.util.Locale.ROOT, "%.2f", confidence);
  }
}
