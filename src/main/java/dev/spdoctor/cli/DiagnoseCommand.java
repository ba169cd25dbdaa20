package dev.spdoctor.cli;

import dev.spdoctor.authoring.WhyNot;
import dev.spdoctor.batch.BatchRunner;
import dev.spdoctor.engine.Diagnosis;
import dev.spdoctor.engine.DiagnosisRequest;
import dev.spdoctor.engine.Engine;
import dev.spdoctor.engine.WorkingCopy;
import dev.spdoctor.facts.ProbeRun;
import dev.spdoctor.guide.Transcript;
import dev.spdoctor.render.JsonRenderer;
import dev.spdoctor.render.MarkdownRenderer;
import dev.spdoctor.render.Renderer;
import dev.spdoctor.render.TextRenderer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spdoctor diagnose}: ranked causes and ordered steps for pasted error text. */
@Command(
    name = "diagnose",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Diagnoses pasted error text: ranked causes, one ordered list of remediation steps,"
        + " and what is still unknown.",
    footer = {"",
        "Examples:",
        "  spdoctor diagnose --error \"AADSTS700016: Application with identifier"
            + " '1b2c...' was not found in the directory 'contoso.onmicrosoft.com'.\"",
        "  spdoctor diagnose --error-file wizard.log --answer app-registration-exists=yes",
        "  Get-Content err.txt | spdoctor diagnose --format markdown",
        "  spdoctor diagnose --error-file - < err.txt",
        "  spdoctor diagnose --batch tickets.jsonl > results.jsonl",
        "  spdoctor diagnose --profile contoso.yaml --live",
        "  spdoctor diagnose --profile contoso.yaml --error-file wizard.log",})
public final class DiagnoseCommand implements Callable<Integer>, Cli.StdinAware {
  private InputStream stdin = System.in;
  @Spec CommandSpec spec;
  @Mixin OutputMixin output;
  @Mixin InputMixin input;
  @Mixin ProfileMixin profileOptions;

  @Option(names = "--live",
      description = "With --profile: run the network probes first (DNS, TLS, tenant discovery, an app-only token,"
          + " Microsoft Graph, SharePoint), read-only. Without it only the profile and the certificate file are checked.")
  boolean live;

  @Option(names = "--kb", paramLabel = "DIR",
      description = "Use a working copy of knowledge-base/ and rules/ in DIR, compiled at run time (slower to start),"
          + " instead of the bundled, precompiled one.")
  Path kbDir;

  @Option(names = "--explain", description = "Add the reasoning trace: every rule that fired, with its facts.")
  boolean explain;

  @Option(names = "--transcript", paramLabel = "FILE",
      description = "Replay a session written by spdoctor guide --transcript: the same texts, facts and as-of day;"
          + " - reads standard input.")
  Path transcript;

  @Option(names = "--why-not", paramLabel = "CAUSE-ID",
      description = "For authors: for a cause that was not concluded, show how far each of its rules got and the"
          + " first condition that failed (reads rules/ from --kb DIR or the current folder).")
  String whyNot;

  @Option(names = "--batch", paramLabel = "FILE",
      description = "Diagnose many tickets: JSON Lines in ({\"id\",\"text\",\"deployment\"?,\"answers\"?}),"
          + " JSON Lines out, one per line in input order; - reads standard input.")
  String batch;

  @Option(names = "--unrecognised-out", paramLabel = "FILE",
      description = "When no cause is established, append the texts (tokens and secrets redacted) with the"
          + " codes found in them to FILE as one JSON line, as candidates for knowledge-base authors.")
  Path unrecognisedOut;

  @Override
  public void stdin(InputStream in) {
    this.stdin = in;
  }

