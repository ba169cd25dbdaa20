package dev.spdoctor.cli;

import dev.spdoctor.engine.Engine;
import dev.spdoctor.engine.RuleBase;
import dev.spdoctor.engine.WorkingCopy;
import dev.spdoctor.kb.KnowledgeBase;
import dev.spdoctor.render.ProbeProgress;
import dev.spdoctor.scan.LogScan;
import dev.spdoctor.scan.LogSource;
import dev.spdoctor.scan.ScanException;
import dev.spdoctor.scan.ScanProgress;
import dev.spdoctor.scan.ScanReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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
public final class ScanCommand implements Callable<Integer>, Cli.StdinAware {
  private InputStream stdin = System.in;
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
  public void stdin(InputStream in) {
    this.stdin = in;
  }

  @Override
  public Integer call() throws IOException {
    if (threads < 1 || threads > 64) {
      throw new SpdoctorException(ExitCodes.USAGE, "--threads must be between 1 and 64");
    }
    List<LogSource> sources = sources();
    java.util.Map<String, String> facts = new java.util.LinkedHashMap<>(answers);
    if (deployment != null) {
      String before = facts.put("deployment", deployment.name());
      if (before != null && !before.equalsIgnoreCase(deployment.name())) {
        throw new SpdoctorException(ExitCodes.USAGE, "--deployment " + deployment + " contradicts --answer deployment=" + before);
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    LogScan.Outcome outcome;
    try {
      KnowledgeBase kb;
      java.util.concurrent.Callable<Engine> engine;
      if (kbDir == null) {
        kb = KnowledgeBase.bundled();
        engine = () -> new Engine(RuleBase.bundled(), kb);
      } else {
        Engine loaded = engine();
        kb = loaded.knowledgeBase();
        engine = () -> loaded;
      }
      outcome = LogScan.run(kb, engine, sources, stdin, facts, asOf != null ? asOf : java.time.LocalDate.now(), threads,
          ProbeProgress.stderrIsTerminal() ? new ScanProgress(err) : null);
    } catch (ScanException e) {
      throw new SpdoctorException(ExitCodes.BAD_INPUT, e.getMessage());
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new SpdoctorException(ExitCodes.BAD_INPUT, "a gzip file is damaged or cut short: " + e.getMessage());
    } catch (NoSuchFileException e) {
      throw new SpdoctorException(ExitCodes.BAD_INPUT, "no such file: " + e.getFile());
    } catch (AccessDeniedException e) {
      throw new SpdoctorException(ExitCodes.BAD_INPUT, "cannot read " + e.getFile() + ": permission denied");
    }
    ScanReport.render(outcome, ScanReport.Format.valueOf(output.format.name()), output.colour(), explain,
        spec.commandLine().getOut());
    return outcome.diagnosis().hasCauses() ? ExitCodes.OK : ExitCodes.NO_CAUSE;
  }

  private List<LogSource> sources() {
    List<LogSource> sources = new ArrayList<>();
    boolean stdinUsed = false;
    for (String f : files) {
      if ("-".equals(f)) {
        if (stdinUsed) {
          throw new SpdoctorException(ExitCodes.USAGE, "- (standard input) can be given once");
        }
        stdinUsed = true;
        sources.add(new LogSource("-", null));
        continue;
      }
      Path p = Path.of(f);
      if (Files.isDirectory(p)) {
        if (!recursive) {
          throw new SpdoctorException(ExitCodes.USAGE, f + " is a folder; add --recursive to scan every file in it");
        }
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile).sorted().forEach(x -> sources.add(new LogSource(x.toString(), x)));
        } catch (IOException | UncheckedIOException e) {
          throw new SpdoctorException(ExitCodes.BAD_INPUT, "cannot list " + f + ": " + e.getMessage());
        }
      } else if (!Files.exists(p)) {
        throw new SpdoctorException(ExitCodes.BAD_INPUT, "no such file: " + f);
      } else if (!Files.isReadable(p)) {
        throw new SpdoctorException(ExitCodes.BAD_INPUT, "cannot read " + f + ": permission denied");
      } else {
        sources.add(new LogSource(f, p));
      }
    }
    if (sources.isEmpty()) {
      throw new SpdoctorException(ExitCodes.BAD_INPUT, "the folders given hold no files");
    }
    return sources;
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
}
