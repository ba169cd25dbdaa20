package dev.spdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The four launchers (./spdoctor, and bin/spdoctor, .cmd and .ps1 of the release archive) run Java
 * with the same options: those of src/dist/jvm.options, written into the archive's launchers by
 * the build and read by ./spdoctor. None may state a JVM option of its own, except those that
 * only a launcher can know (its class-data-sharing archive).
 */
class LaunchersTest {
  private static final Path DIST = Path.of("src/dist");
  /** Options a launcher may add itself: where its archive is, and how it is made. */
  private static final Pattern OWN = Pattern.compile(
      "-XX:(?:AOTCache|AOTCacheOutput|SharedArchiveFile|ArchiveClassesAtExit|\\+AutoCreateSharedArchive"
          + "|\\+IgnoreUnrecognizedVMOptions)\\b");
  private static final Pattern JVM_OPTION = Pattern.compile("(?<![\\w-])-(?:X[A-Za-z]|XX:)[A-Za-z0-9:+=._-]*");

  @Test
  void everyArchiveLauncherGetsTheSharedOptionsInItsOwnSyntax() throws IOException {
    List<String> options = DistFiles.jvmOptions(DIST.resolve("jvm.options"));
    assertThat(options).contains("-XX:+UseSerialGC", "-Xlog:disable").doesNotContain("-Xmx160m");
    assertThat(DistFiles.jvmOptions(DIST.resolve("jvm.options"), "scan")).contains("-Xmx160m");
    for (String name : List.of("spdoctor", "spdoctor.cmd", "spdoctor.ps1")) {
      String template = Files.readString(DIST.resolve("bin").resolve(name), StandardCharsets.UTF_8);
      assertOnlyOwnOptions(name, template);
      assertThat(template).as(name).contains("@JVM_OPTIONS_SCAN@");
      String rendered = DistFiles.launcher(name, template, options, "9.9.9");
      assertThat(rendered).doesNotContain("@JVM_OPTIONS@").doesNotContain("@VERSION@").contains("9.9.9");
      String expected = name.endsWith(".ps1") ? "@('" + String.join("', '", options) + "')" : String.join(" ", options);
      assertThat(rendered).as(name).contains(expected);
    }
  }

  @Test
  void theRepositoryLauncherReadsTheSameFile() throws IOException {
    String launcher = Files.readString(Path.of("spdoctor"), StandardCharsets.UTF_8);
    assertThat(launcher).contains("src/dist/jvm.options");
    assertOnlyOwnOptions("./spdoctor", launcher);
  }

  @Test
  void theCmdLauncherHasWindowsLineEndingsAndPassesItsArgumentsAndExitCode() throws IOException {
    String template = Files.readString(DIST.resolve("bin/spdoctor.cmd"), StandardCharsets.UTF_8);
    String rendered = DistFiles.launcher("spdoctor.cmd", template, List.of("-Xlog:disable"), "1");
    assertThat(rendered.replace("\r\n", "")).doesNotContain("\n");
    assertThat(rendered).contains("-jar \"%APP_HOME%\\lib\\spdoctor.jar\" %*").contains("exit /b %SPDOCTOR_RC%")
        .contains("chcp 65001");
    String ps1 = Files.readString(DIST.resolve("bin/spdoctor.ps1"), StandardCharsets.UTF_8);
    assertThat(ps1).contains("$input | & $java @opts @passed").contains("exit $code").contains("UTF8Encoding");
  }

  @Test
  void aBadOptionLineIsRefused() {
    Path bad = Path.of("target/bad-jvm.options");
    try {
      Files.writeString(bad, "-Xmx1g\n-Dx=two words\n");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> DistFiles.jvmOptions(bad))
          .hasMessageContaining("not one plain JVM option");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void assertOnlyOwnOptions(String name, String text) {
    for (String line : text.lines().toList()) {
      if (line.strip().startsWith("#") || line.strip().startsWith("rem ")) {
        continue;
      }
      Matcher m = JVM_OPTION.matcher(line);
      while (m.find()) {
        assertThat(OWN.matcher(m.group()).lookingAt()).as(name + " states its own JVM option " + m.group() + " in: " + line)
            .isTrue();
      }
    }
  }
}
