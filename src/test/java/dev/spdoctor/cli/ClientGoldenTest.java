package dev.spdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One paste from each of nine clients (src/test/resources/clients/CLIENT.txt): the client is recognised from
 * the text, and the report (src/test/resources/golden/client-CLIENT.txt) words its steps for it.
 */
class ClientGoldenTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"wizard", "pnp-powershell", "spo-management-shell", "cli-m365", "msal-dotnet", "msal-python",
      "office365-rest-python", "graph-sdk", "browser"})
  void eachClientGetsStepsInItsOwnWords(String client) throws IOException {
    CliRun r = CliRun.run("diagnose", "--as-of", "2026-12-02", "--color", "never", "--error-file",
        "src/test/resources/clients/" + client + ".txt");
    assertThat(r.exitCode()).as(r.err()).isZero();
    String flat = r.out().replaceAll("\\s+", " ");
    assertThat(flat).contains("(" + client + "): the text holds");
    assertThat(flat).contains("worded for " + client);
    Path golden = Path.of("src/test/resources/golden", "client-" + client + ".txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, r.out(), StandardCharsets.UTF_8);
    }
    assertThat(r.out()).as("golden " + golden + " (regenerate with -Dgolden.update=true and review the diff)")
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
