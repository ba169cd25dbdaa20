package dev.spdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.profile.UserConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration file: defaults for format, colour and profile, read strictly; the command line wins. */
class ConfigTest {
  private static final String TENANT = "Tenant 'contoso.onmicrosoft.con' not found.";

  @TempDir Path dir;

  @Test
  void itsFormatIsTheDefaultAndTheCommandLineWins() throws IOException {
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, "# my defaults\nformat: json\ncolor: never\n");
    CliRun json = CliRun.run("--config", config.toString(), "diagnose", "--error", TENANT);
    assertThat(json.exitCode()).as(json.err()).isZero();
    assertThat(json.out()).startsWith("{");
    CliRun text = CliRun.run("diagnose", "--config", config.toString(), "--format", "text", "--error", TENANT);
    assertThat(text.out()).startsWith("Causes, most likely first");
  }

  @Test
  void itsProfileIsWhatProbeUsesWhenNoneIsGiven() throws IOException {
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, "profile: profiles/contoso.yaml\n");
    Files.createDirectories(dir.resolve("profiles"));
    Files.copy(Path.of("fixtures/profiles/contoso-online.yaml"), dir.resolve("profiles/contoso.yaml"));
    CliRun plan = CliRun.run("probe", "--config", config.toString(), "--dry-run");
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out()).contains("nothing was sent");
    // diagnose of pasted text does not pull the profile in.
    CliRun diagnose = CliRun.run("diagnose", "--config", config.toString(), "--error", TENANT);
    assertThat(diagnose.out()).doesNotContain("Probes");
  }

  @Test
  void anUnknownKeyOrValueIsAProblemWithItsLine() throws IOException {
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, "format: json\nfromat: text\ncolor: purple\n");
    CliRun r = CliRun.run("--config", config.toString(), "diagnose", "--error", TENANT);
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains(config + ":2:1").contains("unknown key 'fromat'").contains("did you mean 'format'")
        .contains(config + ":3:8").contains("'color' cannot be 'purple'").doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();
    CliRun missing = CliRun.run("--config", dir.resolve("nope.yaml").toString(), "diagnose", "--error", TENANT);
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(missing.err()).contains("does not exist");
  }

  @Test
  void itLivesWhereTheSystemKeepsSettings() {
    assertThat(UserConfig.defaultLocation(Map.of("XDG_CONFIG_HOME", "/x/cfg"), "Linux", "/home/a"))
        .isEqualTo(Path.of("/x/cfg/spdoctor/config.yaml"));
    assertThat(UserConfig.defaultLocation(Map.of(), "Linux", "/home/a"))
        .isEqualTo(Path.of("/home/a/.config/spdoctor/config.yaml"));
    assertThat(UserConfig.defaultLocation(Map.of("APPDATA", "/appdata"), "Windows 11", "/home/a"))
        .isEqualTo(Path.of("/appdata", "spdoctor", "config.yaml"));
    assertThat(UserConfig.load(dir.resolve("absent.yaml"), false)).isEqualTo(UserConfig.NONE);
  }
}
