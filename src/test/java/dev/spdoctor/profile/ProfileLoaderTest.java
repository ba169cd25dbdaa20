package dev.spdoctor.profile;

import dev.spdoctor.yaml.Problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles load strictly: every problem is reported with its line and a fix, and no secret is ever echoed. */
class ProfileLoaderTest {
  private static final String MINIMAL = "deployment: online\nsharepoint:\n  url: https://contoso.sharepoint.com\n";

  @TempDir Path tmp;

  // ---- good files -----------------------------------------------------------------------

  @Test
  void theContosoExampleLoads() {
    Path file = Path.of("fixtures/profiles/contoso-online.yaml");
    Profile p = ProfileLoader.load(file);
    assertThat(p.source()).isEqualTo(file);
    assertThat(p.name()).isEqualTo("contoso-online");
    assertThat(p.online()).isTrue();
    assertThat(p.cloud()).isEqualTo(Cloud.GLOBAL);
    assertThat(p.sharePoint()).isEqualTo(new Profile.SharePoint("https://contoso.sharepoint.com",
        "https://contoso-admin.sharepoint.com", null));
    assertThat(p.registration()).isEqualTo("manual");
    assertThat(p.clientId()).isEqualTo("9d3e5f71-0a2b-4c6d-8e9f-a1b2c3d4e5f6");
    assertThat(p.certificate().file()).isEqualTo(Path.of("fixtures/profiles/certs/spdoctor-app.pfx"));
    assertThat(p.certificate().password())
        .isEqualTo(new SecretRef(null, Path.of("fixtures/profiles/certs/spdoctor-app.password"), false));
    assertThat(p.certificate().thumbprint()).startsWith("F3 D4 83");
    assertThat(p.legacyAuth().enabled()).isFalse();
    assertThat(p.mfa()).isEqualTo("enabled");
    assertThat(p.securityDefaults()).isEqualTo("disabled");
  }

