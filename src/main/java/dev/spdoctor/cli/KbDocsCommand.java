package dev.spdoctor.cli;

import dev.spdoctor.engine.WorkingCopy;
import dev.spdoctor.io.BoundedFiles;
import dev.spdoctor.io.SafeFiles;
import dev.spdoctor.authoring.CatalogWriter;
import dev.spdoctor.kb.KbLoader;
import dev.spdoctor.authoring.RuleSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spdoctor kb docs}: generates docs/catalog.md from the knowledge base and rules. */
@Command(name = "docs", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Writes docs/catalog.md (every cause: title, deployment, messages, rules, steps, source)"
        + " from the working copy; with --check, only says whether the committed file is current.",
    footer = {"", "Exit codes: 0 written or current, 1 stale (with --check), 4 the knowledge base has problems."})
public final class KbDocsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin KbMixin kb;

  @Option(names = "--check", description = "Do not write; exit 1 when docs/catalog.md is stale.")
  boolean check;

  @Override
  public Integer call() throws IOException {
    WorkingCopy copy = kb.workingCopy();
    String catalog = CatalogWriter.write(KbLoader.load(copy.knowledgeBaseDir()),
        RuleSource.read(copy.rulesDir()).rules());
    Path file = copy.root().resolve("docs").resolve("catalog.md");
    boolean current = Files.isRegularFile(file)
        && new String(BoundedFiles.read(file, BoundedFiles.TRANSCRIPT), StandardCharsets.UTF_8).equals(catalog);
    if (check) {
      spec.commandLine().getOut().println(current ? "docs/catalog.md is current"
          : "docs/catalog.md is stale: run spdoctor kb docs");
      return current ? ExitCodes.OK : ExitCodes.NO_CAUSE;
    }
    SafeFiles.write(file, catalog);
    spec.commandLine().getOut().println((current ? "unchanged: " : "wrote ") + file);
    return ExitCodes.OK;
  }
}
