package dev.spdoctor.probe;

import dev.spdoctor.probe.cert.CertificateFiles;
import dev.spdoctor.probe.cert.LoadedCertificate;
import dev.spdoctor.probe.net.Connections;
import static dev.spdoctor.probe.testing.Stubs.pki;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.profile.SecretSource;
import dev.spdoctor.probe.testing.Stubs;
import dev.spdoctor.profile.Cloud;
import dev.spdoctor.profile.Profile;
import dev.spdoctor.profile.SecretRef;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateProbeTest {
  /** Thumbprint of app-2048.crt: {@code openssl x509 -in app-2048.crt -noout -fingerprint -sha1}, colons removed. */
  static final String APP_2048_THUMBPRINT = "B41CE5A16ACFB2EC096A1E09811CF47553092B20";

  static final SecretRef PASSWORD = new SecretRef(Stubs.PASSWORD_ENV, null, false);
  final List<char[]> handedOut = new ArrayList<>();
  final SecretSource secrets = (ref, what) -> {
    char[] pw = Stubs.CERT_PASSWORD.toCharArray();
    handedOut.add(pw);
    return pw;
  };

  static Profile profile(Profile.Certificate certificate) {
    return new Profile(Path.of("test-profile.yaml"), "contoso", "online",
        new Profile.SharePoint("https://contoso.sharepoint.com", null, null), "manual", null,
        Stubs.CLIENT_ID, Stubs.TENANT_ID, certificate, null, null, null, Cloud.GLOBAL, Profile.Endpoints.NONE,
        Profile.Network.DEFAULTS);
  }

  Observation run(Profile.Certificate certificate) {
    return run(certificate, secrets, Clock.systemUTC());
  }

  static Observation run(Profile.Certificate certificate, SecretSource secrets, Clock clock) {
    ProbeContext ctx = new ProbeContext(profile(certificate), Connections.of(Profile.Network.DEFAULTS), secrets, clock);
    Observation o = new CertificateProbe().run(ctx);
    assertThat(o.probe()).isEqualTo("certificate");
    return o;
  }

  static Profile.Certificate pfx(String name) {
    return new Profile.Certificate(pki(name), null, PASSWORD, null);
  }

  @Test
  void rsa2048PfxIsReadWithItsKey() {
    Observation o = run(pfx("app-2048.pfx"));
    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values()).containsEntry("format", "pkcs12").containsEntry("has-private-key", "yes")
        .containsEntry("key-algorithm", "RSA").containsEntry("key-bits", "2048").containsEntry("validity", "valid")
        .containsEntry("key-matches-certificate", "yes").containsEntry("subject", "CN=spdoctor-app-2048")
        .doesNotContainKeys("thumbprint-entered", "thumbprint-matches", "error");
    assertThat(o.value("thumbprint")).isEqualTo(APP_2048_THUMBPRINT);
    assertThat(o.value("not-before")).endsWith("Z");
    assertThat(Instant.parse(o.value("not-after"))).isAfter(Instant.parse(o.value("not-before")));
  }

  @Test
  void thePasswordIsClearedAfterUse() {
    run(pfx("app-2048.pfx"));
    assertThat(handedOut).hasSize(1);
    assertThat(handedOut.get(0)).isNotEmpty().containsOnly('\0');
  }

  @Test
  void combinedPemGivesCertificateAndKey() {
    Observation o = run(new Profile.Certificate(pki("app-2048.pem"), null, null, null));
    assertThat(o.values()).containsEntry("format", "pem").containsEntry("has-private-key", "yes")
        .containsEntry("key-bits", "2048").containsEntry("key-matches-certificate", "yes");
    assertThat(handedOut).isEmpty();
  }

  @Test
  void pemCertificateWithAnotherKeyFileIsReportedAsNotMatching() {
    Observation o = run(new Profile.Certificate(pki("app-2048.crt"), pki("other-2048.key"), null, null));
    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values()).containsEntry("has-private-key", "yes").containsEntry("key-matches-certificate", "no");
    assertThat(o.summary()).contains("does not belong");
  }

  @Test
  void pkcs1KeyFileIsReadAndMatches() {
    Observation o = run(new Profile.Certificate(pki("app-2048.crt"), pki("app-2048-pkcs1.key"), null, null));
    assertThat(o.values()).containsEntry("has-private-key", "yes").containsEntry("key-matches-certificate", "yes");
  }

  @Test
  void pkcs1WrappingGivesTheSameKeyAsPkcs8() throws Exception {
    LoadedCertificate viaPkcs1 = CertificateFiles.load(
        new Profile.Certificate(pki("app-2048.crt"), pki("app-2048-pkcs1.key"), null, null), secrets);
    LoadedCertificate viaPkcs8 = CertificateFiles.load(
        new Profile.Certificate(pki("app-2048.pem"), null, null, null), secrets);
    assertThat(viaPkcs1.privateKey().getEncoded()).isEqualTo(viaPkcs8.privateKey().getEncoded());
  }

  @Test
  void encryptedPkcs8KeyIsDecryptedWithThePassword() {
    Observation o = run(new Profile.Certificate(pki("app-2048.crt"), pki("app-2048-encrypted.key"), PASSWORD, null));
    assertThat(o.values()).containsEntry("has-private-key", "yes").containsEntry("key-matches-certificate", "yes");
    assertThat(handedOut).hasSize(1);
    assertThat(handedOut.get(0)).containsOnly('\0');
  }

  @Test
  void encryptedPkcs8KeyWithTheWrongPasswordFails() {
    Observation o = run(new Profile.Certificate(pki("app-2048.crt"), pki("app-2048-encrypted.key"), PASSWORD, null),
        (ref, what) -> "nope".toCharArray(), Clock.systemUTC());
    assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(o.values()).containsEntry("error", "wrong-password");
  }

  @Test
  void encryptedKeyWithoutAPasswordInTheProfileSaysSo() {
    Observation o = run(new Profile.Certificate(pki("app-2048.crt"), pki("app-2048-encrypted.key"), null, null));
    assertThat(o.values()).containsEntry("error", "password-unavailable");
    assertThat(o.summary()).contains("names no password");
  }

  @Test
  void ecCertificateKeyIsCheckedBySigning() {
    Observation o = run(new Profile.Certificate(pki("app-ec.pem"), null, null, null));
    assertThat(o.values()).containsEntry("key-algorithm", "EC").containsEntry("key-bits", "256")
        .containsEntry("key-matches-certificate", "yes");
  }

  @Test
  void rsaCertificateWithAnEcKeyDoesNotMatch() {
    Observation mixed = run(new Profile.Certificate(pki("app-cert-only.pem"), pki("app-ec.pem"), null, null));
    assertThat(mixed.values()).containsEntry("key-algorithm", "RSA").containsEntry("key-matches-certificate", "no");
  }

  @Test
  void smallKeyIsReportedWithItsSize() {
    Observation o = run(pfx("app-1024.pfx"));
    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values()).containsEntry("key-bits", "1024").containsEntry("key-matches-certificate", "yes");
  }

  @Test
  void expiredCertificateIsReportedExpired() {
    Observation o = run(pfx("app-expired.pfx"));
    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values()).containsEntry("validity", "expired").containsEntry("has-private-key", "yes");
    assertThat(o.summary()).contains("expired since");
  }

  @Test
  void validityIsJudgedByTheRunsClock() {
    Clock past = Clock.fixed(Instant.parse("2001-01-01T00:00:00Z"), ZoneOffset.UTC);
    Observation o = run(pfx("app-2048.pfx"), secrets, past);
    assertThat(o.values()).containsEntry("validity", "not-yet-valid");
    Clock future = Clock.fixed(Instant.parse("2099-01-01T00:00:00Z"), ZoneOffset.UTC);
    assertThat(run(pfx("app-2048.pfx"), secrets, future).values()).containsEntry("validity", "expired");
  }

  @Test
  void certificateOnlyPfxHasNoEntries() {
    Observation o = run(pfx("app-cert-only.pfx"));
    assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(o.values()).containsExactlyEntriesOf(java.util.Map.of("error", "no-entries"));
    assertThat(o.summary()).contains("without its private key");
  }

  @Test
  void certificateOnlyPemHasNoPrivateKey() {
    Observation o = run(new Profile.Certificate(pki("app-cert-only.pem"), null, null, null));
    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
    assertThat(o.values()).containsEntry("has-private-key", "no").doesNotContainKey("key-matches-certificate");
  }

  @Test
  void wrongPasswordIsReportedWithoutThePassword() {
    Observation o = run(pfx("app-2048.pfx"), (ref, what) -> "s3cret-Wrong!".toCharArray(), Clock.systemUTC());
    assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(o.values()).containsEntry("error", "wrong-password");
    assertThat(o.summary()).contains("environment variable " + Stubs.PASSWORD_ENV).doesNotContain("s3cret-Wrong!");
  }

  @Test
  void pfxWithAPasswordButNoneInTheProfileIsAWrongPassword() {
    Observation o = run(new Profile.Certificate(pki("app-2048.pfx"), null, null, null));
    assertThat(o.values()).containsEntry("error", "wrong-password");
    assertThat(o.summary()).contains("the profile names none");
  }

  @Test
  void unsetPasswordVariableIsPasswordUnavailableWithTheSourcesMessage() {
    SecretSource missing = (ref, what) -> {
      throw new IllegalStateException("environment variable " + ref.env() + " is not set");
    };
    Observation o = run(pfx("app-2048.pfx"), missing, Clock.systemUTC());
    assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(o.values()).containsEntry("error", "password-unavailable");
    assertThat(o.summary()).isEqualTo("environment variable " + Stubs.PASSWORD_ENV + " is not set");
  }

  @Test
  void missingFileIsFileMissing() {
    Observation o = run(new Profile.Certificate(pki("app-2048.pfx").resolveSibling("nope.pfx"), null, PASSWORD, null));
    assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(o.values()).containsEntry("error", "file-missing");
    assertThat(handedOut).isEmpty();
  }

  @Test
  void somethingElseIsUnreadable() {
    Observation o = run(new Profile.Certificate(pki("make.sh"), null, null, null));
    assertThat(o.values()).containsEntry("error", "unreadable");
  }

  @Test
  void derCertificateIsReadWithoutKey() throws Exception {
    Path der = java.nio.file.Files.createTempFile("app", ".cer");
    try {
      LoadedCertificate pem = CertificateFiles.load(new Profile.Certificate(pki("app-2048.crt"), null, null, null), secrets);
      java.nio.file.Files.write(der, pem.certificate().getEncoded());
      Observation o = run(new Profile.Certificate(der, null, null, null));
      assertThat(o.values()).containsEntry("format", "der").containsEntry("has-private-key", "no");
    } finally {
      java.nio.file.Files.deleteIfExists(der);
    }
  }

  @Test
  void notCollectedWithoutACertificate() {
    Observation o = run(null);
    assertThat(o.outcome()).isEqualTo(Outcome.NOT_COLLECTED);
    assertThat(o.summary()).contains("no certificate");
  }

  @Test
  void enteredThumbprintMatchesWhateverTheSeparatorsAndCase() {
    String thumb = APP_2048_THUMBPRINT;
    StringBuilder spaced = new StringBuilder();
    for (int i = 0; i < thumb.length(); i += 2) {
      spaced.append(thumb, i, i + 2).append(i % 4 == 0 ? " " : ":");
    }
    Observation o = run(new Profile.Certificate(pki("app-2048.pfx"), null, PASSWORD, spaced.toString().toLowerCase()));
    assertThat(o.values()).containsEntry("thumbprint-entered", thumb).containsEntry("thumbprint-matches", "yes")
        .containsEntry("thumbprint-invisible-characters", "no");
  }

  @Test
  void enteredThumbprintOfAnotherCertificateDoesNotMatch() {
    Observation o = run(new Profile.Certificate(pki("app-2048.pfx"), null, PASSWORD,
        "a1 b2 c3 d4 e5 f6 07 18 29 3a 4b 5c 6d 7e 8f 90 01 12 23 34"));
    assertThat(o.values()).containsEntry("thumbprint-entered", "A1B2C3D4E5F60718293A4B5C6D7E8F9001122334")
        .containsEntry("thumbprint-matches", "no");
    assertThat(o.summary()).contains("thumbprint differs");
  }

  @Test
  void thumbprintCopiedFromWindowsWithALeftToRightMarkStillMatches() {
    String thumb = APP_2048_THUMBPRINT;
    String copied = "\u200E" + thumb.toLowerCase().replaceAll("(..)", "$1 ").strip() + "\uFEFF";
    Observation o = run(new Profile.Certificate(pki("app-2048.pfx"), null, PASSWORD, copied));
    assertThat(o.values()).containsEntry("thumbprint-entered", thumb).containsEntry("thumbprint-matches", "yes")
        .containsEntry("thumbprint-invisible-characters", "yes");
  }

  @Test
  void loadedCertificateNeverPrintsItsKey() throws Exception {
    LoadedCertificate c = CertificateFiles.load(pfx("app-2048.pfx"), secrets);
    assertThat(c.toString()).contains("privateKey=RSA").doesNotContain("modulus").doesNotContain("exponent");
  }
}
