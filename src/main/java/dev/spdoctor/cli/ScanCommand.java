package dev.spdoctor.cli;

import dev.spdoctor.app.DiagnosisService;
import dev.spdoctor.engine.Engine;
import dev.spdoctor.engine.RuleBase;
import dev.spdoctor.kb.KnowledgeBase;
import dev.spdoctor.render.ProbeProgress;
import dev.spdoctor.scan.LogScan;
import dev.spdoctor.scan.LogSource;
import dev.spdoctor.scan.ScanException;
import dev.spdoctor.scan.ScanProgress;
import dev.spdoctor.scan.ScanReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spdoctor scan}: known errors in whole logs, where they are, then one diagnosis. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Scans whole logs (any size, .gz too) for the error messages spdoctor knows: each message with"
        + " its count, first and last line and time, and examples; then one diagnosis over what was found.",
    footer = {"",
        "Examples:",
        "  spdoctor scan backup-job.log",
        "  spdoctor scan --recursive C:\\\\ProgramData\\\\Logs --format markdown > findings.md",
        "  zcat old.log.gz | spdoctor scan -"})
public final class ScanCommand extends StdinCommand {
  @Spec CommandSpec spec;
  @Mixin OutputMixin output;

  @Parameters(paramLabel = "FILE", arity = "1..*",
      description = "Logs to scan, in order; - reads standard input; a folder needs --recursive.")
  List<String> files = new ArrayList<>();

  @Option(names = {"-r", "--recursive"}, description = "Scan every file under the folders given (in name order).")
  boolean recursive;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "2",
      description = "Threads that match blocks of the log (default: ${DEFAULT-VALUE}; 1 reads and matches on one).")
  int threads;

  @Option(names = "--deployment", paramLabel = "WHERE",
      description = "Where SharePoint runs: ${COMPLETION-CANDIDATES}. Same as --answer deployment=WHERE.")
  InputMixin.DeploymentChoice deployment;

  @Option(names = "--answer", paramLabel = "KEY=VALUE",
      description = "A fact you know, e.g. app-registration-exists=no (repeatable).")
  java.util.Map<String, String> answers = new java.util.LinkedHashMap<>();

  @Option(names = "--as-of", paramLabel = "DATE", converter = IsoDateConverter.class,
      description = "Judge dated facts as of this day, YYYY-MM-DD (default: today).")
  java.time.LocalDate asOf;

  @Option(names = "--explain", description = "Add the reasoning trace of the diagnosis.")
  boolean explain;

  @Option(names = "--kb", paramLabel = "DIR",
      description = "Use a working copy of knowledge-base/ and rules/ in DIR, compiled at run time.")
  Path kbDir;

  @Override
  public Integer call() throws IOException {
    if (threads < 1 || threads > 64) {
      throw new SpdoctorException(ExitCodes.USAGE, "--threads must be between 1 and 64");
    }
    List<LogSource> sources = LogFiles.sources(files, recursive);
    java.util.Map<String, String> facts = InputMixin.facts(answers, deployment, null);
    PrintWriter err = spec.commandLine().getErr();
    LogScan.Outcome outcome;
    try {
      KnowledgeBase kb;
      Callable<Engine> engine;
      if (kbDir == null) {
        kb = KnowledgeBase.bundled();
        engine = () -> new Engine(RuleBase.bundled(), kb);
      } else {
        Engine loaded = DiagnosisService.engine(kbDir);
        kb = loaded.knowledgeBase();
        engine = () -> loaded;
      }
      outcome = LogScan.run(kb, engine, sources, stdin, facts, asOf != null ? asOf : java.time.LocalDate.now(), threads,
          ProbeProgress.stderrIsTerminal() ? new ScanProgress(err) : null);
    } catch (ScanException e) {
      throw new SpdoctorException(ExitCodes.BAD_INPUT, e.getMessage());
    } catch (NoSuchFileException e) {
      throw new SpdoctorException(ExitCodes.BAD_INPUT, "no such file: " + e.getFile());
    } catch (AccessDeniedException e) {
      throw new SpdoctorException(ExitCodes.BAD_INPUT, "cannot read " + e.getFile() + ": permission denied");
    }
    ScanReport.render(outcome, ScanReport.Format.valueOf(output.format.name()), output.colour(), explain,
        spec.commandLine().getOut());
    return outcome.diagnosis().hasCauses() ? ExitCodes.OK : ExitCodes.NO_CAUSE;
  }
}
