package dev.spdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the generated bash completion the way bash does (COMP_WORDS, then compgen inside it). */
class CompletionTest {
  @TempDir static Path dir;
  static Path script;

  @BeforeAll
  static void generate() throws IOException {
    script = dir.resolve("spdoctor.bash");
    Files.writeString(script, DistFiles.bash(DistFiles.tree()), StandardCharsets.UTF_8);
  }

  /** What bash offers after {@code line} (the last word is the one being completed; "" for a new word). */
  static List<String> complete(String... words) throws IOException, InterruptedException {
    StringBuilder array = new StringBuilder();
    for (String w : words) {
      array.append('\'').append(w.replace("'", "'\\''")).append("' ");
    }
    // compopt only changes how bash shows the words, and works only inside a real completion.
    String program = "source '" + script + "'\ncompopt() { :; }\n"
        + "COMP_WORDS=(" + array + ")\n"
        + "COMP_CWORD=" + (words.length - 1) + "\n"
        + "COMP_LINE=\"${COMP_WORDS[*]}\"\nCOMP_POINT=${#COMP_LINE}\n"
        + "_complete_spdoctor spdoctor \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"\n"
        + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    Process p = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", program).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  @Test
  void completesCommands() throws Exception {
    assertThat(complete("spdoctor", "di")).containsExactly("diagnose");
    assertThat(complete("spdoctor", "")).contains("diagnose", "guide", "probe", "kb", "help");
    assertThat(complete("spdoctor", "kb", "c")).contains("check", "coverage");
  }

  @Test
  void completesOptionsAndTheirValues() throws Exception {
    assertThat(complete("spdoctor", "diagnose", "--err")).contains("--error", "--error-file");
    assertThat(complete("spdoctor", "diagnose", "--format", "")).containsExactlyInAnyOrder("text", "json", "markdown");
    assertThat(complete("spdoctor", "probe", "--off")).containsExactly("--offline");
    assertThat(complete("spdoctor", "diagnose", "--")).contains("--quiet", "--profile", "--kb").doesNotContain("--offline");
  }
}
