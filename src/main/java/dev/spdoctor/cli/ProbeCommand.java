package dev.spdoctor.cli;

import dev.spdoctor.app.ProfileIntake;
import dev.spdoctor.probe.Observation;
import dev.spdoctor.probe.ProbeRunner;
import dev.spdoctor.profile.ProfileAnswers;
import dev.spdoctor.render.ProbeProgress;
import dev.spdoctor.render.ProbeReport;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
public final class ProbeCommand extends StdinCommand {
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
  public Integer call() {
    if (profileOptions.profile == null) {
      throw new SpdoctorException(ExitCodes.USAGE, "probe needs --profile FILE (see docs/profile.md for the format)");
    }
    PrintWriter out = spec.commandLine().getOut();
    dev.spdoctor.render.Format as = format == Format.json ? dev.spdoctor.render.Format.json : dev.spdoctor.render.Format.text;
    if (profileOptions.dryRun) {
      profileOptions.printPlan(as, out, stdin);
      return ExitCodes.OK;
    }
    ProfileIntake intake = ProfileIntake.open(profileOptions.profile, !offline, stdin);
    PrintWriter err = QuietMixin.err(spec);
    long t0 = System.nanoTime();
    List<Observation> observations = intake.run(new ProbeRunner(!offline, "run without --offline"),
        new ProbeProgress(err, ProbeProgress.stderrIsTerminal()));
    long millis = (System.nanoTime() - t0) / 1_000_000;
    ProbeVerdicts verdicts = ProbeVerdicts.judge(observations, ProfileAnswers.of(intake.profile()), LocalDate.now());
    Map<String, ProbeReport.Verdict> judged = new LinkedHashMap<>();
    observations.forEach(o -> judged.put(o.probe(), new ProbeReport.Verdict(verdicts.of(o.probe()).label(),
        List.copyOf(verdicts.causes(o.probe())))));
    ProbeReport.observations(observations, judged, millis, as, out);
    if (as == dev.spdoctor.render.Format.text) {
      err.println(hint(offline, profileOptions.profile.toString()));
      err.flush();
    }
    return verdicts.exitCode();
  }

  /** The closing hint: what to run next, with the profile path as given. */
  static String hint(boolean offline, String profile) {
    String run = "spdoctor diagnose --profile " + Shell.quote(profile);
    return offline ? "For the causes and what to do, run: " + run + "  (add --live to probe the network too)"
        : "For the causes and what to do, run: " + run + " --live";
  }
}
