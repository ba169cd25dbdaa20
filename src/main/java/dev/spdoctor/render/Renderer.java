package dev.spdoctor.render;

import dev.spdoctor.engine.Diagnosis;
import java.io.PrintWriter;

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

  /** A confidence as printed: two decimals. */
  static String number(double confidence) {
    return String.format(java.util.Locale.ROOT, "%.2f", confidence);
  }
}