  @Override
  public Integer call() throws IOException {
    LocalDate day = input.day();
    PrintWriter out = spec.commandLine().getOut();
    if (batch != null) {
      for (String option : List.of("--error", "--error-file", "--answer", "--deployment", "--format", "--explain",
          "--profile", "--live", "--dry-run")) {
        if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
          throw new SpdoctorException(ExitCodes.USAGE, "--batch takes texts, deployment and answers from each line"
              + " and always writes JSON Lines; drop " + option);
        }
      }
      return runBatch(day, out);
    }
    List<String> texts;
    Map<String, String> facts;
    List<ProbeRun> replayedProbes = List.of();
    if (transcript != null) {
      if (input.hasTexts()) {
        throw new SpdoctorException(ExitCodes.USAGE, "--transcript replays its own texts; drop --error and --error-file");
      }
      Transcript replay;
      try {
        replay = "-".equals(transcript.toString()) ? Transcript.read(stdin, "standard input") : Transcript.read(transcript);
      } catch (java.nio.file.NoSuchFileException e) {
        throw new SpdoctorException(ExitCodes.BAD_INPUT, "no such file: " + transcript);
      } catch (IllegalArgumentException e) {
        throw new SpdoctorException(ExitCodes.BAD_INPUT, e.getMessage());
      }
      texts = replay.texts();
      facts = replay.facts();
      day = replay.asOf();
      replayedProbes = replay.probes();
    } else if (profileOptions.profile != null) {
      texts = input.hasTexts() ? input.texts(stdin) : List.of();
      facts = input.facts();
    } else {
      profileOptions.requireProfileToProbe(live);
      texts = input.textsOrPiped(stdin);
      facts = input.facts();
    }
    List<ProbeRun> probes = replayedProbes;
    Map<String, String> sources = Map.of();
    if (profileOptions.profile != null) {
      if (transcript != null) {
        throw new SpdoctorException(ExitCodes.USAGE, "--transcript replays a session; drop --profile");
      }
      ProfileSession session = ProfileSession.open(profileOptions.profile);
      if (profileOptions.dryRun) {
        session.printPlan(out);
        return ExitCodes.OK;
      }
      ProfileSession.Contribution c = session.contribute(live,
          QuietMixin.requested(spec) ? new PrintWriter(java.io.Writer.nullWriter()) : spec.commandLine().getErr(), texts, facts);
      texts = c.texts();
      facts = c.facts();
      sources = c.sources();
      probes = c.probes();
    }
    Engine engine = engine();
    Diagnosis diagnosis;
    try {
      diagnosis = engine.diagnose(new DiagnosisRequest(texts, facts, day, probes, sources));
    } catch (IllegalArgumentException e) {
      throw new SpdoctorException(ExitCodes.USAGE, "--answer: " + e.getMessage());
    }
    if (!diagnosis.hasCauses() && unrecognisedOut != null) {
      UnrecognisedLog.append(unrecognisedOut, texts, diagnosis);
    }
    renderer().render(diagnosis, out);
    if (whyNot != null) {
      explainWhyNot(diagnosis, out);
    }
    out.flush();
    return diagnosis.hasCauses() ? ExitCodes.OK : ExitCodes.NO_CAUSE;
  }

  private void explainWhyNot(Diagnosis d, PrintWriter out) throws IOException {
    Path root = kbDir != null ? kbDir : Path.of(".");
    if (!WorkingCopy.looksLikeOne(root)) {
      throw new SpdoctorException(ExitCodes.USAGE, "--why-not reads the rules' source: run from the repository or give --kb DIR");
    }
    out.println();
    out.println("Why not " + whyNot + "?");
    d.causes().stream().filter(c -> c.cause().id().equals(whyNot)).findFirst().ifPresent(c ->
        out.println("  It was concluded: rank " + c.rank() + ", confidence " + Renderer.number(c.confidence()) + "."));
    d.ruledOut().stream().filter(x -> x.cause().equals(whyNot)).findFirst().ifPresent(x ->
        out.println("  It was ruled out by rule " + x.rule() + ": " + x.reason() + "."));
    List<WhyNot.RuleProgress> progress;
    try {
      progress = WhyNot.explain(new WorkingCopy(root).rulesDir(), whyNot, d);
    } catch (IllegalArgumentException e) {
      throw new SpdoctorException(ExitCodes.USAGE, "--why-not: " + e.getMessage());
    }
    for (WhyNot.RuleProgress p : progress) {
      out.println("  rule " + p.rule() + (p.rulesOut() ? " (rules the cause out)" : "") + " (\"" + p.name() + "\"): "
          + p.held() + " of " + p.conditions().size()
          + " conditions hold" + (p.fired() ? ", so it fired" : "; the first that does not:"));
      if (!p.fired()) {
        out.println("      " + p.failing());
      }
    }
  }

  private Engine engine() {
    if (kbDir == null) {
      return Engine.bundled();
    }
    if (!WorkingCopy.looksLikeOne(kbDir)) {
      throw new SpdoctorException(ExitCodes.BAD_INPUT, kbDir + " holds no knowledge-base/ and rules/");
    }
    return new WorkingCopy(kbDir).engine();
  }

  private Renderer renderer() {
    return switch (output.format) {
      case json -> new JsonRenderer(explain, true);
      case markdown -> new MarkdownRenderer(explain);
      case text -> new TextRenderer(output.colour(), explain);
    };
  }

  private int runBatch(LocalDate day, PrintWriter out) throws IOException {
    BatchRunner runner = new BatchRunner(engine(), day);
    BatchRunner.Totals totals;
    try (BufferedReader in = BatchRunner.bytesAsLatin1("-".equals(batch) ? stdin : Files.newInputStream(Path.of(batch)))) {
      totals = runner.run(in, out);
    } catch (NoSuchFileException e) {
      throw new SpdoctorException(ExitCodes.BAD_INPUT, "no such file: " + batch);
    }
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    if (!QuietMixin.requested(spec)) {
      err.println("spdoctor: " + totals.diagnosed() + " diagnosed, " + totals.failed() + " failed");
      err.flush();
    }
    return totals.failed() > 0 ? ExitCodes.BAD_INPUT : ExitCodes.OK;
  }
}
