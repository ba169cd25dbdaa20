package dev.spdoctor.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code spdoctor kb}: tools for knowledge-base authors. */
@Command(
    name = "kb",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Tools for knowledge-base authors: check, test, coverage, corpus, docs, new (see docs/authoring.md).",
    subcommands = {KbCheckCommand.class, KbTestCommand.class, KbCoverageCommand.class, KbDocsCommand.class,
        KbCorpusCommand.class, KbNewCommand.class, KbPatternsCommand.class})
public final class KbCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new SpdoctorException(ExitCodes.USAGE, "name a kb command, e.g. spdoctor kb check");
  }
}
