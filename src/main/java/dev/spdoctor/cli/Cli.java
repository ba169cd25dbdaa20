package dev.spdoctor.cli;

import java.io.InputStream;
import picocli.CommandLine;

/** Builds the command line with its one error policy; used by main and by the tests. */
public final class Cli {
  private Cli() {}

  /** A configured command line for spdoctor that reads standard input from {@code stdin}. */
  public static CommandLine commandLine(InputStream stdin) {
    return commandLine(stdin, null);
  }

  /**
   * A command line for spdoctor. picocli reflects over every subcommand when it builds the tree,
   * so when {@code first} (the first argument) names a subcommand, only that branch is built: a
   * one-shot {@code diagnose} does not pay for the kb tools. Help and errors are the same.
   */
  public static CommandLine commandLine(InputStream stdin, String first) {
    ErrorHandler errors = new ErrorHandler();
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        K made = defaults.create(type);
        if (made instanceof StdinCommand command) {
          command.stdin = stdin;
        }
        return made;
      }
    };
    CommandLine cmd = new CommandLine(new SpdoctorCommand(), factory);
    boolean only = "diagnose".equals(first) || "guide".equals(first) || "kb".equals(first) || "probe".equals(first)
        || "scan".equals(first);
    if (!only || "diagnose".equals(first)) {
      cmd.addSubcommand("diagnose", new CommandLine(DiagnoseCommand.class, factory));
    }
    if (!only || "guide".equals(first)) {
      cmd.addSubcommand("guide", new CommandLine(GuideCommand.class, factory));
    }
    if (!only || "probe".equals(first)) {
      cmd.addSubcommand("probe", new CommandLine(ProbeCommand.class, factory));
    }
    if (!only || "scan".equals(first)) {
      cmd.addSubcommand("scan", new CommandLine(ScanCommand.class, factory));
    }
    if (!only || "kb".equals(first)) {
      cmd.addSubcommand("kb", new CommandLine(KbCommand.class, factory));
    }
    cmd.addSubcommand("help", new CommandLine.HelpCommand());
    HelpLayout.apply(cmd);
    return cmd.setExecutionStrategy(ConfigMixin::execute)
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors)
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

  /** Runs spdoctor with {@code args} on the process's streams and returns the exit code. */
  public static int run(String... args) {
    dev.spdoctor.render.Wrap.width(Terminals.reportColumns());
    CommandLine cmd = commandLine(System.in, args.length > 0 ? args[0] : null);
    return CheckedStreams.execute(cmd, args);
  }
}
