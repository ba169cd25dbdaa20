package dev.spdoctor.cli;

import dev.spdoctor.authoring.KbChecker;
import dev.spdoctor.yaml.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code spdoctor kb check}: validates a working copy without running a diagnosis. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Validates knowledge-base/ and rules/: schema, DRL compilation, ids, references, and that every"
        + " cause, question and signature is used and every signature matches a fixture.",
    footer = {"", "Exit codes: 0 clean, 4 problems found (one line each: file:line:column: problem — fix),"
        + " 3 the folder is not a working copy."})
public final class KbCheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin KbMixin kb;

  @Override
  public Integer call() throws IOException {
    long start = System.nanoTime();
    dev.spdoctor.engine.WorkingCopy copy = kb.workingCopy();
    KbChecker.Report report = KbChecker.check(copy);
    PrintWriter out = spec.commandLine().getOut();
    for (String w : dev.spdoctor.authoring.RuleReach.warnings(copy.root(), copy.rulesDir())) {
      spec.commandLine().getErr().println("warning: " + w);
    }
    for (Problem p : report.problems()) {
      out.println(p);
    }
    out.println(report.summary((System.nanoTime() - start) / 1_000_000));
    out.flush();
    return report.problems().isEmpty() ? ExitCodes.OK : ExitCodes.BAD_KNOWLEDGE_BASE;
  }
}
