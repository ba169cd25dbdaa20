package dev.spdoctor.scan;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.spdoctor.render.JsonRenderer;
import dev.spdoctor.render.MarkdownRenderer;
import dev.spdoctor.render.TextRenderer;
import dev.spdoctor.render.Wrap;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints a scan: the "Where in the log" section (what was read, and each group of hits with its
 * count, first and last line and time, and examples), then the diagnosis as {@code diagnose}
 * prints it. JSON is the diagnosis report with a {@code scan} object (docs/report.schema.json).
 */
public final class ScanReport {
  private ScanReport() {}

  /** Report formats (as {@code diagnose}). */
  public enum Format { text, json, markdown }

  public static void render(LogScan.Outcome o, Format format, boolean colour, boolean explain, PrintWriter out) {
    switch (format) {
      case json -> {
        JsonRenderer json = new JsonRenderer(explain, true);
        json.write(out, g -> json.report(o.diagnosis(), g, x -> scan(o, x)));
        out.println();
      }
      case markdown -> {
        markdown(o, out);
        out.println();
        new MarkdownRenderer(explain).render(o.diagnosis(), out);
      }
      default -> {
        text(o, out);
        out.println();
        new TextRenderer(colour, explain).render(o.diagnosis(), out);
      }
    }
    out.flush();
  }

  static String summary(LogScan.Outcome o) {
    String what = o.sources().size() == 1 ? o.sources().get(0).name() + (o.sources().get(0).compressed() ? " (gzip)" : "")
        : o.sources().size() + " logs";
    return String.format(Locale.ROOT, "%s: %s lines, %s in %.1f s", what, grouped(o.lines()), size(o.bytes()),
        o.millis() / 1000.0);
  }

  private static void text(LogScan.Outcome o, PrintWriter out) {
    out.println("Where in the log  (" + summary(o) + ")");
    out.println();
    if (o.groups().isEmpty()) {
      out.println(Wrap.block("No known error message in the log. spdoctor looks for the messages listed in"
          + " docs/catalog.md; `spdoctor kb patterns --grep` prints them as grep patterns.", "", ""));
      return;
    }
    for (LogScan.Group g : o.groups()) {
      out.println(Wrap.block(shorten(g.seen(), 150), "  ", "  "));
      out.println("    " + grouped(g.count()) + (g.count() == 1 ? " time" : " times") + ", " + where(g));
      if (g.earliest() != null) {
        out.println("    " + (g.earliest().equals(g.latest()) ? "at " + g.earliest().iso()
            : "from " + g.earliest().iso() + " to " + g.latest().iso()));
      }
      out.println(Wrap.block("signature " + g.signature() + also(g) + (g.causes().isEmpty() ? "; no cause from these lines alone"
          : "; causes " + String.join(", ", g.causes())), "    ", "      "));
      for (ScanTally.Example e : g.examples()) {
        String at = (o.sources().size() > 1 ? e.source() + ":" : "line ") + e.line() + ": ";
        out.println("    " + at + shorten(e.text(), 160));
      }
      out.println();
    }
  }

  private static String also(LogScan.Group g) {
    return g.alsoMatched().isEmpty() ? "" : " (same lines also match " + String.join(", ", g.alsoMatched()) + ")";
  }

  private static String where(LogScan.Group g) {
    boolean one = g.first().source().equals(g.last().source());
    if (g.count() == 1) {
      return "line " + grouped(g.first().line()) + (one ? "" : " of " + g.first().source());
    }
    if (one) {
      return "lines " + grouped(g.first().line()) + " to " + grouped(g.last().line());
    }
    return "from " + g.first().source() + ":" + g.first().line() + " to " + g.last().source() + ":" + g.last().line();
  }

  private static void markdown(LogScan.Outcome o, PrintWriter out) {
    out.println("### Where in the log");
    out.println();
    out.println(summary(o).replace("|", "\\|"));
    out.println();
    if (o.groups().isEmpty()) {
      out.println("No known error message in the log.");
      return;
    }
    out.println("| message | count | first | last | from | to | signature | causes |");
    out.println("|---|---:|---|---|---|---|---|---|");
    for (LogScan.Group g : o.groups()) {
      out.println("| " + cell(shorten(g.seen(), 120)) + " | " + g.count() + " | " + cell(place(g.first())) + " | "
          + cell(place(g.last())) + " | " + (g.earliest() != null ? g.earliest().iso() : "") + " | "
          + (g.latest() != null ? g.latest().iso() : "") + " | `" + g.signature() + "` | "
          + (g.causes().isEmpty() ? "none alone" : String.join(", ", g.causes())) + " |");
    }
    out.println();
    out.println("Examples:");
    out.println();
    for (LogScan.Group g : o.groups()) {
      for (ScanTally.Example e : g.examples()) {
        out.println("- " + cell(e.source()) + ":" + e.line() + " " + code(shorten(e.text(), 200)));
      }
    }
  }

  private static String place(ScanTally.Place p) {
    return p.source() + ":" + p.line();
  }

  private static void scan(LogScan.Outcome o, JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("scan");
    g.writeArrayFieldStart("sources");
    for (ScanTally.SourceTotals s : o.sources()) {
      g.writeStartObject();
      g.writeStringField("name", s.name());
      g.writeNumberField("bytes", s.bytes());
      g.writeNumberField("lines", s.lines());
      g.writeBooleanField("gzip", s.compressed());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("bytes", o.bytes());
    g.writeNumberField("lines", o.lines());
    g.writeNumberField("candidateLines", o.candidates());
    g.writeNumberField("millis", o.millis());
    g.writeNumberField("threads", o.threads());
    g.writeArrayFieldStart("hits");
    for (LogScan.Group h : o.groups()) {
      g.writeStartObject();
      g.writeStringField("signature", h.signature());
      g.writeStringField("message", h.message());
      g.writeStringField("seen", h.seen());
      g.writeArrayFieldStart("alsoMatched");
      for (String a : h.alsoMatched()) {
        g.writeString(a);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("causes");
      for (String c : h.causes()) {
        g.writeString(c);
      }
      g.writeEndArray();
      g.writeNumberField("count", h.count());
      g.writeNumberField("texts", h.texts());
      g.writeFieldName("first");
      place(g, h.first());
      g.writeFieldName("last");
      place(g, h.last());
      if (h.earliest() != null) {
        g.writeStringField("earliest", h.earliest().iso());
        g.writeStringField("latest", h.latest().iso());
      }
      g.writeArrayFieldStart("examples");
      for (ScanTally.Example e : h.examples()) {
        g.writeStartObject();
        g.writeStringField("source", e.source());
        g.writeNumberField("line", e.line());
        g.writeStringField("text", e.text());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void place(JsonGenerator g, ScanTally.Place p) throws IOException {
    g.writeStartObject();
    g.writeStringField("source", p.source());
    g.writeNumberField("line", p.line());
    if (p.stamp() != null) {
      g.writeStringField("timestamp", p.stamp().iso());
    }
    g.writeEndObject();
  }

  static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String size(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
    }
    if (bytes >= 1L << 20) {
      return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }
    if (bytes >= 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    return bytes + " bytes";
  }

  private static String shorten(String s, int max) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= max ? one : one.substring(0, max - 1) + "…";
  }

  private static String cell(String s) {
    return s.replace("|", "\\|");
  }

  private static String code(String s) {
    String fence = s.contains("`") ? "``" : "`";
    return fence + " " + s + " " + fence;
  }
}
