package dev.spdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The authoring tools on a copy of the repository's knowledge base, rules and fixtures. */
class KbCommandTest {
  @TempDir Path copy;

  @BeforeEach
  void copyTheWorkingTree() throws IOException {
    for (String dir : new String[] {"knowledge-base", "rules", "fixtures", "docs"}) {
      Path from = Path.of(dir);
      try (Stream<Path> walk = Files.walk(from)) {
        for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
          Path to = copy.resolve(p.toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(to);
          } else {
            Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
  }

  @Test
  void checkIsCleanOnTheRealKnowledgeBase() {
    CliRun r = CliRun.run("kb", "check", "--kb", copy.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).startsWith("clean: ");
  }

  @Test
  void eachBrokenInputGetsOnePreciseMessage() throws IOException {
    assertOneProblem("knowledge-base/causes/dns-hijacking.yaml", "title:", "title: \"unclosed",
        "knowledge-base/causes/dns-hijacking.yaml:", "not valid YAML");
    assertOneProblem("knowledge-base/causes/dns-hijacking.yaml", "summary:", "sumary:",
        "knowledge-base/causes/dns-hijacking.yaml:8:1: unknown key 'sumary'", "known keys here are");
    assertOneProblem("rules/network/dns-hijacking.drl", "then", "thn",
        "rules/network/dns-hijacking.drl:", "fix the DRL there");
    assertOneProblem("rules/graph/graph-insufficient-privileges.drl", "@id(\"graph-authorization-request-denied\")",
        "@id(\"dtd-prohibited-dns-hijacking\")",
        "rules/network/dns-hijacking.drl:", "rule id 'dtd-prohibited-dns-hijacking' is already used at");
    assertOneProblem("rules/jobs/exchange-cmdlet-unavailable.drl", "@kb(\"exchange-cmdlet-unavailable\")",
        "@kb(\"exchange-cmdlet-missing\")",
        "rules/jobs/exchange-cmdlet-unavailable.drl:9: @kb(\"exchange-cmdlet-missing\") names no cause",
        "did you mean @kb(\"exchange-cmdlet-unavailable\")?");
    assertOneProblem("rules/authentication/cert-key-too-small.drl", "key == \"key-bits\", number != null, number < 2048",
        "key == \"key-bit\", number != null, number < 2048",
        "rules/authentication/cert-key-too-small.drl:",
        "reads the value 'key-bit', which probe certificate does not record — did you mean 'key-bits'?");
    assertOneProblem("fixtures/probes/certificate.yaml", "key-algorithm: RSA, key-bits: \"1024\"",
        "key-algorithm: RSA, keybits: \"1024\"", "case 'rsa-1024-key' reads the value 'keybits'", "did you mean 'key-bits'?");
    assertOneProblem("knowledge-base/signatures/dtd-prohibited.yaml", "(?:Exception: )?For security reasons DTD",
        "(?:Exception: )?For security reasons DTD", null, null);
  }

  @Test
  void aCauseRuleOutsideItsCauseFileIsReportedWithWhereItBelongs() throws IOException {
    Path from = copy.resolve("rules/jobs/exchange-cmdlet-unavailable.drl");
    Path to = copy.resolve("rules/jobs/object-listing-failed.drl");
    String rule = Files.readString(from);
    String body = rule.substring(rule.indexOf("rule \""));
    Files.writeString(to, Files.readString(to) + "\n" + body);
    Files.writeString(from, rule.substring(0, rule.indexOf("rule \"")));
    CliRun r = CliRun.run("kb", "check", "--kb", copy.toString());
    assertThat(r.exitCode()).as(r.out()).isEqualTo(ExitCodes.BAD_KNOWLEDGE_BASE);
    assertThat(r.out()).contains("rules/jobs/object-listing-failed.drl:")
        .contains("rule 'get-unifiedgroup-missing-role' concludes about 'exchange-cmdlet-unavailable' but is not in that"
            + " cause's rule file — move it to rules/<domain>/exchange-cmdlet-unavailable.drl");
  }

  @Test
  void aPatternThatMatchesNoFixtureIsReported() throws IOException {
    Path sig = copy.resolve("knowledge-base/signatures/dtd-prohibited.yaml");
    Files.writeString(sig, Files.readString(sig).replace("is prohibited", "is forbidden"));
    CliRun r = CliRun.run("kb", "check", "--kb", copy.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_KNOWLEDGE_BASE);
    assertThat(r.out()).contains("knowledge-base/signatures/dtd-prohibited.yaml:1:1: no fixture text matches signature"
        + " 'dtd-prohibited' — add a case with the real message to fixtures/");
  }

  @Test
  void newCauseIsWiredButItsPlaceholdersFailCheckAndTestUntilWrittenIn() {
    CliRun created = CliRun.run("kb", "new", "proxy-blocks-login", "--domain", "network", "--kb", copy.toString());
    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.out()).contains("rules/network/proxy-blocks-login.drl")
        .contains("fixtures/network/proxy-blocks-login.yaml");
    CliRun check = CliRun.run("kb", "check", "--kb", copy.toString());
    assertThat(check.exitCode()).as(check.out()).isEqualTo(ExitCodes.BAD_KNOWLEDGE_BASE);
    assertThat(check.out()).contains("knowledge-base/causes/proxy-blocks-login.yaml:")
        .contains("rules/network/proxy-blocks-login.drl:").contains("fixtures/network/proxy-blocks-login.yaml:")
        .contains("placeholder left from kb new: TODO").doesNotContain("dns-hijacking");
    CliRun test = CliRun.run("kb", "test", "--kb", copy.toString(), "--filter", "proxy-blocks-login");
    assertThat(test.exitCode()).isEqualTo(1);
    assertThat(test.out()).contains("FAIL network/proxy-blocks-login#bare-message")
        .contains("TODO placeholder").endsWith("0 passed, 2 failed, 0 skipped\n");
    assertThat(CliRun.run("kb", "new", "proxy-blocks-login", "--domain", "network", "--kb", copy.toString()).exitCode())
        .isEqualTo(ExitCodes.BAD_INPUT);
  }

  @Test
  void everyNameInAFixtureIsCheckedWithItsPlace() throws IOException {
    edit("fixtures/network/dns-hijacking.yaml", "first: dns-hijacking", "first: dns-hijackin");
    CliRun r = CliRun.run("kb", "check", "--kb", copy.toString());
    assertThat(r.exitCode()).as(r.out()).isEqualTo(ExitCodes.BAD_KNOWLEDGE_BASE);
    assertThat(r.out()).containsPattern("fixtures/network/dns-hijacking.yaml:\\d+:\\d+: case '[^']+' expects cause"
        + " 'dns-hijackin', which does not exist — did you mean 'dns-hijacking'\\?");
  }

  @Test
  void aFilterThatSelectsNothingIsAnError() {
    CliRun r = CliRun.run("kb", "test", "--kb", copy.toString(), "--filter", "dns-hijackng");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--filter dns-hijackng selects no case: it is neither a cause a case names nor a rule")
        .contains("did you mean 'dns-hijacking'?");
  }

  @Test
  void everyProblemOfAFileIsListedAndTheSummarySaysWhatWasNotChecked() throws IOException {
    edit("knowledge-base/causes/dns-hijacking.yaml", "summary:", "sumary:");
    edit("knowledge-base/causes/dns-hijacking.yaml", "explanation:", "explanaton:");
    CliRun r = CliRun.run("kb", "check", "--kb", copy.toString());
    assertThat(r.out()).contains("dns-hijacking.yaml:8:1: unknown key 'sumary'").contains("unknown key 'explanaton'")
        .contains("did you mean 'explanation'?").contains("the knowledge base could not be read")
        .doesNotContain("0 causes");
  }

  @Test
  void aMisspeltFieldInARuleListsTheFieldsOfTheFact() throws IOException {
    edit("rules/network/dns-hijacking.drl", "signature ==", "signatur ==");
    CliRun r = CliRun.run("kb", "check", "--kb", copy.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_KNOWLEDGE_BASE);
    assertThat(r.out()).contains("rules/network/dns-hijacking.drl:").contains("the fields of SignatureMatch are");
  }

  @Test
  void testRunsEveryFixtureAndShowsTheDifferenceOfAFailure() throws IOException {
    edit("fixtures/network/dns-hijacking.yaml", "first: dns-hijacking", "first: tenant-not-found");
    CliRun r = CliRun.run("kb", "test", "--kb", copy.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .contains("expected tenant-not-found first; got [dns-hijacking (0.50), microsoft-endpoints-unreachable (0.35)]")
        .containsPattern("\\d+ passed, 1 failed, \\d+ skipped\n$");
  }

  @Test
  void coverageAndDocs() {
    CliRun coverage = CliRun.run("kb", "coverage", "--kb", copy.toString(), "--format", "json");
    assertThat(coverage.exitCode()).as(coverage.out()).isZero();
    assertThat(coverage.out()).contains("\"neverFired\" : [ ]");
    assertThat(CliRun.run("kb", "docs", "--check", "--kb", copy.toString()).exitCode()).isZero();
  }

  @Test
  void diagnoseUsesAWorkingCopyAfterAnEdit() throws IOException {
    edit("rules/network/dns-hijacking.drl", "$mid, 0.5,", "$mid, 0.55,");
    CliRun r = CliRun.run("diagnose", "--kb", copy.toString(), "--error",
        "For security reasons DTD is prohibited in this XML document.");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("medium 0.55");
  }

  @Test
  void whyNotShowsTheFirstFailingConditionOfEachRule() {
    CliRun r = CliRun.run("diagnose", "--kb", copy.toString(), "--as-of", "2026-06-01", "--error",
        "AADSTS700016: Application with identifier 'YOUR_CLIENT_ID' was not found in the directory 'contoso.onmicrosoft.com'.",
        "--why-not", "app-registration-deleted");
    assertThat(r.out()).contains("Why not app-registration-deleted?")
        .contains("rule aadsts700016-deleted (\"AADSTS700016: the registration may have been deleted\"): 1 of 2 conditions"
            + " hold; the first that does not:\n      not Capture(matchId == $mid, name == \"clientId\", notGuid == true)");
  }

  private void assertOneProblem(String file, String from, String to, String where, String what) throws IOException {
    if (where == null) {
      return;
    }
    Path p = copy.resolve(file);
    String before = Files.readString(p);
    edit(file, from, to);
    CliRun r = CliRun.run("kb", "check", "--kb", copy.toString());
    Files.writeString(p, before);
    assertThat(r.exitCode()).as(r.out()).isEqualTo(ExitCodes.BAD_KNOWLEDGE_BASE);
    assertThat(r.out()).contains(where).contains(what).doesNotContain("Exception");
    assertThat(r.out().lines().filter(l -> l.contains(" — ")).count()).as(r.out()).isEqualTo(1);
  }

  private void edit(String file, String from, String to) throws IOException {
    Path p = copy.resolve(file);
    String text = Files.readString(p);
    assertThat(text).contains(from);
    Files.writeString(p, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
  }
}
