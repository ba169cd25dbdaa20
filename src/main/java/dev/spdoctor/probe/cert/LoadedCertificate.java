package dev.spdoctor.probe.cert;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The app's certificate as read from its file by {@link CertificateFiles}.
 *
 * @param format {@code pkcs12}, {@code pem} or {@code der}
 * @param certificate the app's own certificate (the one whose key signs)
 * @param chain the certificate followed by any others the file holds; never empty
 * @param privateKey the private key, or null when the file holds none
 */
public record LoadedCertificate(String format, X509Certificate certificate, List<X509Certificate> chain,
    PrivateKey privateKey) {

  public LoadedCertificate {
    if (format == null) {
      throw new NullPointerException("format == null");
    }
    if (certificate == null) {
      throw new NullPointerException("certificate == null");
    }
    chain = chain == null || chain.isEmpty() ? List.of(certificate) : List.copyOf(chain);
  }

  public boolean hasPrivateKey() {
    return privateKey != null;
  }

  /** Names the certificate, never the key (a JDK key's own toString may print its private parts). */
  @Override
  public String toString() {
    return "LoadedCertificate[format=" + format + ", subject=" + certificate.getSubjectX500Principal().getName()
        + ", chain=" + chain.size() + ", privateKey=" + (privateKey == null ? "none" : privateKey.getAlgorithm()) + "]";
  }
}
