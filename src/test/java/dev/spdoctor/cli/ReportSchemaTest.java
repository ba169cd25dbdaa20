package dev.spdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON report and batch lines validate against the documented schema, docs/report.schema.json. */
class ReportSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private static JsonSchema schema(String fragment) throws IOException {
    return FACTORY.getSchema(SchemaLocation.of(Path.of("docs/report.schema.json").toAbsolutePath().toUri() + fragment));
  }

  @Test
  void reportsOfEveryShapeValidate() throws IOException {
    JsonSchema report = schema("");
    String[][] runs = {
        {"diagnose", "--format", "json", "--as-of", "2026-06-01", "--error", DiagnoseCommandTest.AADSTS700016},
        {"diagnose", "--format", "json", "--explain", "--answer", "app-registration-exists=yes",
            "--error", DiagnoseCommandTest.AADSTS700016, "--error", DiagnoseCommandTest.FAILED_TO_CONNECT},
        {"diagnose", "--format", "json", "--as-of", "2026-04-01", "--error",
            "Failed to connect to SharePoint by using legacy authentication."},
        {"diagnose", "--format", "json", "--error", "nothing to see here"},
        {"diagnose", "--format", "json", "--profile", "fixtures/profiles/contoso-online.yaml"},
        {"diagnose", "--format", "json", "--profile", "fixtures/profiles/fabrikam-onprem.yaml", "--error",
            DiagnoseCommandTest.FAILED_TO_CONNECT},
    };
    for (String[] args : runs) {
      CliRun run = CliRun.run(args);
      assertThat(run.exitCode()).as(run.err()).isIn(ExitCodes.OK, ExitCodes.NO_CAUSE);
      JsonNode out = JSON.readTree(run.out());
      Set<ValidationMessage> problems = report.validate(out);
      assertThat(problems).as(String.join(" ", args)).isEmpty();
    }
  }

  @Test
  void batchLinesValidate(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("t.jsonl");
    Files.writeString(in, "{\"id\":\"a\",\"text\":\"ClientId is not a Guid.\"}\nbroken\n{\"id\":\"c\",\"text\":\"ok\"}\n");
    CliRun r = CliRun.run("diagnose", "--batch", in.toString());
    JsonSchema line = schema("#/$defs/batchLine");
    for (String l : r.out().split("\n")) {
      assertThat(line.validate(JSON.readTree(l))).as(l).isEmpty();
    }
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
  }

  @Test
  void aReportMissingARequiredFieldIsRejected() throws IOException {
    JsonNode out = JSON.readTree(CliRun.run("diagnose", "--format", "json", "--error", "x").out());
    ((com.fasterxml.jackson.databind.node.ObjectNode) out).remove("causes");
    assertThat(schema("").validate(out)).isNotEmpty();
  }
}
