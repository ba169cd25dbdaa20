package dev.spdoctor.probe.cert;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** A certificate's thumbprint as Windows shows it, and a thumbprint as a person entered it. */
public final class Thumbprint {
  /** Separators people paste with a thumbprint (spaces, colons, hyphens). */
  private static final Pattern SEPARATORS = Pattern.compile("[\\s:\\-\\u00A0]");
  /**
   * Invisible characters that come along when a thumbprint is copied from Windows' certificate
   * dialog (a left-to-right mark before the first digit is the classic) or from other text.
   */
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2069\\uFEFF]");

  private Thumbprint() {}

  /** SHA-1 of the certificate's DER, upper-case hex without separators, as Windows shows it. */
  public static String of(X509Certificate cert) {
    try {
      return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(cert.getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot compute the thumbprint: " + e.getMessage(), e);
    }
  }

  /** A thumbprint as entered, without separators or invisible characters, in upper case. */
  public static String normalise(String entered) {
    String s = INVISIBLE.matcher(entered).replaceAll("");
    return SEPARATORS.matcher(s).replaceAll("").toUpperCase(Locale.ROOT);
  }

  /** Whether the entered thumbprint carries invisible characters (copied from a dialog). */
  public static boolean hasInvisible(String entered) {
    return INVISIBLE.matcher(entered).find();
  }
}
