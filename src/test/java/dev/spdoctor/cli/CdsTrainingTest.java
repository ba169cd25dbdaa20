package dev.spdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The start-up archive is made by the build (CdsTraining) for ./spdoctor, and the same way by bin/spdoctor. */
class CdsTrainingTest {
  @Test
  void theFeatureReleaseIsReadFromEveryVersionShape() {
    assertThat(CdsTraining.major("17.0.15")).isEqualTo(17);
    assertThat(CdsTraining.major("25")).isEqualTo(25);
    assertThat(CdsTraining.major("25.0.3+9-LTS")).isEqualTo(25);
    assertThat(CdsTraining.major("1.8.0_402")).isEqualTo(8);
    assertThat(CdsTraining.major("")).isZero();
  }

  @Test
  void theJavaVersionComesFromTheRunningJavasReleaseFile() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    assertThat(CdsTraining.major(CdsTraining.javaVersion(java))).isEqualTo(Runtime.version().feature());
    assertThat(CdsTraining.key(java, "17.0.15")).isEqualTo(java.toRealPath() + "|17.0.15");
  }

  @Test
  void theRepositoryLauncherMakesNoArchiveItselfAndTellsTheBuildItsJava() throws IOException {
    String launcher = Files.readString(Path.of("spdoctor"), StandardCharsets.UTF_8);
    assertThat(launcher).doesNotContain("-XX:ArchiveClassesAtExit").doesNotContain("-XX:AOTCacheOutput")
        .contains("-Dspdoctor.java=\"$JAVA\"").contains("exec:java@cds-training");
    // The archive holds the jar's time: a launcher that re-dated the jar after the build would void it.
    assertThat(launcher.lines().filter(l -> l.contains("touch") && l.contains("\"$JAR\"") && !l.contains("touch -r \"$JAR\"")))
        .isEmpty();
    assertThat(Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8)).contains("<id>cds-training</id>")
        .contains("dev.spdoctor.cli.CdsTraining");
  }

  @Test
  void theArchiveLauncherTrainsOnTheSameDiagnosis() throws IOException {
    String launcher = Files.readString(Path.of("src/dist/bin/spdoctor"), StandardCharsets.UTF_8);
    assertThat(launcher).contains("diagnose --as-of 2026-06-01 \\\n    --error \"" + CdsTraining.TRAINING_TEXT + "\"");
  }
}
