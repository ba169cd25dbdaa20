package dev.spdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuideCommandTest {
  static final String AADSTS700016 = DiagnoseCommandTest.AADSTS700016;

  @Test
  void answersOverAPipeWithWhyInvalidAnswerBackAndStatus() {
    CliRun r = CliRun.withStdin("why\nmaybe\nyes\nback\nno\n", "guide", "--as-of", "2026-06-01", "--error", AADSTS700016);
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Question 1: Does the app registration still exist")
        .contains("Bears on: app-registration-deleted (asked by rule aadsts700016-deleted)")
        .contains("'app-registration-exists' takes yes or no, not 'maybe'. Try again, or type skip.")
        .contains("Undone; asking again.")
        .contains("One cause is established.")
        .contains("1. The app registration no longer exists in Entra ID");
  }

  @Test
  void scriptedAnswersLeaveTheRestUnknownAndTheTranscriptReplays(@TempDir Path dir) throws IOException {
    Path answers = dir.resolve("answers.yaml");
    Files.writeString(answers, "app-registration-exists: \"yes\"\nregistered-recently: \"yes\"\n");
    Path transcript = dir.resolve("session.json");
    CliRun r = CliRun.run("guide", "--as-of", "2026-06-01", "--answers", answers.toString(),
        "--transcript", transcript.toString(), "--error", AADSTS700016 + " password=hunter2");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("(not in " + answers + ": left unknown)");
    ObjectMapper json = new ObjectMapper();
    JsonNode saved = json.readTree(transcript.toFile());
    assertThat(saved.get("texts").get(0).asText()).contains("password=[redacted]").doesNotContain("hunter2");
    assertThat(saved.get("turns").get(1).get("answer").isNull()).isTrue();
    CliRun replay = CliRun.run("diagnose", "--format", "json", "--transcript", transcript.toString());
    assertThat(replay.exitCode()).isZero();
    JsonNode report = json.readTree(replay.out());
    assertThat(report.get("causes")).isEqualTo(saved.get("report").get("causes"));
    assertThat(report.get("causes").get(0).get("id").asText()).isEqualTo("app-registration-not-propagated");
  }

  @Test
  void errorTextFromStandardInputIsReadOnceAndKeptInTheTranscript(@TempDir Path dir) throws IOException {
    Path answers = dir.resolve("a.yaml");
    Files.writeString(answers, "app-registration-exists: \"no\"\n");
    Path transcript = dir.resolve("t.json");
    CliRun r = CliRun.withStdin(AADSTS700016, "guide", "--as-of", "2026-06-01", "--error-file", "-",
        "--answers", answers.toString(), "--transcript", transcript.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(new ObjectMapper().readTree(transcript.toFile()).get("texts").get(0).asText()).contains("AADSTS700016");
  }

  @Test
  void aNonInteractiveRunWithNoInputGuessesNothing() {
    CliRun r = CliRun.run("guide", "--as-of", "2026-06-01", "--error", AADSTS700016);
    assertThat(r.out()).contains("(end of input: the remaining questions stay unknown)");
    assertThat(r.out()).contains("1. The app registration no longer exists in Entra ID").contains("medium 0.50");
  }

  @Test
  void theRealCommandInATerminal(@TempDir Path dir) throws Exception {
    assumeTrue(new ProcessBuilder("tmux", "-V").start().waitFor() == 0, "tmux is installed by .ci/run");
    Path script = dir.resolve("run.sh");
    Files.writeString(script, "#!/bin/sh\njava -cp '" + System.getProperty("java.class.path")
        + "' dev.spdoctor.Main guide --as-of 2026-06-01 --error \"" + AADSTS700016 + "\""
        + " > /dev/tty 2>&1; echo EXIT=$? > '" + dir.resolve("exit") + "'\n", StandardCharsets.UTF_8);
    script.toFile().setExecutable(true);
    String session = "spdoctor-test-" + ProcessHandle.current().pid();
    run("tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "50", "sh " + script + "; sleep 30");
    try {
      String screen = waitFor(session, "Question 1:");
      assertThat(screen).contains("Does the app registration still exist");
      run("tmux", "send-keys", "-t", session, "no", "Enter");
      screen = waitFor(session, "What to do, in order");
      assertThat(screen).contains("One cause is established.");
      // the shell creates the file before it writes to it: wait for the line, not for the file
      for (int i = 0; i < 100 && !(Files.exists(dir.resolve("exit")) && Files.size(dir.resolve("exit")) > 0); i++) {
        Thread.sleep(100);
      }
      assertThat(Files.readString(dir.resolve("exit")).strip()).isEqualTo("EXIT=0");
    } finally {
      new ProcessBuilder("tmux", "kill-session", "-t", session).start().waitFor();
    }
  }

  private static String waitFor(String session, String text) throws Exception {
    String screen = "";
    for (int i = 0; i < 100; i++) {
      Process p = new ProcessBuilder("tmux", "capture-pane", "-p", "-t", session, "-S", "-").start();
      screen = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(5, TimeUnit.SECONDS);
      if (screen.contains(text)) {
        return screen;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("never saw \"" + text + "\" on the screen:\n" + screen);
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(List.of(command)).inheritIO().start();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
  }
}
