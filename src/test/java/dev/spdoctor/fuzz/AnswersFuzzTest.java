package dev.spdoctor.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.spdoctor.engine.Engine;
import dev.spdoctor.app.AnswersFile;
import dev.spdoctor.input.InputException;
import java.util.Set;

/** Fuzzes guide --answers files: any bytes give answers to known questions or one clear refusal. */
public class AnswersFuzzTest {
  private static final Set<String> KNOWN = Engine.bundled().knowledgeBase().questions().keySet();

  @FuzzTest(maxDuration = "10m")
  void fuzz(byte[] data) {
    fuzzerTestOneInput(data);
  }

  /** The target, also for the standalone Jazzer driver (bench/fuzz.sh). */
  public static void fuzzerTestOneInput(byte[] data) {
    try {
      var answers = AnswersFile.read(FuzzChecks.file(data, ".yaml"), KNOWN);
      if (!KNOWN.containsAll(answers.keySet())) {
        throw new AssertionError("an unknown key was accepted: " + answers.keySet());
      }
    } catch (InputException e) {
      FuzzChecks.printable(e.getMessage(), data);
    }
  }
}
