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
}
