package dev.spdoctor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spdoctor.engine.Engine;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchRunnerTest {
  @Test
  void oneOutputLinePerInputLineInOrderWithErrorsInPlace() throws Exception {
    String input = String.join("\n",
        "{\"id\": \"T-1\", \"text\": \"ClientId is not a Guid.\"}",
        "this is not json",
        "{\"id\": \"T-3\", \"text\": \"all fine\"}",
        "{\"id\": \"T-4\", \"text\": \"Failed to connect to SharePoint using account 'a@b.com'. Make sure that you have"
            + " entered the account credentials and server URLs correctly.\", \"deployment\": \"onprem\"}",
        "{\"id\": \"T-5\", \"text\": \"x\", \"answers\": {\"nope\": \"1\"}}",
        "{\"id\": \"T-6\"}",
        "{\"id\": null, \"text\": \"caf\u00c3\u0028\"}");
    StringWriter out = new StringWriter();
    BatchRunner.Totals totals = new BatchRunner(Engine.bundled(), LocalDate.of(2026, 6, 1))
        .run(new BufferedReader(new StringReader(input)), new PrintWriter(out));
    // The test reader hands each char over as one byte (ISO-8859-1), as BatchRunner.bytesAsLatin1 does:
    // "\u00c3\u0028" is the byte pair C3 28, which is not UTF-8.
    assertThat(totals.lines()).isEqualTo(7);
    assertThat(totals.diagnosed()).isEqualTo(3);
    assertThat(totals.failed()).isEqualTo(4);
    assertThat(totals.firstFailure()).startsWith("line 2: not a JSON object");
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    for (String l : out.toString().split("\n")) {
      lines.add(json.readTree(l));
    }
    assertThat(lines).hasSize(7);
    assertThat(lines.get(6).get("id").isNull()).isTrue();
    assertThat(lines.get(6).get("error").asText()).contains("not valid UTF-8");
    assertThat(lines.get(0).get("causes").get(0).get("id").asText()).isEqualTo("client-id-not-guid");
    assertThat(lines.get(1).get("error").asText()).startsWith("not a JSON object");
    assertThat(lines.get(1).get("line").asInt()).isEqualTo(2);
    assertThat(lines.get(2).get("causes")).isEmpty();
    assertThat(lines.get(3).get("causes").get(0).get("id").asText()).isEqualTo("onprem-connection-details-wrong");
    assertThat(lines.get(4).get("error").asText()).contains("unknown fact 'nope'");
    assertThat(lines.get(5).get("id").asText()).isEqualTo("T-6");
    assertThat(lines.get(5).get("error").asText()).contains("\"text\" is missing");
  }

  @Test
  void aTextOverTheParsersOwnLimitIsRefusedWithTheLimitAndHowToSplit() throws Exception {
    // 21 million characters: over Jackson's default string limit (20 million), under the line limit
    String input = "{\"id\": \"T-1\", \"text\": \"" + "x".repeat(21_000_000) + "\"}";
    StringWriter out = new StringWriter();
    BatchRunner.Totals totals = new BatchRunner(Engine.bundled(), LocalDate.of(2026, 6, 1))
        .run(new BufferedReader(new StringReader(input)), new PrintWriter(out));
    JsonNode line = new ObjectMapper().readTree(out.toString());
    assertThat(line.get("id").asText()).isEqualTo("T-1");
    assertThat(line.get("error").asText()).startsWith("\"text\" is 21,000,000 characters long")
        .contains("at most 5,242,880 characters").contains("split the text over several lines");
    assertThat(totals.firstFailure()).startsWith("line 1: \"text\" is 21,000,000 characters long");
  }
}
