package dev.spdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckedStreamsTest {
  @TempDir Path dir;

  /** Standard output on a full disk: every write fails; counts the attempts. */
  static final class Broken extends Writer {
    int writes;

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
      writes++;
      throw new IOException("No space left on device");
    }

    @Override
    public void flush() throws IOException {
      throw new IOException("No space left on device");
    }

    @Override
    public void close() {}
  }

  @Test
  void aReportThatCannotBeWrittenIsExit74NotSuccess() {
    StringWriter err = new StringWriter();
    int code = CheckedStreams.execute(Cli.commandLine(new ByteArrayInputStream(new byte[0])), new Broken(), err,
        "diagnose", "--error", "AADSTS700016: Application with identifier 'x' was not found in the directory 'y'.");
    assertThat(code).isEqualTo(ExitCodes.OUTPUT_FAILED);
    assertThat(err.toString()).contains("spdoctor: ").contains("standard output").doesNotContain("Exception");
  }

  @Test
  void aBatchStopsAtTheFirstResultItCouldNotWrite() throws Exception {
    String line = "{\"id\":\"1\",\"text\":\"AADSTS700016: Application with identifier 'x' was not found.\"}\n";
    Path batch = dir.resolve("big.jsonl");
    Files.writeString(batch, line.repeat(50), StandardCharsets.UTF_8);
    Broken out = new Broken();
    StringWriter err = new StringWriter();
    int code = CheckedStreams.execute(Cli.commandLine(new ByteArrayInputStream(new byte[0])), out, err,
        "diagnose", "--batch", batch.toString());
    assertThat(code).isEqualTo(ExitCodes.OUTPUT_FAILED);
    assertThat(err.toString()).doesNotContain("50 diagnosed").doesNotContain("Exception");
    assertThat(out.writes).isLessThan(10);
  }

  @Test
  void escapesFromAPasteNeverReachTheTerminalRaw() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CheckedStreams.execute(Cli.commandLine(new ByteArrayInputStream(new byte[0])), out, err,
        "diagnose", "--color", "never", "--error", "AADSTS700016: Application \u001b[2J\u001b]0;owned\u0007 not found");
    assertThat(out.toString() + err).doesNotContain("\u001b[2J").doesNotContain("\u001b]0;").doesNotContain("\u0007");
  }
}
