package dev.spdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** licenses/THIRD-PARTY.md: every bundled library with the licence its POM (or its parent's) declares. */
class ThirdPartyLicencesTest {
  @TempDir Path repo;

  @Test
  void theDependencyListIsReadWithClassifiersAndModuleNotes() {
    List<ThirdPartyLicences.Library> libs = ThirdPartyLicences.libraries(List.of(
        "The following files have been resolved:",
        "   com.google.guava:guava:jar:33.5.0-jre:compile -- module com.google.common",
        "   org.example:native:jar:linux-x64:1.2:runtime",
        "   org.junit.jupiter:junit-jupiter:jar:5.11.4:test"));
    assertThat(libs).containsExactly(
        new ThirdPartyLicences.Library("com.google.guava", "guava", null, "33.5.0-jre"),
        new ThirdPartyLicences.Library("org.example", "native", "linux-x64", "1.2"));
    assertThat(libs.get(0).folder()).isEqualTo("guava-33.5.0-jre-jar");
  }

  @Test
  void aLibraryWithoutLicencesTakesItsParentsAndAMissingPomIsNone() throws IOException {
    pom("org.example", "parent", "1", "<licenses><license><name>BSD-3-Clause</name>"
        + "<url>https://example.org/bsd</url></license></licenses>");
    pom("org.example", "child", "2", "<parent><groupId>org.example</groupId><artifactId>parent</artifactId>"
        + "<version>1</version></parent>");
    assertThat(ThirdPartyLicences.licences(repo, "org.example", "child", "2", 0))
        .containsExactly(new ThirdPartyLicences.Licence("BSD-3-Clause", "https://example.org/bsd"));
    assertThat(ThirdPartyLicences.licences(repo, "org.example", "absent", "1", 0)).isEmpty();
  }

  @Test
  void apacheTwoIsRecognisedByNameOrAddress() {
    assertThat(ThirdPartyLicences.isApache2(new ThirdPartyLicences.Licence("The Apache Software License, Version 2.0",
        null))).isTrue();
    assertThat(ThirdPartyLicences.isApache2(new ThirdPartyLicences.Licence("Apache-2.0",
        "https://www.apache.org/licenses/LICENSE-2.0.txt"))).isTrue();
    assertThat(ThirdPartyLicences.isApache2(new ThirdPartyLicences.Licence("MIT License", null))).isFalse();
  }

  private void pom(String group, String artifact, String version, String body) throws IOException {
    Path dir = Files.createDirectories(repo.resolve(group.replace('.', '/')).resolve(artifact).resolve(version));
    Files.writeString(dir.resolve(artifact + "-" + version + ".pom"), "<?xml version=\"1.0\"?>\n<project>"
        + "<groupId>" + group + "</groupId><artifactId>" + artifact + "</artifactId><version>" + version + "</version>"
        + body + "</project>\n");
  }
}
