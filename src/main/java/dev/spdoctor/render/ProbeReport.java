package dev.spdoctor.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.spdoctor.probe.Observation;
import dev.spdoctor.probe.PlannedRequest;
import dev.spdoctor.text.Redactor;
import dev.spdoctor.text.Visible;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** What the probes would send (a dry run) and what they observed, as text or JSON. */
public final class ProbeReport {
  private ProbeReport() {}

  /**
   * The plan of a dry run: every request, the hosts, and whether a proxy is used.
   *
   * @param proxy the profile's proxy, or null when connections go direct
   */
  public static void plan(List<PlannedRequest> plan, String proxy, Format format, PrintWriter out) {
    if (format == Format.json) {
      new JsonRenderer(false, true).write(out, g -> {
        g.writeStartObject();
        g.writeArrayFieldStart("requests");
        for (PlannedRequest r : plan) {
          g.writeStartObject();
          g.writeStringField("probe", r.probe());
          g.writeStringField("method", r.method());
          g.writeStringField("target", r.target());
          g.writeStringField("host", r.host());
          g.writeStringField("purpose", r.purpose());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      });
      out.println();
      out.flush();
      return;
    }
    out.println("Requests a live run would send (nothing was sent):");
    for (PlannedRequest r : plan) {
      out.println(String.format("  %-11s %-7s %s", r.probe(), r.method(), r.target()));
      out.println(String.format("  %-11s %-7s %s", "", "", "(" + r.purpose() + ")"));
    }
    List<String> hosts = plan.stream().map(PlannedRequest::host).distinct().toList();
    out.println("Hosts: " + String.join(", ", hosts));
    out.println(proxy == null ? "Connections go direct (no proxy in the profile)."
        : "Connections go through the proxy " + proxy + ".");
    out.println("Offline checks (profile, certificate file) read only local files.");
    out.flush();
  }

  /**
   * How the rules judge what one probe observed.
   *
   * @param label {@code healthy}, {@code problem} or {@code not collected}
   * @param causes the causes its observation points at (empty for most)
   */
  public record Verdict(String label, List<String> causes) {}

  /** What the probes observed, each with its verdict, and how long they took together. */
  public static void observations(List<Observation> observations, Map<String, Verdict> verdicts, long millis,
      Format format, PrintWriter out) {
    if (format == Format.json) {
      new JsonRenderer(false, true).write(out, g -> {
        g.writeStartObject();
        g.writeNumberField("millis", millis);
        g.writeArrayFieldStart("observations");
        for (Observation o : observations) {
          observation(g, o, verdicts.get(o.probe()));
        }
        g.writeEndArray();
        g.writeEndObject();
      });
      out.println();
      out.flush();
      return;
    }
    out.println("Observations" + "  (" + observations.size() + " probes, " + millis + " ms)");
    for (Observation o : observations) {
      Verdict v = verdicts.get(o.probe());
      out.println();
      out.println(o.probe() + "  " + v.label() + (o.millis() > 0 ? "  (" + o.millis() + " ms)" : ""));
      // summaries, values and texts may carry what a server sent: redacted, control characters visible
      out.println(Wrap.block(Visible.of(Redactor.redact(o.summary())), "  ", "  "));
      if (!v.causes().isEmpty()) {
        out.println(Wrap.block("points at: " + String.join(", ", v.causes()), "  ", "    "));
      }
      o.values().forEach((k, val) -> out.println(Wrap.block(k + ": " + Visible.of(Redactor.redact(val)), "    ", "      ")));
      for (String t : o.texts()) {
        out.println(Wrap.block("text: " + Visible.oneLine(Redactor.redact(t)).replaceAll("\\s+", " "), "    ", "      "));
      }
    }
    out.flush();
  }

  private static void observation(JsonGenerator g, Observation o, Verdict verdict) throws IOException {
    g.writeStartObject();
    g.writeStringField("probe", o.probe());
    g.writeStringField("outcome", o.outcome().label());
    g.writeStringField("verdict", verdict.label().replace(' ', '-'));
    JsonRenderer.strings(g, "causes", verdict.causes());
    g.writeStringField("summary", Redactor.redact(o.summary()));
    g.writeNumberField("millis", o.millis());
    g.writeObjectFieldStart("values");
    for (Map.Entry<String, String> v : o.values().entrySet()) {
      g.writeStringField(v.getKey(), Redactor.redact(v.getValue()));
    }
    g.writeEndObject();
    JsonRenderer.strings(g, "texts", o.texts().stream().map(Redactor::redact).toList());
    g.writeEndObject();
  }
}
