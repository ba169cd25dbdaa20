package dev.spdoctor.cli;

import dev.spdoctor.authoring.Corpus;
import dev.spdoctor.authoring.Corpus.Figures;
import dev.spdoctor.authoring.Corpus.Outcome;
import dev.spdoctor.engine.Engine;
import dev.spdoctor.engine.WorkingCopy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spdoctor kb corpus}: how the working copy does on the public-record corpus. Per-case
 * detail for {@code corpus/} only; {@code held-out/} is reported as figures, never case by case.
 */
@Command(name = "corpus", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Diagnoses every paste of fixtures/public-record/corpus/ and held-out/ as of its posted date and"
        + " reports, per folder: the right cause first, in the top three, and among none/outside cases the share"
        + " with no cause at 0.7 or more. Case detail is shown for corpus/ only.",
    footer = {"", "Exit codes: 0 measured, 3 a corpus/ file cannot be read, 4 the knowledge base or rules have"
        + " problems."})
public final class KbCorpusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin KbMixin kb;

  @Option(names = "--failures", description = "List only the corpus/ cases that miss (default: every case).")
  boolean failuresOnly;

  @Option(names = "--no-held-out", description = "Do not measure held-out/ (measure it only at checkpoints).")
  boolean noHeldOut;

  @Override
  public Integer call() throws IOException {
    WorkingCopy copy = kb.workingCopy();
    Engine engine = copy.engine();
    Path root = copy.fixturesDir().resolve("public-record");
    PrintWriter out = spec.commandLine().getOut();
    List<String> problems = new ArrayList<>();
    Figures corpus = Corpus.measure(engine, root.resolve("corpus"), problems);
    out.println("corpus/ (tuned on): case by case, label -> what spdoctor ranked");
    for (Outcome o : corpus.outcomes()) {
      if (failuresOnly && o.right()) {
        continue;
      }
      out.printf("  %s %s#%s [%s, %s]%n      expected %s; got %s%n", o.right() ? "ok  " : "MISS",
          o.file().replaceFirst("\\.yaml$", ""), o.name(), o.client(), o.language(), o.label(), o.describe());
    }
    problems.forEach(p -> out.println("  unreadable: " + p));
    print(out, "corpus/", corpus);
    if (!noHeldOut) {
      print(out, "held-out/", Corpus.measure(engine, root.resolve("held-out"), null));
    }
    out.flush();
    return problems.isEmpty() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
  }

  private static void print(PrintWriter out, String name, Figures f) {
    out.printf(Locale.ROOT, "%s %d files, %d cases (%d labelled with a cause, %d none/outside, %d invalid label,"
        + " %d unreadable)%n", name, f.files(), f.cases(), f.causeCases(), f.noneCases(), f.invalid(), f.unreadable());
    out.printf(Locale.ROOT, "  right cause first       %3d/%-3d %5.1f%%%n", f.first(), f.causeCases(),
        100 * f.firstShare());
    out.printf(Locale.ROOT, "  right cause in top 3    %3d/%-3d %5.1f%%%n", f.top3(), f.causeCases(),
        100 * f.top3Share());
    out.printf(Locale.ROOT, "  none: nothing >= 0.7    %3d/%-3d %5.1f%%%n", f.noneQuiet(), f.noneCases(),
        100 * f.noneQuietShare());
  }
}
