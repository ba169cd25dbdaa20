package dev.spdoctor.cli;

import dev.spdoctor.scan.LogSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The FILE arguments of {@code spdoctor scan}, checked: each readable, a folder only with --recursive. */
final class LogFiles {
  private LogFiles() {}

  /** The logs to scan, in order: files as given, folders (with --recursive) walked in name order. */
  static List<LogSource> sources(List<String> files, boolean recursive) {
    List<LogSource> sources = new ArrayList<>();
    boolean stdinUsed = false;
    for (String f : files) {
      if ("-".equals(f)) {
        if (stdinUsed) {
          throw new SpdoctorException(ExitCodes.USAGE, "- (standard input) can be given once");
        }
        stdinUsed = true;
        sources.add(new LogSource("-", null));
        continue;
      }
      Path p = Path.of(f);
      if (Files.isDirectory(p)) {
        if (!recursive) {
          throw new SpdoctorException(ExitCodes.USAGE, f + " is a folder; add --recursive to scan every file in it");
        }
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile).sorted().forEach(x -> sources.add(new LogSource(x.toString(), x)));
        } catch (IOException | UncheckedIOException e) {
          throw new SpdoctorException(ExitCodes.BAD_INPUT, "cannot list " + f + ": " + e.getMessage());
        }
      } else if (!Files.exists(p)) {
        throw new SpdoctorException(ExitCodes.BAD_INPUT, "no such file: " + f);
      } else if (!Files.isReadable(p)) {
        throw new SpdoctorException(ExitCodes.BAD_INPUT, "cannot read " + f + ": permission denied");
      } else {
        sources.add(new LogSource(f, p));
      }
    }
    if (sources.isEmpty()) {
      throw new SpdoctorException(ExitCodes.BAD_INPUT, "the folders given hold no files");
    }
    return sources;
  }
}
