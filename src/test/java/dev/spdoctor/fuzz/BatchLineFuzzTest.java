package dev.spdoctor.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spdoctor.batch.BatchRunner;
import dev.spdoctor.engine.Engine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/** Fuzzes batch input: every non-blank line gets one JSON object out, a result or an error, and nothing escapes. */
public class BatchLineFuzzTest {
  private static final BatchRunner RUNNER = new BatchRunner(Engine.bundled(), LocalDate.of(2026, 6, 1));
  private static final ObjectMapper JSON = new ObjectMapper();

  @FuzzTest(maxDuration = "10m")
  void fuzz(byte[] data) {
    fuzzerTestOneInput(data);
  }

  /** The target, also for the standalone Jazzer driver (bench/fuzz.sh). */
  public static void fuzzerTestOneInput(byte[] data) {
    StringWriter out = new StringWriter();
    BatchRunner.Totals totals;
    try {
      totals = RUNNER.run(BatchRunner.bytesAsLatin1(new ByteArrayInputStream(data)), new PrintWriter(out));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int objects = 0;
    for (String line : out.toString().split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      try {
        JsonNode n = JSON.readTree(line);
        if (n.has("error")) {
          FuzzChecks.printable(n.get("error").asText(), data);
        }
      } catch (IOException e) {
        throw new AssertionError("a batch output line is not JSON: " + line, e);
      }
      objects++;
    }
    if (objects != totals.diagnosed() + totals.failed()) {
      throw new AssertionError(objects + " lines out for " + totals);
    }
  }
}
