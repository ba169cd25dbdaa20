package dev.spdoctor.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** Options a mode does not use are refused, never silently dropped. */
final class OptionConflicts {
  private OptionConflicts() {}

  /**
   * Refuses (exit 2) the first of {@code options} given on the command line, saying {@code why}
   * it does not apply and to drop it.
   */
  static void refuse(CommandSpec spec, String why, List<String> options) {
    for (String option : options) {
      if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
        throw new SpdoctorException(ExitCodes.USAGE, why + "; drop " + option);
      }
    }
  }
}