  @Test
  void theReadmeShowsTheContosoExampleAsShipped() throws IOException {
    Matcher m = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("README.md")));
    assertThat(m.find()).as("a ```yaml block in README.md").isTrue();
    String example = Files.readString(Path.of("fixtures/profiles/contoso-online.yaml")).lines()
        .filter(l -> !l.startsWith("#")).collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    assertThat(m.group(1)).isEqualTo(example);
  }

  @Test
  void theFabrikamOnPremisesExampleLoads() {
    Profile p = ProfileLoader.load(Path.of("fixtures/profiles/fabrikam-onprem.yaml"));
    assertThat(p.online()).isFalse();
    assertThat(p.deployment()).isEqualTo("on-premises");
    assertThat(p.sharePoint().centralAdminUrl()).isEqualTo("http://sp2019.fabrikam.example:2013");
    assertThat(p.network().dnsServer()).isEqualTo("10.20.0.10");
    assertThat(p.network().timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.network().deadline()).isEqualTo(Profile.Network.DEFAULT_DEADLINE);
    assertThat(p.certificate()).isNull();
  }

  @Test
  void theFullExampleInTheDocsLoadsWithEveryField() throws IOException {
    String md = Files.readString(Path.of("docs/profile.md"));
    Matcher m = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(md);
    assertThat(m.find()).as("a ```yaml block in docs/profile.md").isTrue();
    Path dir = Files.createDirectories(tmp.resolve("profiles"));
    Profile p = ProfileLoader.load(write(dir.resolve("full.yaml"), m.group(1)));
    assertThat(p.certificate().file()).isEqualTo(dir.resolve("certs/spdoctor-app.pfx"));
    assertThat(p.certificate().keyFile()).isEqualTo(dir.resolve("certs/app.key"));
    assertThat(p.legacyAuth().password().prompt()).isTrue();
    assertThat(p.loginBase()).isEqualTo("https://login.microsoftonline.com");
    assertThat(p.network().proxy()).isEqualTo("http://proxy.corp.example:8080");
    assertThat(p.network().proxyUser()).isEqualTo("svc-proxy");
    assertThat(p.network().proxyPassword().env()).isEqualTo("SPDOCTOR_PROXY_PASSWORD");
    assertThat(p.network().trustStore()).isEqualTo(dir.resolve("corp-root-ca.pem"));
    assertThat(p.network().timeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(p.network().deadline()).isEqualTo(Duration.ofSeconds(90));
    assertThat(p.sharePoint().centralAdminUrl()).isEqualTo("http://spca.corp.example:2013");
    assertThat(p.applicationAccount()).isEqualTo("svc-spdoctor@contoso.onmicrosoft.com");
  }

  @Test
  void aMinimalProfileGetsTheDefaults() throws IOException {
    Profile p = load(MINIMAL);
    assertThat(p.cloud()).isEqualTo(Cloud.GLOBAL);
    assertThat(p.endpoints()).isEqualTo(Profile.Endpoints.NONE);
    assertThat(p.network()).isEqualTo(new Profile.Network(null, null, null, null, null,
        Profile.Network.DEFAULT_TIMEOUT, Profile.Network.DEFAULT_DEADLINE));
    assertThat(p.certificate()).isNull();
    assertThat(p.legacyAuth()).isNull();
    assertThat(p.mfa()).isNull();
  }

  @Test
  void relativePathsResolveAgainstTheProfilesFolderAndAbsoluteOnesStay() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("conf"));
    Path absolute = tmp.resolve("elsewhere/ca.pem").toAbsolutePath();
    Profile p = ProfileLoader.load(write(dir.resolve("p.yaml"), MINIMAL
        + "certificate:\n  file: certs/app.pem\n  key-file: ../keys/app.key\n  password: {file: secrets/pw.txt}\n"
        + "network:\n  trust-store: " + absolute + "\n  proxy-password: {file: proxy.txt}\n"));
    assertThat(p.certificate().file()).isEqualTo(dir.resolve("certs/app.pem"));
    assertThat(p.certificate().keyFile()).isEqualTo(dir.resolve("../keys/app.key"));
    assertThat(p.certificate().password().file()).isEqualTo(dir.resolve("secrets/pw.txt"));
    assertThat(p.network().trustStore()).isEqualTo(absolute);
    assertThat(p.network().proxyPassword().file()).isEqualTo(dir.resolve("proxy.txt"));
  }

  @Test
  void cloudsEndpointsAndDurationsInEveryUnit() throws IOException {
    Profile p = load(MINIMAL + "cloud: us-government\nendpoints:\n  login: https://login.example\n"
        + "network:\n  timeout: 500ms\n  deadline: 2m\n");
    assertThat(p.cloud()).isEqualTo(Cloud.US_GOVERNMENT);
    assertThat(p.loginBase()).isEqualTo("https://login.example");
    assertThat(p.graphBase()).isEqualTo("https://graph.microsoft.us");
    assertThat(p.network().timeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(p.network().deadline()).isEqualTo(Duration.ofMinutes(2));
    assertThat(load(MINIMAL + "network:\n  deadline: 1h\n").network().deadline()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void semanticShapesAreNotTheLoadersBusiness() throws IOException {
    Profile p = load("deployment: online\nsharepoint:\n  url: not a url\nclient-id: 12345\ntenant-id: ???\n");
    assertThat(p.clientId()).isEqualTo("12345");
    assertThat(p.tenantId()).isEqualTo("???");
    assertThat(p.sharePoint().url()).isEqualTo("not a url");
  }

  @Test
  void emptyValuesCountAsNotGiven() throws IOException {
    Profile p = load(MINIMAL + "client-id:\nmfa: ~\ncertificate:\n  thumbprint: ''\n");
    assertThat(p.clientId()).isNull();
    assertThat(p.mfa()).isNull();
    assertThat(p.certificate().thumbprint()).isNull();
  }

  // ---- problems -------------------------------------------------------------------------

  @Test
  void anUnknownKeySuggestsTheNearestKnownKey() throws IOException {
    Problem p = only(MINIMAL + "  adminurl: https://contoso-admin.sharepoint.com\n");
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.column()).isEqualTo(3);
    assertThat(p.message()).isEqualTo("unknown key 'adminurl' in 'sharepoint'");
    assertThat(p.fix()).isEqualTo("did you mean 'admin-url'?");
    assertThat(only(MINIMAL + "client_id: x\n").fix()).isEqualTo("did you mean 'client-id'?");
  }

  @Test
  void anUnknownKeyThatBelongsElsewhereSaysWhere() throws IOException {
    Problem p = only(MINIMAL + "proxy: http://proxy:8080\n");
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.fix()).isEqualTo("'proxy' belongs under 'network:'");
  }

  @Test
  void anUnknownKeyFarFromAnyListsTheKnownKeys() throws IOException {
    Problem p = only(MINIMAL + "colour: blue\n");
    assertThat(p.fix()).startsWith("known keys here are name, deployment, cloud, sharepoint,");
  }

  @Test
  void wrongTypesAreReportedWhereTheValueIs() throws IOException {
    List<Problem> ps = problems("deployment: online\nsharepoint: https://contoso.sharepoint.com\n"
        + "client-id: [a, b]\nlegacy-auth:\n  enabled: maybe\n");
    assertThat(ps).extracting(Problem::toString).containsExactly(
        "p.yaml:2:13: 'sharepoint' must be a mapping of keys, not text — write its keys indented under it: "
            + "url, admin-url, central-admin-url (see docs/profile.md)",
        "p.yaml:3:12: 'client-id' must be text, not a list — write one value after 'client-id:' (see docs/profile.md)",
        "p.yaml:5:12: 'legacy-auth.enabled' must be true or false, not 'maybe' — write true or false");
  }

  @Test
  void anUnknownValueListsTheAllowedOnes() throws IOException {
    Problem p = only("deployment: hybrid\nsharepoint:\n  url: http://sp\n");
    assertThat(p.line()).isEqualTo(1);
    assertThat(p.column()).isEqualTo(13);
    assertThat(p.message()).isEqualTo("'deployment' is 'hybrid', which is not one of online, on-premises, onprem");
    assertThat(p.fix()).isEqualTo("write one of online, on-premises, onprem");
    assertThat(only(MINIMAL + "cloud: gcc-high\n").message()).contains("not one of global, us-government, china");
    assertThat(only(MINIMAL + "registration: auto\n").fix()).isEqualTo("write one of automatic, manual");
    assertThat(only(MINIMAL + "mfa: yes\n").message()).isEqualTo("'mfa' is 'yes', which is not one of enabled, disabled");
  }

  @Test
  void aNearMissValueIsCorrected() throws IOException {
    assertThat(only("deployment: on-premise\nsharepoint:\n  url: http://sp\n").fix())
        .isEqualTo("did you mean 'on-premises'?");
    assertThat(only(MINIMAL + "security-defaults: Enabled\n").fix()).isEqualTo("did you mean 'enabled'?");
  }

  @Test
  void missingDeploymentAndSharePointUrlAreBothReported() throws IOException {
    List<Problem> ps = problems("# nothing yet\nname: x\n");
    assertThat(ps).extracting(Problem::message)
        .containsExactly("'deployment' is missing", "'sharepoint.url' is missing");
    assertThat(ps).allSatisfy(p -> assertThat(p.line()).isEqualTo(2));
    assertThat(ps.get(1).fix()).contains("add 'sharepoint:' with 'url:'");
    Problem url = only("deployment: online\nsharepoint:\n  admin-url: https://contoso-admin.sharepoint.com\n");
    assertThat(url.line()).isEqualTo(2);
    assertThat(url.fix()).startsWith("add 'url:'");
    assertThat(only("deployment:\nsharepoint:\n  url: http://sp\n").message()).isEqualTo("'deployment' is missing");
  }

  @Test
  void aPasswordWrittenAsTextIsRefusedWithoutBeingEchoed() throws IOException {
    List<Problem> ps = problems(MINIMAL + "certificate:\n  file: a.pfx\n  password: hunter2\n"
        + "legacy-auth:\n  account: admin@contoso.onmicrosoft.com\n  password: \"s3cret-Pa55\"\n"
        + "network:\n  proxy-password: 'pr0xy!pw'\n");
    assertThat(ps).extracting(Problem::line).containsExactly(6, 9, 11);
    assertThat(ps.get(0).message())
        .isEqualTo("'certificate.password' holds a password as text: a password must not be written in the profile");
    assertThat(ps.get(0).fix()).startsWith("use {env: NAME}, {file: PATH} or {prompt: true}");
    assertThat(ps.get(2).message()).startsWith("'network.proxy-password' holds a password as text");
    assertNoSecret(ps, "hunter2", "s3cret-Pa55", "pr0xy!pw");
  }

  @Test
  void aPasswordIsNotEchoedFromASyntaxErrorAnUnknownKeyOrAWrongType() throws IOException {
    assertNoSecret(problems(MINIMAL + "certificate:\n  password: \"hunter2\n"), "hunter2");
    assertNoSecret(problems(MINIMAL + "certificate:\n  password: hunter2: more\n"), "hunter2");
    assertNoSecret(problems(MINIMAL + "certificate:\n  password: {value: hunter2}\n"), "hunter2");
    assertNoSecret(problems(MINIMAL + "certificate:\n  password: [hunter2]\n"), "hunter2");
    assertNoSecret(problems(MINIMAL + "certificate:\n  password: 12345678\n"), "12345678");
    assertNoSecret(problems(MINIMAL + "network:\n  proxy-password: hunter2\n  proxy-user: [x]\n"), "hunter2");
  }

  @Test
  void aSecretMappingNeedsExactlyOneSource() throws IOException {
    Problem none = only(MINIMAL + "certificate:\n  password: {}\n");
    assertThat(none.line()).isEqualTo(5);
    assertThat(none.message()).isEqualTo("'certificate.password' names no source for the certificate's password");
    Problem several = only(MINIMAL + "certificate:\n  password:\n    env: PW\n    file: pw.txt\n");
    assertThat(several.line()).isEqualTo(6);
    assertThat(several.message()).isEqualTo("'certificate.password' names several sources (env, file)");
    assertThat(several.fix()).isEqualTo("keep exactly one of env:, file: or prompt:");
    Problem off = only(MINIMAL + "legacy-auth:\n  password: {prompt: false}\n");
    assertThat(off.message()).contains("is false");
    Problem unknown = only(MINIMAL + "legacy-auth:\n  password: {envv: PW}\n");
    assertThat(unknown.message()).isEqualTo("unknown key 'envv' in 'legacy-auth.password'");
    assertThat(unknown.fix()).isEqualTo("did you mean 'env'?");
    assertThat(only(MINIMAL + "legacy-auth:\n  password:\n    prompt: hunter2\n").message())
        .isEqualTo("'legacy-auth.password.prompt' must be true or false, not text");
  }

  @Test
  void badDurationsSayWhatIsExpected() throws IOException {
    List<Problem> ps = problems(MINIMAL + "network:\n  timeout: 15\n  deadline: soon\n");
    assertThat(ps).extracting(Problem::toString).containsExactly(
        "p.yaml:5:12: 'network.timeout' is 15 without a unit — write 15s, or use the units ms, s, m or h",
        "p.yaml:6:13: 'network.deadline' is 'soon', which is not a time such as 500ms, 15s or 2m"
            + " — write a whole number more than zero followed by ms, s, m or h");
    assertThat(only(MINIMAL + "network:\n  timeout: 0s\n").line()).isEqualTo(5);
    assertThat(only(MINIMAL + "network:\n  timeout: 1.5s\n").line()).isEqualTo(5);
  }

  @Test
  void everyProblemInAFileIsReportedInLineOrder() throws IOException {
    ProfileException e = error("name: x\ndeployment: cloud\ncloud: mars\nsharepoint:\n  ur: https://x\n"
        + "certificate:\n  password: hunter2\nnetwork:\n  timeout: fast\nextra: 1\n");
    assertThat(e.problems()).extracting(Problem::line).containsExactly(2, 3, 4, 5, 7, 9, 10);
    assertThat(e.getMessage()).startsWith("7 problems in the profile:\n")
        .contains("p.yaml:2:13: 'deployment' is 'cloud'");
    assertThat(e.getMessage()).doesNotContain("hunter2");
  }

  @Test
  void aRepeatedKeyIsReportedWithTheFirstLine() throws IOException {
    Problem p = only(MINIMAL + "client-id: a\nclient-id: b\n");
    assertThat(p.toString()).isEqualTo("p.yaml:5:1: 'client-id' is given twice (first on line 4) — keep one");
  }

  @Test
  void aKeyFileWithoutACertificateFileIsReported() throws IOException {
    Problem p = only(MINIMAL + "certificate:\n  key-file: app.key\n");
    assertThat(p.line()).isEqualTo(5);
    assertThat(p.message()).isEqualTo("'certificate.key-file' is given without 'certificate.file'");
  }

  @Test
  void aliasesAreRefused() throws IOException {
    Problem p = only("deployment: online\nsharepoint:\n  url: &u https://contoso.sharepoint.com\n"
        + "  admin-url: *u\n");
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.message()).isEqualTo("'sharepoint.admin-url' is an alias (*u)");
  }

  @Test
  void anEmptyFileOrOneOfCommentsIsEmpty() throws IOException {
    assertThat(only("").toString()).isEqualTo("p.yaml:1:1: the file is empty — write the profile's keys in it;"
        + " docs/profile.md has an example");
    assertThat(only("# just a comment\n\n").message()).isEqualTo("the file is empty");
    assertThat(only("~\n").message()).isEqualTo("the file is empty");
  }

  @Test
  void aYamlSyntaxErrorNamesItsLine() throws IOException {
    Problem p = only("deployment: online\nsharepoint:\n  url: https://contoso.sharepoint.com\n"
        + " client-id: x\n");
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.message()).startsWith("not valid YAML: ");
    assertThat(p.message()).doesNotContain("reader");
    assertThat(only("deployment: online\nname:\tx\n").line()).isEqualTo(2);
  }

  @Test
  void aListOrATextIsNotAProfile() throws IOException {
    assertThat(only("- deployment: online\n").message()).isEqualTo("a profile is a mapping of keys, not a list");
    assertThat(only("just words\n").message()).isEqualTo("a profile is a mapping of keys, not text");
  }

  @Test
  void aSecondDocumentIsReported() throws IOException {
    Problem p = only(MINIMAL + "---\ndeployment: on-premises\n");
    assertThat(p.line()).isEqualTo(5);
    assertThat(p.message()).isEqualTo("a second YAML document starts here");
  }

  @Test
  void aMissingFileIsReported() {
    Path file = tmp.resolve("nope.yaml");
    ProfileException e = catchThrowableOfType(() -> ProfileLoader.load(file), ProfileException.class);
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo(file.toString());
      assertThat(p.line()).isZero();
      assertThat(p.message()).isEqualTo("no such file");
    });
    assertThat(e.getMessage()).contains(file + ": no such file — check the path");
  }

  @Test
  void onpremAsTheCommandLineSpellsItIsOnPremises() throws IOException {
    Path file = write(tmp.resolve("onprem.yaml"), "deployment: onprem\nsharepoint:\n  url: http://sp.corp.example\n");
    assertThat(ProfileLoader.load(file).deployment()).isEqualTo("on-premises");
  }

  @Test
  void aDirectoryIsReported() {
    ProfileException e = catchThrowableOfType(() -> ProfileLoader.load(tmp), ProfileException.class);
    assertThat(e.problems()).singleElement().extracting(Problem::message)
        .isEqualTo("is a directory, not a profile file");
  }

  @Test
  void aFileThatIsNotUtf8IsReported() throws IOException {
    Path file = tmp.resolve("latin1.yaml");
    Files.write(file, "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    ProfileException e = catchThrowableOfType(() -> ProfileLoader.load(file), ProfileException.class);
    assertThat(e.problems()).singleElement().extracting(Problem::message).isEqualTo("is not UTF-8 text");
  }

  // ---- helpers ----------------------------------------------------------------------------

  private static void assertNoSecret(List<Problem> problems, String... secrets) {
    assertThat(problems).isNotEmpty();
    String all = problems.toString() + new ProfileException(problems).getMessage();
    for (String s : secrets) {
      assertThat(all).doesNotContain(s);
    }
  }

  private Profile load(String yaml) throws IOException {
    return ProfileLoader.load(write(tmp.resolve("p.yaml"), yaml));
  }

  private ProfileException error(String yaml) throws IOException {
    Path file = write(tmp.resolve("p.yaml"), yaml);
    ProfileException e = catchThrowableOfType(() -> ProfileLoader.load(file), ProfileException.class);
    assertThat(e).as("a ProfileException for:\n" + yaml).isNotNull();
    return e;
  }

  private List<Problem> problems(String yaml) throws IOException {
    List<Problem> ps = error(yaml).problems();
    // Tests name the file p.yaml; report it relative so the expected strings stay short.
    return ps.stream().map(p -> new Problem(Path.of(p.file()).getFileName().toString(), p.line(), p.column(),
        p.message(), p.fix())).toList();
  }

  private Problem only(String yaml) throws IOException {
    List<Problem> ps = problems(yaml);
    assertThat(ps).as(ps.toString()).hasSize(1);
    return ps.get(0);
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
