package dev.spdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's example report is what spdoctor prints today: the command on its first line is run and its
 * output must equal the block (regenerate with -Dgolden.update=true; never edit the block by hand).
 */
class ReadmeExampleTest {
  /** A fenced block whose first line is {@code $ ./spdoctor diagnose ...}. */
  private static final Pattern EXAMPLE = Pattern.compile("```\\n\\$ \\./spdoctor (diagnose [^\\n]*)\\n(.*?)```",
      Pattern.DOTALL);

  @Test
  void theExampleReportIsTodays() throws IOException {
    Path readme = Path.of("README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    Matcher m = EXAMPLE.matcher(text);
    assertThat(m.find()).as("README.md has an example block starting with '$ ./spdoctor diagnose'").isTrue();
    CliRun r = CliRun.run(words(m.group(1)).toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    if (Boolean.getBoolean("golden.update")) {
      String updated = text.substring(0, m.start(2)) + r.out() + text.substring(m.end(2));
      Files.writeString(readme, updated, StandardCharsets.UTF_8);
      return;
    }
    assertThat(m.group(2)).as("README.md's example is stale: regenerate with -Dtest=ReadmeExampleTest"
        + " -Dgolden.update=true").isEqualTo(r.out());
  }

  /** The command line split as a POSIX shell would for plain words and double-quoted ones. */
  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    Matcher w = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
    while (w.find()) {
      words.add(w.group(1) != null ? w.group(1) : w.group(2));
    }
    return words;
  }
}
