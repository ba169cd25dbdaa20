package dev.spdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnoseCommandTest {
  static final String AADSTS700016 = "AADSTS700016: Application with identifier"
      + " 'd2f4e6a8-1b3c-4d5e-9f70-81a2b3c4d5e6' was not found in the directory 'contoso.onmicrosoft.com'.";
  static final String FAILED_TO_CONNECT = "Failed to connect to SharePoint using account 'CONTOSO\\spadmin'."
      + " Make sure you have entered the account credentials and server URLs correctly.";

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void namesTheArticleCausesFirstAndExitsZero() {
    CliRun r = CliRun.run("diagnose", "--as-of", "2026-06-01", "--error", AADSTS700016);
    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("1. The app registration no longer exists in Entra ID");
  }

  @Test
  void textReportMatchesGoldenOutput() throws IOException {
    assertGolden("aadsts700016.txt", CliRun.run("diagnose", "--as-of", "2026-06-01", "--color", "never",
        "--error", AADSTS700016));
    assertGolden("onprem-failed-to-connect.txt", CliRun.run("diagnose", "--as-of", "2026-06-01",
        "--color", "never", "--error", FAILED_TO_CONNECT));
    assertGolden("nothing-recognised.txt", CliRun.run("diagnose", "--color", "never",
        "--error", "java.lang.NullPointerException at com.example.Foo.bar(Foo.java:12)"));
    // A profile, offline: its checks, the example certificate (healthy), the probes not collected.
    assertGolden("profile-offline.txt", CliRun.run("diagnose", "--as-of", "2026-06-01", "--color", "never",
        "--profile", "fixtures/profiles/contoso-online.yaml"));
  }

  @Test
  void textReportFitsEightyColumns() {
    CliRun r = CliRun.run("diagnose", "--as-of", "2026-06-01", "--color", "never", "--error", AADSTS700016,
        "--error", FAILED_TO_CONNECT);
    assertThat(r.out().lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
  }

  @Test
  void colourOnlyWhenAskedForOrOnATerminal() {
    assertThat(CliRun.run("diagnose", "--error", AADSTS700016).out()).doesNotContain("\u001b[");
    assertThat(CliRun.run("diagnose", "--color", "always", "--error", AADSTS700016).out()).contains("\u001b[1m");
  }

  @Test
  void jsonReportParsesAndCarriesRankedCausesStepsAndQuestions() throws IOException {
    CliRun r = CliRun.run("diagnose", "--as-of", "2026-06-01", "--format", "json", "--error", AADSTS700016);
    assertThat(r.exitCode()).isZero();
    JsonNode report = json.readTree(r.out());
    assertThat(report.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(report.get("asOf").asText()).isEqualTo("2026-06-01");
    List<String> causes = new ArrayList<>();
    report.get("causes").forEach(c -> causes.add(c.get("id").asText()));
    assertThat(causes).containsExactly("app-registration-deleted", "wrong-client-or-tenant-id",
        "app-registration-not-propagated", "app-not-provisioned-in-tenant");
    JsonNode first = report.get("causes").get(0);
    assertThat(first.get("confidence").asDouble()).isEqualTo(0.5);
    assertThat(first.get("evidence").get(0).get("match").get("captures").get("clientId").asText())
        .isEqualTo("d2f4e6a8-1b3c-4d5e-9f70-81a2b3c4d5e6");
    assertThat(report.get("steps").get(0).get("id").asText()).isEqualTo("register-app-again");
    assertThat(report.get("openQuestions").get(0).get("id").asText()).isEqualTo("app-registration-exists");
    assertThat(report.has("trace")).isFalse();
  }

  @Test
  void explainAddsTheRulesThatFired() throws IOException {
    JsonNode report = json.readTree(CliRun.run("diagnose", "--format", "json", "--explain",
        "--as-of", "2026-06-01", "--error", AADSTS700016).out());
    List<String> rules = new ArrayList<>();
    report.get("trace").forEach(t -> rules.add(t.get("rule").asText()));
    assertThat(rules).contains("aadsts700016-deleted", "deployment-from-aadsts");
    assertThat(CliRun.run("diagnose", "--explain", "--error", AADSTS700016).out())
        .contains("Reasoning trace");
  }

  @Test
  void markdownReportHasACauseTableAndNumberedSteps() {
    String md = CliRun.run("diagnose", "--format", "markdown", "--as-of", "2026-06-01", "--error", AADSTS700016).out();
    assertThat(md).contains("| 1 | The app registration no longer exists in Entra ID | medium (0.50) |");
    // The plan: first the checks that tell the three causes apart, then each cause's steps under its heading.
    assertThat(md).contains("#### First, the checks that tell the causes apart");
    assertThat(md).contains("\n1. **Check:** Search Entra ID > App registrations");
    assertThat(md).containsPattern("#### If it is: The app registration no longer exists in Entra ID \\(medium 0.50\\)\n\n"
        + "\\d+\\. Register the application again");
    // The same order as the text report: still unknown before identifiers, allowed values and causes shown.
    assertThat(md.indexOf("### What to do")).isLessThan(md.indexOf("### Identifiers"));
  }

  @Test
  void anAnswerChangesTheRanking() throws IOException {
    JsonNode report = json.readTree(CliRun.run("diagnose", "--format", "json", "--as-of", "2026-06-01",
        "--answer", "app-registration-exists=yes", "--answer", "registered-recently=yes",
        "--error", AADSTS700016).out());
    assertThat(report.get("causes").get(0).get("id").asText()).isEqualTo("app-registration-not-propagated");
    assertThat(report.get("ruledOut").get(0).get("cause").asText()).isEqualTo("app-registration-deleted");
  }

  @Test
  void deploymentOptionDecidesASharedMessage() throws IOException {
    String shared = "Failed to connect to SharePoint using account 'admin@contoso.com'. Make sure that you have"
        + " entered the account credentials and server URLs correctly.";
    JsonNode online = json.readTree(CliRun.run("diagnose", "--format", "json", "--as-of", "2026-06-01",
        "--deployment", "online", "--error", shared).out());
    JsonNode onprem = json.readTree(CliRun.run("diagnose", "--format", "json", "--as-of", "2026-06-01",
        "--deployment", "onprem", "--error", shared).out());
    assertThat(online.get("causes")).hasSize(1);
    assertThat(online.get("causes").get(0).get("id").asText()).isEqualTo("legacy-auth-retired");
    assertThat(onprem.get("causes")).hasSize(1);
    assertThat(onprem.get("causes").get(0).get("id").asText()).isEqualTo("onprem-connection-details-wrong");
  }

  @Test
  void asOfBeforeTheRetirementRulesOutRetiredLegacyAuth() throws IOException {
    JsonNode report = json.readTree(CliRun.run("diagnose", "--format", "json", "--as-of", "2026-02-15",
        "--error", "Failed to connect to SharePoint by using legacy authentication.").out());
    assertThat(report.get("causes")).isEmpty();
    assertThat(report.get("ruledOut").get(0).get("cause").asText()).isEqualTo("legacy-auth-retired");
  }

  @Test
  void nothingRecognisedExitsOne() {
    CliRun r = CliRun.run("diagnose", "--error", "All good: connection configured.");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.NO_CAUSE);
    assertThat(r.out()).startsWith("No cause established.");
  }

  @Test
  void readsStandardInputAndFiles(@TempDir Path dir) throws IOException {
    assertThat(CliRun.withStdin(AADSTS700016, "diagnose", "--error-file", "-").exitCode()).isZero();
    Path file = dir.resolve("err.txt");
    Files.writeString(file, "\uFEFF" + FAILED_TO_CONNECT, StandardCharsets.UTF_8);
    assertThat(CliRun.run("diagnose", "--error-file", file.toString()).out())
        .contains("onprem-connection-details-wrong");
    Path utf16 = dir.resolve("powershell.txt");
    byte[] body = AADSTS700016.getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[body.length + 2];
    withBom[0] = (byte) 0xff;
    withBom[1] = (byte) 0xfe;
    System.arraycopy(body, 0, withBom, 2, body.length);
    Files.write(utf16, withBom);
    assertThat(CliRun.run("diagnose", "--error-file", utf16.toString()).exitCode()).isZero();
  }

  @Test
  void badInputGetsOneLineAndADocumentedExitCode(@TempDir Path dir) throws IOException {
    assertOneLineError(CliRun.run("diagnose", "--error", "   "), ExitCodes.BAD_INPUT, "is empty");
    assertOneLineError(CliRun.run("diagnose", "--error-file", dir.resolve("missing.txt").toString()),
        ExitCodes.BAD_INPUT, "no such file");
    assertOneLineError(CliRun.withStdin(new byte[] {'a', 0, 1, 2}, "diagnose", "--error-file", "-"),
        ExitCodes.BAD_INPUT, "looks binary");
    assertOneLineError(CliRun.withStdin(new byte[] {'a', (byte) 0xc3, (byte) 0x28}, "diagnose", "--error-file", "-"),
        ExitCodes.BAD_INPUT, "is not valid UTF-8");
    Path big = dir.resolve("big.log");
    Files.write(big, new byte[20 * 1024 * 1024]);
    assertOneLineError(CliRun.run("diagnose", "--error-file", big.toString()), ExitCodes.BAD_INPUT, "larger than 5 MiB");
    assertOneLineError(CliRun.run("diagnose", "--error-file", big.toString()), ExitCodes.BAD_INPUT,
        "spdoctor scan " + big);
    assertOneLineError(CliRun.run("diagnose", "--error-file", dir.toString()), ExitCodes.BAD_INPUT, "is a folder");
    assertOneLineError(CliRun.run("diagnose"), ExitCodes.USAGE, "no error text given");
    assertOneLineError(CliRun.run("diagnose", "--error", "x", "--answer", "colour=blue"), ExitCodes.USAGE,
        "unknown fact 'colour'");
    assertOneLineError(CliRun.run("diagnose", "--error", "x", "--answer", "clock-in-sync=maybe"), ExitCodes.USAGE,
        "takes yes or no");
    assertOneLineError(CliRun.run("diagnose", "--error", "x", "--as-of", "yesterday"), ExitCodes.USAGE, "--as-of");
  }

  @Test
  void unrecognisedTextsAreAppendedRedactedForAuthors(@TempDir Path dir) throws IOException {
    Path log = dir.resolve("unrecognised.jsonl");
    // A code the tables name but map to no cause: recognised, unexplained, logged for authors.
    String paste = "AADSTS50058: no signed-in session was found. password=hunter2";
    assertThat(CliRun.run("diagnose", "--unrecognised-out", log.toString(), "--error", paste).exitCode())
        .isEqualTo(ExitCodes.NO_CAUSE);
    assertThat(CliRun.run("diagnose", "--unrecognised-out", log.toString(), "--error", AADSTS700016).exitCode())
        .isZero();
    List<String> lines = Files.readAllLines(log);
    assertThat(lines).hasSize(1);
    JsonNode entry = json.readTree(lines.get(0));
    assertThat(entry.get("codes").get(0).asText()).isEqualTo("AADSTS50058");
    assertThat(entry.get("texts").get(0).asText()).contains("password=[redacted]").doesNotContain("hunter2");
  }

  @Test
  void recognisedButUnmappedCodeGetsItsNameAndLookup() {
    CliRun r = CliRun.run("diagnose", "--error", "AADSTS50034: The user account does not exist in the directory.");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.NO_CAUSE);
    assertThat(r.out()).contains("No cause established.")
        .contains("AADSTS50034 UserAccountNotFound")
        .contains("https://login.microsoftonline.com/error?code=50034");
  }

  @Test
  void unknownFormatIsAUsageErrorWithTheChoices() {
    CliRun r = CliRun.run("diagnose", "--format", "xml", "--error", AADSTS700016);
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("xml").contains("text, json, markdown").doesNotContain("\tat ");
  }

  @Test
  void stacktraceOptionShowsTheTrace() {
    CliRun r = CliRun.run("diagnose", "--stacktrace", "--error-file", "/nonexistent/x.txt");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("\tat ");
  }

  @Test
  void helpAndVersionWork() {
    CliRun help = CliRun.run("diagnose", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("--batch").contains("Examples:").contains("Exit codes:");
    CliRun version = CliRun.run("--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("spdoctor ");
  }

  private static void assertOneLineError(CliRun r, int code, String fragment) {
    assertThat(r.exitCode()).as(r.err()).isEqualTo(code);
    assertThat(r.err()).contains(fragment).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(r.err().strip().lines().filter(l -> l.startsWith("spdoctor:")).count()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
  }

  private static void assertGolden(String name, CliRun r) throws IOException {
    Path golden = Path.of("src/test/resources/golden", name);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, r.out(), StandardCharsets.UTF_8);
    }
    assertThat(r.out()).as("golden " + golden + " (regenerate with -Dgolden.update=true and review the diff)")
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
