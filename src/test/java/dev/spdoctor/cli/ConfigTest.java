package dev.spdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.profile.UserConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration file: defaults for format, colour, client and profile, read strictly; the command line wins. */
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

  private static final String PNP_700016 = "Connect-PnPOnline : AADSTS700016: Application with identifier"
      + " '0b6a4b23-9c1e-4f7d-8a25-3e6d1f9c7b40' was not found in the directory 'contoso.onmicrosoft.com'.";

  @Test
  void itsClientWordsTheStepsUnlessTheCommandLineOrTheProfileSaysOtherwise() throws IOException {
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, "client: cli-m365\n");
    String text = "AADSTS700016: Application with identifier '0b6a4b23-9c1e-4f7d-8a25-3e6d1f9c7b40' was not found"
        + " in the directory 'contoso.onmicrosoft.com'.";
    CliRun r = CliRun.run("diagnose", "--config", config.toString(), "--format", "json", "--error", text);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"client\" : {\n    \"id\" : \"cli-m365\"").contains("the configuration file says so");
    // A default: it also wins over what the text points at, as --client does, but --client and --answer win over it.
    CliRun recognised = CliRun.run("diagnose", "--config", config.toString(), "--format", "json", "--error", PNP_700016);
    assertThat(recognised.out()).contains("\"client\" : {\n    \"id\" : \"cli-m365\"");
    CliRun option = CliRun.run("diagnose", "--config", config.toString(), "--client", "pnp-powershell", "--format",
        "json", "--error", text);
    assertThat(option.exitCode()).as(option.err()).isZero();
    assertThat(option.out()).contains("\"client\" : {\n    \"id\" : \"pnp-powershell\"");
    CliRun answer = CliRun.run("diagnose", "--config", config.toString(), "--answer", "client=msal-python",
        "--format", "json", "--error", text);
    assertThat(answer.exitCode()).as(answer.err()).isZero();
    assertThat(answer.out()).contains("\"client\" : {\n    \"id\" : \"msal-python\"");
    // The profile's client: wins over the configuration file's.
    Path profile = dir.resolve("contoso.yaml");
    Files.writeString(profile, Files.readString(Path.of("fixtures/profiles/contoso-online.yaml"))
        + "\nclient: spo-management-shell\n");
    CliRun withProfile = CliRun.run("diagnose", "--config", config.toString(), "--profile", profile.toString(),
        "--format", "json", "--error", text);
    assertThat(withProfile.exitCode()).as(withProfile.err()).isZero();
    assertThat(withProfile.out()).contains("\"client\" : {\n    \"id\" : \"spo-management-shell\"");
  }

  @Test
  void anUnknownClientIsAProblemWithItsLineAndTheNearestId() throws IOException {
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, "format: json\nclient: pnp-powershel\n");
    CliRun r = CliRun.run("--config", config.toString(), "diagnose", "--error", TENANT);
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains(config + ":2:9").contains("'client' cannot be 'pnp-powershel'")
        .contains("did you mean 'pnp-powershell'").contains("cli-m365").doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();
    Files.writeString(config, "client: [wizard]\n");
    CliRun list = CliRun.run("--config", config.toString(), "diagnose", "--error", TENANT);
    assertThat(list.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(list.err()).contains(config + ":1:9").contains("'client' needs a value");
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
    assertThat(UserConfig.load(dir.resolve("absent.yaml"), false, java.util.List::of)).isEqualTo(UserConfig.NONE);
  }
}
