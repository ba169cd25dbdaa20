package dev.spdoctor.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top command: lists the subcommands; with none, prints usage. */
@Command(
    name = "spdoctor",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Diagnoses why an application cannot connect to SharePoint (SharePoint Online"
        + " through an Entra ID app registration, or on-premises SharePoint), and says what to do, in order.",
    footer = {"", "Run 'spdoctor help COMMAND' for a command's options."})
public final class SpdoctorCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin StacktraceMixin stacktrace;
  @Mixin QuietMixin quiet;
  @Mixin ConfigMixin config;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new SpdoctorException(ExitCodes.USAGE, "name a command, e.g. spdoctor diagnose --error \"...\"");
  }
}
