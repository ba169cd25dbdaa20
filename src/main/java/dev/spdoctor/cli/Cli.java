package dev.spdoctor.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds the command line with its one error policy; used by main and by the tests. */
public final class Cli {
  private Cli() {}

  /** A configured command line for spdoctor. */
  public static CommandLine commandLine() {
    ErrorHandler errors = new ErrorHandler();
    CommandLine cmd = new CommandLine(new SpdoctorCommand())
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors)
        .setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setOut(new PrintWriter(System.out, false));
    return cmd;
  }

  /** Runs spdoctor with {@code args} and returns the exit code. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }
}
