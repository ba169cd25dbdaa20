package dev.spdoctor.probe;

import dev.spdoctor.probe.cert.CertificateFileException;
import dev.spdoctor.probe.cert.CertificateFiles;
import dev.spdoctor.probe.cert.LoadedCertificate;
import dev.spdoctor.profile.Profile;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code certificate} probe (offline): reads the app's certificate file and reports its
 * format, key, validity against the run's clock, thumbprint against the one entered, and whether
 * the private key belongs to the certificate. Keys are listed in docs/probes.md.
 */
public final class CertificateProbe implements Probe {
  public static final String ID = "certificate";

  /** Separators people paste with a thumbprint (spaces, colons, hyphens). */
  private static final Pattern SEPARATORS = Pattern.compile("[\\s:\\-\\u00A0]");
  /**
   * Invisible characters that come along when a thumbprint is copied from Windows' certificate
   * dialog (a left-to-right mark before the first digit is the classic) or from other text.
   */
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2069\\uFEFF]");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Certificate file";
  }

  @Override
  public boolean network() {
    return false;
  }

  @Override
  public List<PlannedRequest> plan(ProbeContext context) {
    return List.of();
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
    String thumbprint = thumbprint(cert);
    values.put("thumbprint", thumbprint);
    if (spec.thumbprint() != null && !spec.thumbprint().isBlank()) {
      String entered = normaliseThumbprint(spec.thumbprint());
      values.put("thumbprint-entered", entered);
      values.put("thumbprint-matches", yesNo(entered.equals(thumbprint)));
      values.put("thumbprint-invisible-characters", yesNo(INVISIBLE.matcher(spec.thumbprint()).find()));
    }
    if (loaded.hasPrivateKey()) {
      values.put("key-matches-certificate", yesNo(CertificateFiles.keyMatches(loaded.privateKey(), cert)));
    }
    values.put("subject", cert.getSubjectX500Principal().getName());
    return Observation.collected(ID, summary(loaded, bits, validity, values), values);
  }

  /** SHA-1 of the certificate's DER, upper-case hex without separators, as Windows shows it. */
  public static String thumbprint(X509Certificate cert) {
    try {
      return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(cert.getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot compute the thumbprint: " + e.getMessage(), e);
    }
  }

  /** A thumbprint as entered, without separators or invisible characters, in upper case. */
  public static String normaliseThumbprint(String entered) {
    String s = INVISIBLE.matcher(entered).replaceAll("");
    return SEPARATORS.matcher(s).replaceAll("").toUpperCase(Locale.ROOT);
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
