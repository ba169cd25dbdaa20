package dev.spdoctor.probe;

import dev.spdoctor.probe.cert.CertificateFileException;
import dev.spdoctor.probe.cert.CertificateFiles;
import dev.spdoctor.probe.cert.LoadedCertificate;
import dev.spdoctor.probe.cert.Thumbprint;
import dev.spdoctor.profile.Profile;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code certificate} probe (offline): reads the app's certificate file and reports its
 * format, key, validity against the run's clock, thumbprint against the one entered, and whether
 * the private key belongs to the certificate. Keys are listed in docs/probes.md.
 */
public final class CertificateProbe implements Probe.Offline {
  public static final String ID = "certificate";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Certificate file";
  }

  @Override
  public Observation run(ProbeContext context) {
    Profile.Certificate spec = context.profile().certificate();
    if (spec == null || spec.file() == null) {
      return Observation.notCollected(ID, "the profile names no certificate file");
    }
    LoadedCertificate loaded;
    try {
      loaded = CertificateFiles.load(spec, context.secrets());
    } catch (CertificateFileException e) {
      return Observation.failed(ID, e.getMessage(), Map.of("error", e.kind().label()));
    }
    X509Certificate cert = loaded.certificate();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("format", loaded.format());
    values.put("has-private-key", yesNo(loaded.hasPrivateKey()));
    values.put("key-algorithm", cert.getPublicKey().getAlgorithm());
    int bits = CertificateFiles.keyBits(cert.getPublicKey());
    if (bits > 0) {
      values.put("key-bits", Integer.toString(bits));
    }
    Instant notBefore = cert.getNotBefore().toInstant();
    Instant notAfter = cert.getNotAfter().toInstant();
    values.put("not-before", notBefore.toString());
    values.put("not-after", notAfter.toString());
    Instant now = context.clock().instant();
    String validity = now.isBefore(notBefore) ? "not-yet-valid" : now.isAfter(notAfter) ? "expired" : "valid";
    values.put("validity", validity);
    String thumbprint = Thumbprint.of(cert);
    values.put("thumbprint", thumbprint);
    if (spec.thumbprint() != null && !spec.thumbprint().isBlank()) {
      String entered = Thumbprint.normalise(spec.thumbprint());
      values.put("thumbprint-entered", entered);
      values.put("thumbprint-matches", yesNo(entered.equals(thumbprint)));
      values.put("thumbprint-invisible-characters", yesNo(Thumbprint.hasInvisible(spec.thumbprint())));
    }
    if (loaded.hasPrivateKey()) {
      values.put("key-matches-certificate", yesNo(CertificateFiles.keyMatches(loaded.privateKey(), cert)));
    }
    values.put("subject", cert.getSubjectX500Principal().getName());
    return Observation.collected(ID, summary(loaded, bits, validity, values), values);
  }

  private static String summary(LoadedCertificate loaded, int bits, String validity, Map<String, String> values) {
    StringBuilder s = new StringBuilder();
    s.append(values.get("subject")).append(", ").append(values.get("key-algorithm"));
    if (bits > 0) {
      s.append(' ').append(bits);
    }
    s.append(", ").append(validity.replace('-', ' '));
    if ("expired".equals(validity)) {
      s.append(" since ").append(values.get("not-after"));
    }
    s.append(loaded.hasPrivateKey() ? ", with private key" : ", no private key");
    if ("no".equals(values.get("key-matches-certificate"))) {
      s.append(" (which does not belong to it)");
    }
    if (values.containsKey("thumbprint-matches")) {
      s.append("yes".equals(values.get("thumbprint-matches")) ? ", thumbprint matches" : ", thumbprint differs");
    }
    return s.toString();
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }
}
