package dev.spdoctor.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds the command line with its one error policy; used by main and by the tests. */
public final class Cli {
  private Cli() {}

  /** A configured command line for spdoctor that reads standard input from {@code stdin}. */
  public static CommandLine commandLine(InputStream stdin) {
    ErrorHandler errors = new ErrorHandler();
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        K made = defaults.create(type);
        if (made instanceof StdinAware aware) {
          aware.stdin(stdin);
        }
        return made;
      }
    };
    return new CommandLine(new SpdoctorCommand(), factory)
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors)
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

  /** Runs spdoctor with {@code args} on the process's streams and returns the exit code. */
  public static int run(String... args) {
    CommandLine cmd = commandLine(System.in);
    cmd.setOut(new PrintWriter(System.out, false));
    return cmd.execute(args);
  }

  /** A command that reads standard input. */
  interface StdinAware {
    void stdin(InputStream in);
  }
}
