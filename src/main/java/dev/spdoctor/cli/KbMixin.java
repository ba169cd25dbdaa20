package dev.spdoctor.cli;

import dev.spdoctor.engine.WorkingCopy;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --kb DIR}: a working copy of rules/ and knowledge-base/ (and fixtures/), compiled at run time. */
public final class KbMixin {
  @Option(names = "--kb", paramLabel = "DIR",
      description = "Folder that holds knowledge-base/ and rules/ (and fixtures/, docs/): an author's working copy,"
          + " compiled at run time (default for kb commands: the current folder).")
  Path kb;

  /** The working copy named by --kb, or the current folder. */
  WorkingCopy workingCopy() {
    Path dir = kb != null ? kb : Path.of(".");
    if (!WorkingCopy.looksLikeOne(dir)) {
      throw new SpdoctorException(ExitCodes.BAD_INPUT, dir.toAbsolutePath().normalize()
          + " holds no knowledge-base/ and rules/; run from the repository, or give --kb DIR");
    }
    return new WorkingCopy(dir);
  }
}
