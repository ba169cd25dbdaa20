package dev.spdoctor.cli;

import dev.spdoctor.app.DiagnosisService;
import dev.spdoctor.app.InputSpec;
import dev.spdoctor.authoring.WhyNot;
import dev.spdoctor.batch.BatchRunner;
import dev.spdoctor.engine.Diagnosis;
import dev.spdoctor.engine.Engine;
import dev.spdoctor.engine.WorkingCopy;
import dev.spdoctor.io.SafeFiles;
import dev.spdoctor.render.ProbeProgress;
import dev.spdoctor.render.Renderer;
import dev.spdoctor.render.WhyNotText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spdoctor diagnose}: ranked causes and ordered steps for pasted error text. */
@Command(name = "diagnose", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Diagnoses pasted error text: ranked causes, one ordered list of remediation steps,"
        + " and what is still unknown.",
    footer = {"", "Examples:",
        "  spdoctor diagnose --error \"AADSTS700016: Application with identifier"
            + " '1b2c...' was not found in the directory 'contoso.onmicrosoft.com'.\"",
        "  spdoctor diagnose --error-file wizard.log --answer app-registration-exists=yes",
        "  Get-Content err.txt | spdoctor diagnose --format markdown",
        "  spdoctor diagnose --error-file - < err.txt",
        "  spdoctor diagnose --batch tickets.jsonl > results.jsonl",
        "  spdoctor diagnose --profile contoso.yaml --live",
        "  spdoctor diagnose --profile contoso.yaml --error-file wizard.log",})
public final class DiagnoseCommand extends StdinCommand {
  @Spec CommandSpec spec;
  @Mixin OutputMixin output;
  @Mixin InputMixin input;
  @Mixin ProfileMixin profileOptions;

  @Option(names = "--live", description = "With --profile: run the network probes first (DNS, TLS, tenant discovery,"
      + " an app-only token, Microsoft Graph, SharePoint), read-only. Without it only the profile and the certificate"
      + " file are checked.")
  boolean live;

  @Option(names = "--kb", paramLabel = "DIR", description = "Use a working copy of knowledge-base/ and rules/ in DIR,"
      + " compiled at run time (slower to start), instead of the bundled, precompiled one.")
  Path kbDir;

  @Option(names = "--explain", description = "Add the reasoning trace: every rule that fired, with its facts.")
  boolean explain;

  @Option(names = "--transcript", paramLabel = "FILE",
      description = "Replay a session written by spdoctor guide --transcript: the same texts, facts and as-of day;"
          + " - reads standard input.")
  Path transcript;

  @Option(names = "--why-not", paramLabel = "CAUSE-ID", description = "For authors: for a cause that was not"
      + " concluded, show how far each of its rules got in this diagnosis and the first condition that failed (reads"
      + " rules/ from --kb DIR or the current folder).")
  String whyNot;

  @Option(names = "--batch", paramLabel = "FILE", description = "Diagnose many tickets: JSON Lines in"
      + " ({\"id\",\"text\",\"deployment\"?,\"answers\"?}), JSON Lines out, one per line in input order; - reads"
      + " standard input.")
  String batch;

  @Option(names = "--unrecognised-out", paramLabel = "FILE", description = "When no cause is established, append the"
      + " texts (tokens and secrets redacted) with the codes found in them to FILE as one JSON line, as candidates"
      + " for knowledge-base authors.")
  Path unrecognisedOut;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (batch != null) {
      return runBatch(out);
    }
    if (profileOptions.dryRun) {
      OptionConflicts.refuse(spec, "--dry-run only lists the requests the probes would send", List.of("--error",
          "--error-file", "--answer", "--deployment", "--as-of", "--explain", "--transcript", "--why-not",
          "--unrecognised-out", "--kb"));
      profileOptions.printPlan(output.format, out, stdin);
      return ExitCodes.OK;
    }
    if (transcript != null) {
      OptionConflicts.refuse(spec, "--transcript replays the session's own facts and day",
          List.of("--answer", "--deployment", "--as-of", "--live"));
    }
    if (unrecognisedOut != null) {
      SafeFiles.checkTarget(unrecognisedOut); // refused before any probe runs, not after
    }
    InputSpec in = input.spec(stdin, true, profileOptions.profile, live, transcript);
    WhyNot why = whyNot == null ? null : whyNot();
    DiagnosisService service = new DiagnosisService(why != null ? why::engine : () -> DiagnosisService.engine(kbDir), stdin);
    var outcome = service.diagnose(in, new ProbeProgress(QuietMixin.err(spec), ProbeProgress.stderrIsTerminal()),
        why != null ? why : Engine.SessionInspector.NONE);
    Diagnosis d = outcome.diagnosis();
    if (!d.hasCauses() && unrecognisedOut != null) {
      UnrecognisedLog.append(unrecognisedOut, outcome.request().texts(), d);
    }
    Renderer.of(output.format, output.colour(), explain).render(d, out);
    if (why != null) {
      WhyNotText.print(whyNot, d, why.progress(whyNot), out);
    }
    out.flush();
    return d.hasCauses() ? ExitCodes.OK : ExitCodes.NO_CAUSE;
  }

  /** The working copy's rules with the queries that explain the rules concluding the cause. */
  private WhyNot whyNot() throws IOException {
    Path root = kbDir != null ? kbDir : Path.of(".");
    if (!WorkingCopy.looksLikeOne(root)) {
      throw new SpdoctorException(ExitCodes.USAGE, "--why-not reads the rules' source: run from the repository or"
          + " give --kb DIR");
    }
    try {
      return WhyNot.prepare(new WorkingCopy(root), List.of(whyNot));
    } catch (WhyNot.UnknownCause e) {
      throw new SpdoctorException(ExitCodes.USAGE, "--why-not: " + e.getMessage());
    }
  }

  private int runBatch(PrintWriter out) throws IOException {
    OptionConflicts.refuse(spec, "--batch takes texts, deployment and answers from each line and always writes"
        + " JSON Lines", List.of("--error", "--error-file", "--answer", "--deployment", "--format", "--explain",
        "--profile", "--live", "--dry-run", "--transcript", "--unrecognised-out", "--why-not", "--color"));
    BatchRunner.Totals totals;
    try (BufferedReader in = BatchRunner.open(batch, stdin)) {
      totals = new BatchRunner(DiagnosisService.engine(kbDir), input.day()).run(in, out);
    }
    out.flush();
    PrintWriter err = QuietMixin.err(spec);
    err.println("spdoctor: " + totals.diagnosed() + " diagnosed, " + totals.failed() + " failed"
        + (totals.firstFailure() == null ? "" : "; the first failure, "
            + dev.spdoctor.text.Visible.clip(dev.spdoctor.text.Redactor.redact(totals.firstFailure()), 400)));
    err.flush();
    return totals.failed() > 0 ? ExitCodes.BAD_INPUT : ExitCodes.OK;
  }
}
