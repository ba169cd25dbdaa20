package dev.spdoctor.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --profile FILE} and {@code --dry-run}, shared by {@code probe} and {@code diagnose}. */
public final class ProfileMixin {
  @Option(names = "--profile", paramLabel = "FILE",
      description = "A connection profile (docs/profile.md): the connection as the wizard captures it. Secrets in it"
          + " are read from environment variables, files or a prompt, never from the file itself.")
  Path profile;

  @Option(names = "--dry-run",
      description = "List the requests the probes would send, and to which hosts, and send none.")
  boolean dryRun;

  /** A usage error when {@code --live} or {@code --dry-run} is given without a profile to probe. */
  void requireProfileToProbe(boolean live) {
    if (profile == null && (live || dryRun)) {
      throw new SpdoctorException(ExitCodes.USAGE, (live ? "--live" : "--dry-run")
          + " probes a connection: give its profile with --profile FILE (docs/profile.md)");
    }
  }
}
