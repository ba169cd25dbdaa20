package dev.spdoctor.authoring;

import dev.spdoctor.engine.WorkingCopy;
import dev.spdoctor.yaml.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The TODO placeholders {@code kb new} writes: while one is left in the knowledge base, the rules
 * or the fixtures, the working copy is not finished, so {@code kb check} lists each.
 */
final class Placeholders {
  static final String MARK = "TODO";

  private Placeholders() {}

  static void check(WorkingCopy copy, List<Problem> problems) throws IOException {
    for (Path dir : List.of(copy.knowledgeBaseDir(), copy.rulesDir(), copy.fixturesDir())) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      List<Path> files;
      try (Stream<Path> walk = Files.walk(dir)) {
        files = walk.filter(Files::isRegularFile)
            .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".drl"))
            .filter(p -> !dir.relativize(p).startsWith("public-record"))
            .sorted().toList();
      }
      for (Path file : files) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          int col = lines.get(i).indexOf(MARK);
          if (col >= 0) {
            problems.add(new Problem(copy.root().toAbsolutePath().relativize(file.toAbsolutePath()).toString(), i + 1,
                col + 1, "placeholder left from kb new: " + abbreviate(lines.get(i).substring(col)),
                "write the real text in, in your own words"));
          }
        }
      }
    }
  }

  private static String abbreviate(String s) {
    String one = s.strip();
    return one.length() <= 60 ? one : one.substring(0, 57) + "...";
  }
}
