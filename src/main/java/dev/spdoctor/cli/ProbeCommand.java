package dev.spdoctor.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.spdoctor.probe.Observation;
import dev.spdoctor.probe.PlannedRequest;
import dev.spdoctor.probe.ProbeRunner;
import dev.spdoctor.profile.ProfileAnswers;
import dev.spdoctor.render.Wrap;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spdoctor probe}: runs the read-only probes of a connection profile and prints what they observed. */
@Command(
    name = "probe",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Runs safe, read-only probes against the connection a profile describes (certificate file, DNS,"
        + " TLS, tenant discovery, an app-only token, Microsoft Graph, SharePoint) and prints each observation.",
    footer = {"",
        "Progress goes to standard error, one line per probe as it completes; the observations go to standard output,",
        "each probe marked healthy, problem (it failed, or the rules found bad news in what it saw) or not collected.",
        "",
        "Examples:",
        "  spdoctor probe --profile contoso.yaml     (secrets from env, file or prompt, as the profile says)",
        "  spdoctor probe --profile contoso.yaml --dry-run",
        "  spdoctor probe --profile contoso.yaml --format json > observations.json",})
public final class ProbeCommand implements Callable<Integer> {
  /** Formats of the observation report. */
  public enum Format { text, json }

  @Spec CommandSpec spec;
  @Mixin ProfileMixin profileOptions;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--offline", description = "Run only the probes that need no network (profile, certificate file).")
  boolean offline;

  @Override
  public Integer call() throws IOException {
    if (profileOptions.profile == null) {
      throw new SpdoctorException(ExitCodes.USAGE, "probe needs --profile FILE (see docs/profile.md for the format)");
    }
    ProfileSession session = ProfileSession.open(profileOptions.profile);
    PrintWriter out = spec.commandLine().getOut();
    if (profileOptions.dryRun) {
      List<PlannedRequest> plan = session.plan();
      if (format == Format.json) {
        json(out, g -> {
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
        });
      } else {
        session.printPlan(out);
      }
      out.flush();
      return ExitCodes.OK;
    }
    boolean quiet = QuietMixin.requested(spec);
    PrintWriter err = quiet ? new PrintWriter(java.io.Writer.nullWriter()) : spec.commandLine().getErr();
    long t0 = System.nanoTime();
    ProbeRunner runner = new ProbeRunner(!offline, "run without --offline");
    List<Observation> observations = session.run(runner, new ProbeProgress(err, ProbeProgress.stderrIsTerminal()));
    long millis = (System.nanoTime() - t0) / 1_000_000;
    ProbeVerdicts verdicts = ProbeVerdicts.judge(observations, ProfileAnswers.of(session.profile()), LocalDate.now());
    if (format == Format.json) {
      json(out, g -> {
        g.writeNumberField("millis", millis);
        g.writeArrayFieldStart("observations");
        for (Observation o : observations) {
          g.writeStartObject();
          g.writeStringField("probe", o.probe());
          g.writeStringField("outcome", o.outcome().label());
          g.writeStringField("verdict", verdicts.of(o.probe()).label().replace(' ', '-'));
          g.writeArrayFieldStart("causes");
          for (String c : verdicts.causes(o.probe())) {
            g.writeString(c);
          }
          g.writeEndArray();
          g.writeStringField("summary", o.summary());
          g.writeNumberField("millis", o.millis());
          g.writeObjectFieldStart("values");
          for (Map.Entry<String, String> v : o.values().entrySet()) {
            g.writeStringField(v.getKey(), v.getValue());
          }
          g.writeEndObject();
          g.writeArrayFieldStart("texts");
          for (String t : o.texts()) {
            g.writeString(t);
          }
          g.writeEndArray();
          g.writeEndObject();
        }
        g.writeEndArray();
      });
    } else {
      text(observations, verdicts, millis, out);
      if (!quiet) {
        err.println(hint(offline, profileOptions.profile.toString()));
        err.flush();
      }
    }
    out.flush();
    return verdicts.exitCode();
  }

  static void text(List<Observation> observations, ProbeVerdicts verdicts, long millis, PrintWriter out) {
    out.println("Observations" + "  (" + observations.size() + " probes, " + millis + " ms)");
    for (Observation o : observations) {
      out.println();
      out.println(o.probe() + "  " + verdicts.of(o.probe()).label() + (o.millis() > 0 ? "  (" + o.millis() + " ms)" : ""));
      out.println(Wrap.block(o.summary(), "  ", "  "));
      if (!verdicts.causes(o.probe()).isEmpty()) {
        out.println(Wrap.block("points at: " + String.join(", ", verdicts.causes(o.probe())), "  ", "    "));
      }
      o.values().forEach((k, v) -> out.println(Wrap.block(k + ": " + v, "    ", "      ")));
      for (String t : o.texts()) {
        out.println(Wrap.block("text: " + t.replaceAll("\\s+", " "), "    ", "      "));
      }
    }
  }

  /** The closing hint: what to run next, with the profile path as given. */
  static String hint(boolean offline, String profile) {
    String run = "spdoctor diagnose --profile " + Shell.quote(profile);
    return offline ? "For the causes and what to do, run: " + run + "  (add --live to probe the network too)"
        : "For the causes and what to do, run: " + run + " --live";
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static void json(PrintWriter out, Body body) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      body.write(g);
      g.writeEndObject();
    }
    out.println();
  }
}
