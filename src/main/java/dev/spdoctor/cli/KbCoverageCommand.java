package dev.spdoctor.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.spdoctor.authoring.Corpus;
import dev.spdoctor.authoring.Coverage;
import dev.spdoctor.authoring.RecognitionCoverage;
import dev.spdoctor.engine.Engine;
import dev.spdoctor.engine.WorkingCopy;
import dev.spdoctor.authoring.FixtureRunner;
import dev.spdoctor.authoring.RuleSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spdoctor kb coverage}: which rules the fixtures make fire, and which causes lack cases. */
@Command(name = "coverage", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Runs every fixture case and reports how often each rule fired, the rules that never fired,"
        + " and the causes without a positive or a negative case; then the error codes per family and the"
        + " languages recognised (with how the corpus/ pastes in each fare).",
    footer = {"", "Exit codes: 0 complete, 1 gaps found, 4 the knowledge base or rules have problems."})
public final class KbCoverageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin KbMixin kb;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
  String format;

  @Option(names = "--no-corpus", description = "Do not diagnose the corpus/ pastes for the per-language figures.")
  boolean noCorpus;

  @Override
  public Integer call() throws IOException {
    if (!format.equals("text") && !format.equals("json")) {
      throw new SpdoctorException(ExitCodes.USAGE, "--format takes text or json, not '" + format + "'");
    }
    WorkingCopy copy = kb.workingCopy();
    Engine engine = copy.engine();
    Coverage c = Coverage.of(new FixtureRunner(engine), FixtureRunner.load(copy.fixturesDir()),
        RuleSource.read(copy.rulesDir()).rules(), engine.knowledgeBase());
    PrintWriter out = spec.commandLine().getOut();
    RecognitionCoverage rc = RecognitionCoverage.of(engine.knowledgeBase(), noCorpus ? null
        : Corpus.measure(engine, copy.fixturesDir().resolve("public-record").resolve("corpus"), null));
    if (format.equals("json")) {
      try (JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        g.writeNumberField("cases", c.cases());
        g.writeObjectFieldStart("fired");
        for (Map.Entry<String, Integer> e : c.fired().entrySet()) {
          g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        list(g, "neverFired", c.neverFired());
        list(g, "causesWithoutPositiveCase", c.withoutPositive());
        list(g, "causesWithoutNegativeCase", c.withoutNegative());
        g.writeObjectFieldStart("codeFamilies");
        for (Map.Entry<String, RecognitionCoverage.Family> e : rc.families().entrySet()) {
          g.writeObjectFieldStart(e.getKey());
          g.writeNumberField("codes", e.getValue().codes());
          g.writeNumberField("reference", e.getValue().reference());
          g.writeNumberField("mapped", e.getValue().mapped());
          g.writeEndObject();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("languages");
        for (Map.Entry<String, RecognitionCoverage.Language> e : rc.languages().entrySet()) {
          g.writeObjectFieldStart(e.getKey());
          g.writeNumberField("signatures", e.getValue().signatures());
          g.writeNumberField("corpusCases", e.getValue().corpusCases());
          g.writeNumberField("corpusRight", e.getValue().corpusRight());
          g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      out.println();
    } else {
      out.println("Rules fired over " + c.cases() + " fixture cases:");
      c.fired().forEach((id, n) -> out.printf("  %5d  %s%n", n, id));
      out.println("Never fired: " + (c.neverFired().isEmpty() ? "none" : String.join(", ", c.neverFired())));
      out.println("Causes without a positive case: "
          + (c.withoutPositive().isEmpty() ? "none" : String.join(", ", c.withoutPositive())));
      out.println("Causes without a negative case: "
          + (c.withoutNegative().isEmpty() ? "none" : String.join(", ", c.withoutNegative())));
      out.println("Error codes per family (tabled, from the public reference, mapped to a message or causes):");
      rc.families().forEach((f, n) -> out.printf("  %-18s %4d tabled  %4d reference  %4d mapped%n", f, n.codes(),
          n.reference(), n.mapped()));
      out.println("Languages (signatures recognised in it" + (noCorpus ? "" : "; corpus/ pastes in it, right first or"
          + " quiet") + "):");
      rc.languages().forEach((l, n) -> out.printf("  %-3s %3d signatures%s%n", l, n.signatures(), noCorpus ? ""
          : String.format("  %3d corpus/ pastes, %3d right", n.corpusCases(), n.corpusRight())));
    }
    out.flush();
    return c.complete() ? ExitCodes.OK : ExitCodes.NO_CAUSE;
  }

  private static void list(JsonGenerator g, String name, Set<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
