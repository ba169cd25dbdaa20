package dev.spdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spdoctor scan as a user runs it: reports, schema, exit codes. */
class ScanCommandTest {
  @Test
  void textReportSaysWhereThenDiagnoses() {
    CliRun r = CliRun.run("scan", "--as-of", "2026-06-01", "fixtures/scan/job.log");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).startsWith("Where in the log  (fixtures/scan/job.log: 15 lines")
        .contains("2 times, lines 3 to 12").contains("from 2026-06-01T02:00:01.506 to 2026-06-01T02:10:01.888")
        .contains("Causes, most likely first").doesNotContain("Sup3rS3cret");
    assertThat(r.err()).isEmpty(); // no progress off a terminal
  }

  @Test
  void jsonReportValidatesAgainstTheSchema(@TempDir Path dir) throws IOException {
    for (String[] args : new String[][] {
        {"scan", "--format", "json", "fixtures/scan/job.log", "fixtures/scan/uls.log"},
        {"scan", "--format", "json", "fixtures/scan/iis.log"},
        {"scan", "--format", "json", "--recursive", "fixtures/scan"}}) {
      CliRun r = CliRun.run(args);
      JsonNode out = new ObjectMapper().readTree(r.out());
      assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(SchemaLocation.of(Path.of("docs/report.schema.json").toAbsolutePath().toUri().toString()))
          .validate(out)).as(String.join(" ", args)).isEmpty();
      assertThat(out.get("scan").get("hits").isArray()).isTrue();
    }
  }

  @Test
  void markdownAndStandardInput() {
    CliRun r = CliRun.withStdin("Tenant 'contoso.onmicrosoft.con' not found.\n", "scan", "--format", "markdown", "-");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("### Where in the log").contains("| `tenant-not-found` |").contains("-:1");
  }

  @Test
  void refusals(@TempDir Path dir) throws IOException {
    assertThat(CliRun.run("scan", "no/such.log").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    CliRun folder = CliRun.run("scan", "fixtures/scan");
    assertThat(folder.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(folder.err()).contains("--recursive");
    Path bin = dir.resolve("a.bin");
    Files.write(bin, new byte[] {1, 0, 2});
    CliRun binary = CliRun.run("scan", bin.toString());
    assertThat(binary.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(binary.err()).contains("looks binary");
    assertThat(CliRun.run("scan").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.run("scan", "--threads", "0", "fixtures/scan/iis.log").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.run("scan", "fixtures/scan/iis.log").exitCode()).isEqualTo(ExitCodes.NO_CAUSE);
  }
}
