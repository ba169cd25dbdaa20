package dev.spdoctor.cli;

import dev.spdoctor.engine.Diagnosis.FiredRule;
import dev.spdoctor.engine.WorkingCopy;
import dev.spdoctor.authoring.FixtureCase;
import dev.spdoctor.authoring.FixtureRunner;
import dev.spdoctor.authoring.RuleSource;
import dev.spdoctor.authoring.FixtureRunner.Located;
import dev.spdoctor.authoring.FixtureRunner.Result;
import dev.spdoctor.text.Similar;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spdoctor kb test}: runs fixture cases against a working copy (the same runner CI uses). */
@Command(name = "test", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Runs the fixture cases (all of fixtures/, or the files and folders given) against the working"
        + " copy's rules and knowledge base, and shows how each failing case differs from what it expects.",
    footer = {"", "Exit codes: 0 every case passed (known gaps are reported, never failed), 1 a case failed,"
        + " 4 the knowledge base or rules have problems."})
public final class KbTestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin KbMixin kb;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Fixture files or folders (default: fixtures/).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--filter", paramLabel = "ID",
      description = "Only cases that expect or rule out this cause, or in which this rule fires.")
  String filter;

  @Option(names = "--verbose", description = "Also list the cases that passed.")
  boolean verbose;

  @Override
  public Integer call() throws IOException {
    WorkingCopy copy = kb.workingCopy();
    List<Located> cases = new ArrayList<>();
    for (Path p : paths.isEmpty() ? List.of(copy.fixturesDir()) : paths) {
      if (!Files.exists(p)) {
        throw new SpdoctorException(ExitCodes.BAD_INPUT, "no such fixture file or folder: " + p);
      }
      try {
        cases.addAll(Files.isDirectory(p) ? FixtureRunner.load(p) : FixtureRunner.loadFile(p));
      } catch (IllegalArgumentException e) {
        throw new SpdoctorException(ExitCodes.BAD_INPUT, e.getMessage());
      }
    }
    Set<String> names = new TreeSet<>();
    if (filter != null) {
      // a filter names a cause some case expects or rules out, or a rule: anything else selects nothing
      RuleSource.read(copy.rulesDir()).rules().forEach(r -> names.add(r.id()));
      cases.forEach(c -> names.addAll(c.fixture().expect().named()));
      if (!names.contains(filter)) {
        throw new SpdoctorException(ExitCodes.USAGE, "--filter " + filter + " selects no case: it is neither a cause a"
            + " case names nor a rule" + Similar.didYouMean(filter, names));
      }
    }
    // the rules are compiled only once the cases and the filter are known to be usable
    FixtureRunner runner = new FixtureRunner(copy.engine());
    PrintWriter out = spec.commandLine().getOut();
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    for (Located c : cases) {
      Result r = runner.run(c);
      if (filter != null && !selected(c.fixture(), r)) {
        continue;
      }
      if (c.fixture().knownGap() && !r.passed()) {
        skipped++;
        out.println("GAP  " + c.id() + " (known gap: " + c.fixture().reason() + ")");
      } else if (r.passed()) {
        passed++;
        if (verbose) {
          out.println("ok   " + c.id());
        }
      } else {
        failed++;
        out.println("FAIL " + c.id() + "  (" + c.file() + ")");
        r.problems().forEach(p -> out.println("       " + p));
      }
    }
    out.println(passed + " passed, " + failed + " failed, " + skipped + " skipped");
    out.flush();
    if (filter != null && passed + failed + skipped == 0) {
      throw new SpdoctorException(ExitCodes.USAGE, "--filter " + filter + " selects no case: no fixture expects or rules"
          + " out that cause, and no rule by that id fired; check the id");
    }
    return failed == 0 ? ExitCodes.OK : ExitCodes.NO_CAUSE;
  }

  private boolean selected(FixtureCase c, Result r) {
    if (c.expect().named().contains(filter)) {
      return true;
    }
    return r.diagnosis() != null && r.diagnosis().trace().stream().map(FiredRule::rule).anyMatch(filter::equals);
  }
}
