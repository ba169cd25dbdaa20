package dev.spdoctor.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.spdoctor.engine.Diagnosis;
import dev.spdoctor.engine.Diagnosis.Evidence;
import dev.spdoctor.engine.Diagnosis.Exclusion;
import dev.spdoctor.engine.Diagnosis.FiredRule;
import dev.spdoctor.engine.Diagnosis.Match;
import dev.spdoctor.engine.Diagnosis.OpenQuestion;
import dev.spdoctor.engine.Diagnosis.RankedCause;
import dev.spdoctor.engine.Plan;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The report as JSON, following docs/report.schema.json (schemaVersion 1). Fields are only ever
 * added within a schema version; a removal or a change of meaning raises it.
 *
 * @param explain whether to include the rules that fired
 * @param pretty whether to indent the JSON
 */
public record JsonRenderer(boolean explain, boolean pretty) implements Renderer {
  public static final int SCHEMA_VERSION = 1;
  private static final JsonFactory JSON = new JsonFactory();

  @Override
  public void render(Diagnosis d, PrintWriter out) {
    write(out, g -> report(d, g));
    out.println();
  }

  /** Writes with a generator that does not close {@code out}. */
  public void write(Writer out, Body body) {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      if (pretty) {
        g.useDefaultPrettyPrinter();
      }
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Something written to a generator. */
  @FunctionalInterface
  public interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  void report(Diagnosis d, JsonGenerator g) throws IOException {
    report(d, g, null);
  }

  /** The report, with {@code more} fields (e.g. a scan's) written at its end; {@code more} may be null. */
  public void report(Diagnosis d, JsonGenerator g, Body more) throws IOException {
    g.writeStartObject();
    g.writeNumberField("schemaVersion", SCHEMA_VERSION);
    g.writeStringField("asOf", d.asOf().toString());
    g.writeArrayFieldStart("causes");
    for (RankedCause c : d.causes()) {
      g.writeStartObject();
      g.writeNumberField("rank", c.rank());
      g.writeStringField("id", c.cause().id());
      g.writeStringField("title", c.cause().title());
      g.writeNumberField("confidence", round(c.confidence()));
      g.writeStringField("strength", Renderer.strength(c.confidence()));
      strings(g, "deployment", c.cause().deployment());
      g.writeStringField("summary", c.cause().summary());
      g.writeStringField("explanation", c.cause().explanation());
      g.writeObjectFieldStart("source");
      g.writeStringField("article", c.cause().source().article());
      g.writeStringField("section", c.cause().source().section());
      g.writeEndObject();
      g.writeArrayFieldStart("evidence");
      for (Evidence e : c.evidence()) {
        g.writeStartObject();
        g.writeStringField("rule", e.rule());
        g.writeStringField("reason", e.reason());
        g.writeNumberField("confidence", round(e.confidence()));
        if (e.match() != null) {
          g.writeFieldName("match");
          match(g, e.match());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("steps");
    for (Plan.Item i : d.plan().steps()) {
      g.writeStartObject();
      g.writeNumberField("number", i.number());
      g.writeStringField("id", i.id());
      g.writeStringField("text", i.text());
      optional(g, "role", i.role());
      optional(g, "wait", i.waitTime());
      optional(g, "verify", i.verify());
      strings(g, "causes", i.causes());
      g.writeEndObject();
    }
    g.writeEndArray();
    plan(d.plan(), g);
    g.writeArrayFieldStart("openQuestions");
    for (OpenQuestion q : d.openQuestions()) {
      g.writeStartObject();
      g.writeStringField("id", q.question().id());
      g.writeStringField("prompt", q.question().prompt());
      g.writeStringField("type", q.question().type());
      strings(g, "choices", q.question().choices());
      strings(g, "causes", q.causes());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("ruledOut");
    for (Exclusion x : d.ruledOut()) {
      g.writeStartObject();
      g.writeStringField("cause", x.cause());
      g.writeStringField("title", x.title());
      g.writeStringField("rule", x.rule());
      g.writeStringField("reason", x.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("unexplained");
    for (Match m : d.unexplained()) {
      match(g, m);
    }
    g.writeEndArray();
    strings(g, "context", d.context());
    if (d.client() == null) {
      g.writeNullField("client");
    } else {
      g.writeObjectFieldStart("client");
      g.writeStringField("id", d.client().id());
      g.writeStringField("name", d.client().client().name());
      g.writeStringField("source", d.client().source());
      g.writeStringField("basis", d.client().basis());
      g.writeEndObject();
    }
    if (!d.probes().isEmpty()) {
      g.writeArrayFieldStart("probes");
      for (dev.spdoctor.facts.ProbeRun r : d.probes()) {
        g.writeStartObject();
        g.writeStringField("probe", r.probe());
        g.writeStringField("outcome", r.outcome());
        g.writeStringField("summary", r.summary());
        g.writeNumberField("millis", r.millis());
        g.writeObjectFieldStart("values");
        for (Map.Entry<String, String> v : r.values().entrySet()) {
          g.writeStringField(v.getKey(), v.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeArrayFieldStart("codes");
    for (Diagnosis.FoundCode c : d.codes()) {
      g.writeStartObject();
      g.writeStringField("system", c.system());
      g.writeStringField("code", c.code());
      optional(g, "name", c.name());
      optional(g, "meaning", c.meaning());
      optional(g, "lookup", c.lookup());
      g.writeBooleanField("mapped", c.mapped());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("identifiers");
    for (Map.Entry<String, String> k : d.identifiers().entrySet()) {
      g.writeStringField(k.getKey(), k.getValue());
    }
    g.writeEndObject();
    g.writeObjectFieldStart("known");
    for (Map.Entry<String, String> k : d.known().entrySet()) {
      g.writeStringField(k.getKey(), k.getValue());
    }
    g.writeEndObject();
    if (explain) {
      g.writeArrayFieldStart("trace");
      for (FiredRule r : d.trace()) {
        g.writeStartObject();
        g.writeStringField("rule", r.rule());
        g.writeStringField("name", r.name());
        strings(g, "facts", r.facts());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (more != null) {
      more.write(g);
    }
    g.writeEndObject();
  }

  private static void plan(Plan plan, JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("plan");
    g.writeBooleanField("established", plan.established());
    g.writeArrayFieldStart("groups");
    for (Plan.Group grp : plan.groups()) {
      g.writeStartObject();
      g.writeStringField("kind", grp.kind().name().toLowerCase(java.util.Locale.ROOT));
      if (grp.cause() != null) {
        g.writeStringField("cause", grp.cause());
        g.writeStringField("title", grp.title());
        g.writeNumberField("confidence", round(grp.confidence()));
      }
      strings(g, "blocks", grp.blocking());
      g.writeArrayFieldStart("items");
      for (Plan.Item i : grp.items()) {
        g.writeStartObject();
        g.writeNumberField("number", i.number());
        g.writeStringField("kind", i.kind().name().toLowerCase(java.util.Locale.ROOT));
        g.writeStringField("id", i.id());
        g.writeStringField("text", i.text());
        optional(g, "verify", i.verify());
        optional(g, "role", i.role());
        optional(g, "wait", i.waitTime());
        g.writeStringField("risk", i.risk());
        strings(g, "needs", i.needs());
        strings(g, "causes", i.causes());
        if (i.variant() == null) {
          g.writeNullField("variant");
        } else {
          g.writeStringField("variant", i.variant());
        }
        if (i.answer() != null) {
          g.writeStringField("answer", i.answer());
          strings(g, "answers", i.answers());
        }
        if (!i.outcomes().isEmpty()) {
          g.writeArrayFieldStart("outcomes");
          for (Plan.Outcome o : i.outcomes()) {
            g.writeStartObject();
            g.writeStringField("answer", o.answer());
            g.writeStringField("meaning", o.meaning());
            strings(g, "rulesOut", o.rulesOut());
            if (o.leads() != null) {
              g.writeStringField("leads", o.leads());
            }
            g.writeBooleanField("establishes", o.establishes());
            g.writeEndObject();
          }
          g.writeEndArray();
        }
        if (!i.heldBack().isEmpty()) {
          strings(g, "heldBack", i.heldBack());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("alsoSteps");
      for (int n : grp.alsoSteps()) {
        g.writeNumber(n);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("alsoPossible");
    for (Plan.AlsoPossible a : plan.alsoPossible()) {
      g.writeStartObject();
      g.writeStringField("cause", a.cause());
      g.writeStringField("title", a.title());
      g.writeNumberField("confidence", round(a.confidence()));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void match(JsonGenerator g, Match m) throws IOException {
    g.writeStartObject();
    g.writeStringField("signature", m.signature());
    g.writeNumberField("input", m.input());
    g.writeNumberField("start", m.start());
    g.writeNumberField("end", m.end());
    g.writeStringField("text", m.text());
    g.writeObjectFieldStart("captures");
    for (Map.Entry<String, String> c : m.captures().entrySet()) {
      g.writeStringField(c.getKey(), c.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private static void optional(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  static double round(double confidence) {
    return Math.round(confidence * 100) / 100.0;
  }
}
