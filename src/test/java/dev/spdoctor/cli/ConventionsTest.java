package dev.spdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line conventions people expect: piped input, {@code -}, {@code help}, grouped help, the exit-code table. */
class ConventionsTest {
  private static final String AADSTS700016 = "AADSTS700016: Application with identifier"
      + " 'd2f4e6a8-1b3c-4d5e-9f70-81a2b3c4d5e6' was not found in the directory 'contoso.onmicrosoft.com'.";

  @Test
  void pipedStandardInputIsTheTextWhenNoTextOptionIsGiven() {
    CliRun r = CliRun.withStdin(AADSTS700016 + "\n", "diagnose", "--as-of", "2026-06-01");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("app-registration-deleted");
  }

  @Test
  void anEmptyPipeIsNoText() {
    CliRun r = CliRun.withStdin("", "diagnose");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("no error text given").contains("pipe the text in");
  }

  @Test
  void aTranscriptCanComeFromStandardInput(@TempDir Path dir) throws IOException {
    Path t = dir.resolve("s.json");
    CliRun guide = CliRun.withStdin("no\n", "guide", "--as-of", "2026-06-01", "--error", AADSTS700016,
        "--transcript", t.toString());
    assertThat(guide.exitCode()).as(guide.err()).isZero();
    CliRun replay = CliRun.withStdin(Files.readString(t), "diagnose", "--transcript", "-");
    assertThat(replay.exitCode()).as(replay.err()).isZero();
    assertThat(replay.out()).contains("app-registration-deleted");
  }

  @Test
  void aProfileCanComeFromStandardInput(@TempDir Path dir) throws IOException {
    String profile = "deployment: online\nsharepoint:\n  url: https://contoso.sharepoint.com\nregistration: manual\n"
        + "client-id: d2f4e6a8-1b3c-4d5e-9f70-81a2b3c4d5e6\ntenant-id: contoso.onmicrosoft.com\n";
    CliRun plan = CliRun.withStdin(profile, "probe", "--profile", "-", "--dry-run");
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out()).contains("login.microsoftonline.com").contains("nothing was sent");
    CliRun diagnose = CliRun.withStdin(profile, "diagnose", "--as-of", "2026-06-01", "--profile", "-",
        "--error", AADSTS700016);
    assertThat(diagnose.exitCode()).as(diagnose.err()).isZero();
    assertThat(diagnose.out()).contains("app-registration-deleted").contains("Probes");
    CliRun bad = CliRun.withStdin("deployment: online\nsharepoint:\n  urll: https://contoso.sharepoint.com\n",
        "probe", "--profile", "-", "--offline");
    assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(bad.err()).contains("standard input:3:").contains("url");
    Path err = dir.resolve("err.txt");
    Files.writeString(err, AADSTS700016);
    CliRun both = CliRun.withStdin(profile, "diagnose", "--profile", "-", "--error-file", "-");
    assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(both.err()).contains("read only once");
    CliRun guide = CliRun.withStdin(profile, "guide", "--profile", "-", "--error-file", err.toString());
    assertThat(guide.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(guide.err()).contains("give the profile as a file");
  }

  @Test
  void helpNamesACommand() {
    CliRun r = CliRun.run("help", "diagnose");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Usage: spdoctor diagnose");
    CliRun top = CliRun.run("help");
    assertThat(top.exitCode()).isZero();
    assertThat(top.out()).contains("diagnose").contains("probe").contains("guide").contains("help");
  }

  @Test
  void helpGroupsOptionsByPurpose() {
    String help = CliRun.run("diagnose", "--help").out();
    List<String> headings = help.lines().filter(l -> l.matches("[A-Z][a-z ]+:")).toList();
    assertThat(headings).containsSubsequence("Input:", "Output:", "Profile and probes:", "Authoring:", "General:");
    assertThat(help.indexOf("\n      --error=TEXT")).isBetween(help.indexOf("Input:"), help.indexOf("Output:"));
    assertThat(help.indexOf("\n      --kb=DIR")).isBetween(help.indexOf("Authoring:"), help.indexOf("General:"));
    assertThat(help).contains("--quiet").contains(ExitCodes.footer("diagnose").substring(0, 30));
  }

  @Test
  void everyExitCodeIsInTheTable() throws IllegalAccessException {
    List<Integer> constants = new ArrayList<>();
    for (Field f : ExitCodes.class.getFields()) {
      if (f.getType() == int.class && Modifier.isStatic(f.getModifiers())) {
        constants.add(f.getInt(null));
        assertThat(ExitCodes.ALL).as(f.getName()).anyMatch(c -> c.name().equals(f.getName()) && c.value() == intOf(f));
      }
    }
    assertThat(ExitCodes.ALL).hasSize(constants.size());
  }

  @Test
  void theDocumentedTableIsTheGeneratedOne() throws IOException {
    String doc = Files.readString(Path.of("docs/cli.md"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("<!-- exit-codes: generated from ExitCodes\\.java[^>]*-->\\n(.*?)<!-- /exit-codes -->",
        Pattern.DOTALL).matcher(doc);
    assertThat(m.find()).as("docs/cli.md holds the generated exit-code table between its markers").isTrue();
    assertThat(m.group(1)).as("docs/cli.md's exit-code table; replace it with ExitCodes.markdownTable()")
        .isEqualTo(ExitCodes.markdownTable());
  }

  @Test
  void theEncodingHintSuitsTheSystem() {
    String os = System.getProperty("os.name");
    try {
      System.setProperty("os.name", "Windows 11");
      CliRun r = CliRun.withStdin(new byte[] {'a', (byte) 0xe9, 'b'}, "diagnose", "--error-file", "-");
      assertThat(r.err()).contains("Get-Content").doesNotContain("iconv");
      System.setProperty("os.name", "Linux");
      assertThat(CliRun.withStdin(new byte[] {'a', (byte) 0xe9, 'b'}, "diagnose", "--error-file", "-").err())
          .contains("iconv -f WINDOWS-1252");
    } finally {
      System.setProperty("os.name", os);
    }
  }

  @Test
  void shellQuotingKeepsAPathWhole() {
    assertThat(Shell.quote("contoso.yaml")).isEqualTo("contoso.yaml");
    String os = System.getProperty("os.name");
    try {
      System.setProperty("os.name", "Linux");
      assertThat(Shell.quote("my profiles/it's.yaml")).isEqualTo("'my profiles/it'\\''s.yaml'");
      System.setProperty("os.name", "Windows 11");
      assertThat(Shell.quote("C:\\My Profiles\\it's.yaml")).isEqualTo("'C:\\My Profiles\\it''s.yaml'");
    } finally {
      System.setProperty("os.name", os);
    }
  }

  private static int intOf(Field f) {
    try {
      return f.getInt(null);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }
}
