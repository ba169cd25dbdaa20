package dev.spdoctor.cli;

import dev.spdoctor.engine.WorkingCopy;
import dev.spdoctor.kb.KbLoader;
import dev.spdoctor.kb.KnowledgeBase;
import dev.spdoctor.kb.Signature;
import dev.spdoctor.scan.GrepPatterns;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spdoctor kb patterns}: the signatures' patterns, as they are or for grep -E. */
@Command(name = "patterns", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Prints every signature pattern, one a line: SIGNATURE-ID, a tab, the RE2 pattern; with --grep only"
        + " the patterns, written for grep -E (for grep -c -E -f FILE LOG). Reads the working copy in --kb DIR or the"
        + " current folder when it is one, otherwise the bundled knowledge base.",
    footer = {"", "Example:", "  spdoctor kb patterns --grep > patterns.txt && grep -c -E -f patterns.txt job.log"})
public final class KbPatternsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--grep", description = "Only the patterns, in grep -E syntax; those grep cannot say are listed on"
      + " standard error and left out.")
  boolean grep;

  @Option(names = "--kb", paramLabel = "DIR", description = "Folder with knowledge-base/ (default: the current folder"
      + " if it has one, else the bundled knowledge base).")
  Path kbDir;

  @Override
  public Integer call() {
    KnowledgeBase kb;
    Path dir = kbDir != null ? kbDir : Path.of(".");
    if (WorkingCopy.looksLikeOne(dir)) {
      kb = KbLoader.load(new WorkingCopy(dir).knowledgeBaseDir());
    } else if (kbDir != null) {
      throw new SpdoctorException(ExitCodes.BAD_INPUT, kbDir + " holds no knowledge-base/ and rules/");
    } else {
      kb = KnowledgeBase.bundled();
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (Signature s : kb.signatures()) {
      for (String p : s.patterns()) {
        if (!grep) {
          out.println(s.id() + "\t" + p);
          continue;
        }
        String g = GrepPatterns.of(p);
        if (g == null) {
          err.println("spdoctor: left out (grep -E cannot say it): " + s.id() + ": " + p);
        } else {
          out.println(g);
        }
      }
    }
    out.flush();
    err.flush();
    return ExitCodes.OK;
  }
}
