package dev.spdoctor.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/** {@code -q}/{@code --quiet}: no progress, summaries or hints on standard error; errors are still printed. */
public final class QuietMixin {
  @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
      description = "Print no progress, summaries or hints on standard error (errors still are).")
  boolean quiet;

  /** Standard error, or a writer that drops everything when --quiet was given. */
  static java.io.PrintWriter err(CommandSpec spec) {
    return requested(spec) ? new java.io.PrintWriter(java.io.Writer.nullWriter()) : spec.commandLine().getErr();
  }

  /** Whether --quiet was given anywhere on the command line that ran {@code spec}. */
  static boolean requested(CommandSpec spec) {
    ParseResult p = spec.root().commandLine().getParseResult();
    for (; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--quiet")) {
        return true;
      }
    }
    return false;
  }
}
