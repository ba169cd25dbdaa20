package dev.spdoctor.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.spdoctor.engine.DiagnosisRequest;
import dev.spdoctor.engine.Engine;
import dev.spdoctor.engine.MentionExtractor;
import dev.spdoctor.input.InputException;
import dev.spdoctor.input.TextInput;
import dev.spdoctor.text.Redactor;
import dev.spdoctor.text.TextNormalizer;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Fuzzes reading a paste (decoding), normalisation, redaction, mentions and signature matching. */
public class TextFuzzTest {
  private static final Engine ENGINE = Engine.bundled();

  @FuzzTest(maxDuration = "10m")
  void fuzz(byte[] data) {
    fuzzerTestOneInput(data);
  }

  /** The target, also for the standalone Jazzer driver (bench/fuzz.sh). */
  public static void fuzzerTestOneInput(byte[] data) {
    String text;
    try {
      text = TextInput.read("-", new ByteArrayInputStream(data), w -> FuzzChecks.printable(w, data));
    } catch (InputException e) {
      FuzzChecks.printable(e.getMessage(), data);
      return;
    }
    String normal = TextNormalizer.normalize(text);
    String redacted = Redactor.redact(text);
    if (!Redactor.redact(redacted).equals(redacted)) {
      throw new AssertionError("redaction is not stable");
    }
    MentionExtractor.extract(normal);
    ENGINE.diagnose(new DiagnosisRequest(List.of(text), Map.of(), LocalDate.of(2026, 6, 1)));
  }
}
