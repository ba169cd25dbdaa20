package dev.spdoctor.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken knowledge bases produce one precise message each: file, line, column, and a fix. */
class KbLoaderTest {
  @TempDir Path tmp;
  Path kb;

  @BeforeEach
  void copyTheRealKnowledgeBase() throws IOException {
    kb = tmp.resolve("knowledge-base");
    Path from = Path.of("knowledge-base");
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
        Path to = kb.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  @Test
  void theRealKnowledgeBaseLoadsClean() {
    KnowledgeBase loaded = KbLoader.load(kb);
    assertThat(loaded.causes()).hasSizeGreaterThanOrEqualTo(23);
    assertThat(loaded.steps().get("spo-shell-enable-legacy-protocols").deprecated()).isTrue();
  }

  @Test
  void anUnknownKeyNamesFileLineAndTheKnownKeys() throws IOException {
    edit("causes/dns-hijacking.yaml", "summary:", "sumary:");
    assertThatThrownBy(() -> KbLoader.load(kb)).isInstanceOf(KbException.class)
        .hasMessageContaining("causes/dns-hijacking.yaml:")
        .hasMessageContaining("unknown key 'sumary'")
        .hasMessageContaining("known keys here are blocks, deployment, explanation");
  }

  @Test
  void aGenericStepTextThatSpeaksOfTheWizardIsReported() throws IOException {
    edit("causes/tenant-not-found.yaml", "Put it where the application takes its Tenant ID from.",
        "Paste it into the Tenant ID field of the Application details step.");
    assertThatThrownBy(() -> KbLoader.load(kb)).isInstanceOf(KbException.class)
        .hasMessageContaining("causes/")
        .hasMessageContaining("step 'copy-tenant-id-from-overview' speaks of wizard ('Application details')")
        .hasMessageContaining("variants: - clients: [wizard]");
  }

  @Test
  void aVariantForAnUnknownClientIsReported() throws IOException {
    edit("causes/app-registration-deleted.yaml", "- clients: [pnp-powershell]", "- clients: [pnp-powershel]");
    assertThatThrownBy(() -> KbLoader.load(kb)).isInstanceOf(KbException.class)
        .hasMessageContaining("names the unknown client 'pnp-powershel'")
        .hasMessageContaining("did you mean 'pnp-powershell'?");
  }

  @Test
  void aYamlSyntaxErrorNamesTheLine() throws IOException {
    edit("causes/dns-hijacking.yaml", "title:", "title: \"unclosed");
    assertThatThrownBy(() -> KbLoader.load(kb)).hasMessageContaining("causes/dns-hijacking.yaml:")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void anIdThatDiffersFromTheFileName() throws IOException {
    edit("causes/dns-hijacking.yaml", "id: dns-hijacking", "id: dns-hijack");
    assertThatThrownBy(() -> KbLoader.load(kb))
        .hasMessageContaining("causes/dns-hijacking.yaml:1:1: id 'dns-hijack' differs from the file name 'dns-hijacking'")
        .hasMessageContaining("rename the file to dns-hijack.yaml");
  }

  @Test
  void aDanglingStepReference() throws IOException {
    edit("causes/legacy-auth-blocked-by-mfa.yaml", "use: disable-legacy-auth", "use: disable-legacy-authentication");
    assertThatThrownBy(() -> KbLoader.load(kb))
        .hasMessageContaining("causes/legacy-auth-blocked-by-mfa.yaml:")
        .hasMessageContaining("step 'disable-legacy-authentication' is used but defined nowhere");
  }

  @Test
  void aDuplicateStepId() throws IOException {
    edit("causes/dns-hijacking.yaml", "id: disable-isp-dns-assistance", "id: register-app-again");
    assertThatThrownBy(() -> KbLoader.load(kb)).hasMessageContaining("step id 'register-app-again' is already defined in");
  }

  @Test
  void aPatternThatDoesNotCompileOrNeverMatchesItsExamples() throws IOException {
    edit("signatures/dtd-prohibited.yaml", "(?:Exception: )?For security reasons DTD", "For security reasons DTX");
    assertThatThrownBy(() -> KbLoader.load(kb)).hasMessageContaining("signatures/dtd-prohibited.yaml:")
        .hasMessageContaining("no pattern matches the example");
    copyTheRealKnowledgeBase();
    edit("signatures/dtd-prohibited.yaml", "(?:Exception: )?For", "(?<=x)For");
    assertThatThrownBy(() -> KbLoader.load(kb)).hasMessageContaining("pattern does not compile");
  }

  @Test
  void distinguishIsNoLongerWrittenByHand() throws IOException {
    // the questions that confirm or rule out a cause are the ones its rules read (docs/catalog.md)
    edit("causes/app-registration-deleted.yaml", "remediation:", "distinguish:\n  - app-registration-exists\nremediation:");
    assertThatThrownBy(() -> KbLoader.load(kb)).hasMessageContaining("unknown key 'distinguish'");
  }

  private void edit(String file, String from, String to) throws IOException {
    Path p = kb.resolve(file);
    String text = Files.readString(p);
    assertThat(text).contains(from);
    Files.writeString(p, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
  }
}
