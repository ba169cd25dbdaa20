package dev.spdoctor.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.spdoctor.engine.DiagnosisRequest;
import dev.spdoctor.engine.Engine;
import dev.spdoctor.guide.Transcript;
import dev.spdoctor.io.Dates;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Fuzzes transcript replay: a transcript is refused with a message, or replays within every input rule. */
public class TranscriptFuzzTest {
  private static final Engine ENGINE = Engine.bundled();

  @FuzzTest(maxDuration = "10m")
  void fuzz(byte[] data) {
    fuzzerTestOneInput(data);
  }

  /** The target, also for the standalone Jazzer driver (bench/fuzz.sh). */
  public static void fuzzerTestOneInput(byte[] data) {
    Transcript t;
    try {
      t = Transcript.read(FuzzChecks.file(data, ".json"));
    } catch (IllegalArgumentException e) {
      FuzzChecks.printable(e.getMessage(), data);
      return;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (t.asOf().isBefore(Dates.EARLIEST) || t.asOf().isAfter(Dates.LATEST)) {
      throw new AssertionError("day out of range accepted: " + t.asOf());
    }
    if (t.texts().stream().anyMatch(x -> x.isBlank() || x.indexOf('\0') >= 0)) {
      throw new AssertionError("a text --error would refuse was accepted");
    }
    try {
      ENGINE.diagnose(new DiagnosisRequest(t.texts(), t.facts(), t.asOf(), t.probes()));
    } catch (IllegalArgumentException | dev.spdoctor.engine.AnswerException e) {
      FuzzChecks.printable(e.getMessage(), data); // an unknown fact or a bad answer: refused with a message
    }
  }
}
