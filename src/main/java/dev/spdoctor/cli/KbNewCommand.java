package dev.spdoctor.cli;

import dev.spdoctor.authoring.Scaffold;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spdoctor kb new CAUSE-ID}: scaffolds a new cause. */
@Command(name = "new", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Creates a cause, its signature, a rule and a positive and a negative fixture, wired so that"
        + " kb check passes and kb test fails on the TODO placeholders until you fill them in.",
    footer = {"", "Exit codes: 0 created, 2 bad id or domain, 3 a file already exists or the folder is not a working copy."})
public final class KbNewCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin KbMixin kb;

  @Parameters(paramLabel = "CAUSE-ID", description = "Kebab-case id of the new cause (stable once published).")
  String id;

  @Option(names = "--domain", paramLabel = "DOMAIN", defaultValue = "custom",
      description = "The rules/ and fixtures/ folder to put it in (default: ${DEFAULT-VALUE}).")
  String domain;

  @Override
  public Integer call() throws IOException {
    List<Path> files;
    try {
      files = Scaffold.create(kb.workingCopy(), id, domain);
    } catch (IllegalArgumentException e) {
      int code = e.getMessage().contains("already exists") ? ExitCodes.BAD_INPUT : ExitCodes.USAGE;
      throw new SpdoctorException(code, e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("created:");
    files.forEach(f -> out.println("  " + f));
    out.println("Next: fill in the TODOs (the message and pattern, the explanation and steps, the fixture texts),");
    out.println("then run: spdoctor kb check && spdoctor kb test --filter " + id);
    out.flush();
    return ExitCodes.OK;
  }
}
