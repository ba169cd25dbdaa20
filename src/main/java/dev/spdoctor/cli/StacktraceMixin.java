package dev.spdoctor.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code --stacktrace}: show the stack trace of an error, for bug reports. */
public final class StacktraceMixin {
  @Option(names = "--stacktrace", scope = ScopeType.INHERIT,
      description = "On an error, also print the stack trace (for bug reports).")
  boolean stacktrace;
}
