package dev.spdoctor.cli;

import dev.spdoctor.app.ProfileIntake;
import dev.spdoctor.render.Format;
import dev.spdoctor.render.ProbeReport;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --profile FILE} and {@code --dry-run}, shared by {@code probe} and {@code diagnose}. */
public final class ProfileMixin {
  @Option(names = "--profile", paramLabel = "FILE",
      description = "A connection profile (docs/profile.md): the connection as the wizard captures it; - reads it from"
          + " standard input. Secrets in it are read from environment variables, files or a prompt, never from the"
          + " file itself.")
  Path profile;

  @Option(names = "--dry-run",
      description = "List the requests the probes would send, and to which hosts, and send none.")
  boolean dryRun;

  /**
   * A dry run's plan, printed in {@code format}: the requests the probes would send. A profile named
   * {@code -} is read from {@code stdin}.
   *
   * @throws dev.spdoctor.app.RequestException when no profile was given, or it cannot be used
   */
  void printPlan(Format format, PrintWriter out, InputStream stdin) {
    if (profile == null) {
      throw new SpdoctorException(ExitCodes.USAGE, "--dry-run probes a connection: give its profile with --profile FILE"
          + " (docs/profile.md)");
    }
    ProfileIntake intake = ProfileIntake.open(profile, false, stdin);
    ProbeReport.plan(intake.plan(), intake.proxy(), format, out);
  }
}
