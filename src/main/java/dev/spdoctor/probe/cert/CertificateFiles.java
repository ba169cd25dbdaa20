package dev.spdoctor.probe.cert;

import dev.spdoctor.profile.SecretSource;
import dev.spdoctor.probe.cert.CertificateFileException.Kind;
import dev.spdoctor.profile.Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Reads the app's certificate and private key with the JDK alone: a PKCS#12 file (.pfx/.p12), or
 * PEM with a {@code CERTIFICATE} and a {@code PRIVATE KEY} (PKCS#8), {@code RSA PRIVATE KEY}
 * (PKCS#1) or {@code ENCRYPTED PRIVATE KEY} (PKCS#8, PBES2), the key in the same file or in the
 * profile's {@code key-file}. A DER certificate (.cer) is read too, and has no key.
 *
 * <p>The password is read from the profile's secret reference only when needed, and cleared
 * after use. Failures are {@link CertificateFileException}s whose kind the certificate probe
 * reports.
 */
public final class CertificateFiles {
  private static final long MAX_BYTES = 1 << 20;
  private static final Pattern PEM_BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
  /** AlgorithmIdentifier of rsaEncryption with NULL parameters, for wrapping PKCS#1 into PKCS#8. */
  private static final byte[] RSA_ALGORITHM_ID = {
    0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
  private static final String PBES2_OID = "1.2.840.113549.1.5.13";

  private CertificateFiles() {}

  /**
   * Loads the certificate a profile names.
   *
   * @param spec the profile's certificate; its file must be set
   * @param secrets where the password is read from when the profile names one
   * @throws CertificateFileException when the file cannot be used; its kind says why
   */
  public static LoadedCertificate load(Profile.Certificate spec, SecretSource secrets) throws CertificateFileException {
    if (spec == null) {
      throw new NullPointerException("spec == null");
    }
    if (secrets == null) {
      throw new NullPointerException("secrets == null");
    }
    if (spec.file() == null) {
      throw new CertificateFileException(Kind.FILE_MISSING, "the profile names no certificate file");
    }
    Password password = new Password(spec, secrets);
    try {
      byte[] bytes = read(spec.file(), "certificate file");
      LoadedCertificate loaded;
      if (looksLikePem(bytes)) {
        loaded = pem(spec.file(), bytes, password);
      } else {
        loaded = pkcs12OrDer(spec.file(), bytes, password);
      }
      if (loaded.privateKey() == null && spec.keyFile() != null) {
        byte[] keyBytes = read(spec.keyFile(), "key file");
        PrivateKey key = pemKey(spec.keyFile(), text(keyBytes), loaded.certificate(), password);
        if (key == null) {
          throw new CertificateFileException(Kind.UNREADABLE, "the key file " + spec.keyFile() + " holds no private key");
        }
        loaded = new LoadedCertificate(loaded.format(), loaded.certificate(), loaded.chain(), key);
      }
      return loaded;
    } finally {
      password.clear();
    }
  }

  /** Whether the private key belongs to the certificate: RSA moduli compared, other keys by signing and verifying. */
  public static boolean keyMatches(PrivateKey key, X509Certificate certificate) {
    PublicKey pub = certificate.getPublicKey();
    if (key instanceof RSAKey rk && pub instanceof RSAKey rp) {
      return rk.getModulus().equals(rp.getModulus());
    }
    if (!key.getAlgorithm().equals(pub.getAlgorithm())) {
      return false;
    }
    String algorithm = switch (key.getAlgorithm()) {
      case "EC" -> "SHA256withECDSA";
      case "DSA" -> "SHA256withDSA";
      default -> key.getAlgorithm();
    };
    try {
      byte[] data = "spdoctor key check".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(data);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(pub);
      verifier.update(data);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  /** The key size in bits: the RSA modulus, or the EC group order; -1 when unknown. */
  public static int keyBits(PublicKey key) {
    if (key instanceof RSAKey r) {
      return r.getModulus().bitLength();
    }
    if (key instanceof ECKey e) {
      return e.getParams().getOrder().bitLength();
    }
    if (key instanceof java.security.interfaces.DSAKey d && d.getParams() != null) {
      return d.getParams().getP().bitLength();
    }
    return -1;
  }

  private static byte[] read(Path file, String what) throws CertificateFileException {
    try {
      if (Files.isDirectory(file)) {
        throw new CertificateFileException(Kind.UNREADABLE, "the " + what + " " + file + " is a folder");
      }
      return dev.spdoctor.io.BoundedFiles.read(file, (int) Math.min(MAX_BYTES, Integer.MAX_VALUE - 8));
    } catch (dev.spdoctor.io.BoundedFiles.TooLargeException e) {
      throw new CertificateFileException(Kind.UNREADABLE, "the " + what + " " + file + " is too large to be one");
    } catch (dev.spdoctor.io.BoundedFiles.NotAFileException e) {
      throw new CertificateFileException(Kind.UNREADABLE, "the " + what + " " + file + " cannot be read: " + e.getMessage());
    } catch (NoSuchFileException e) {
      throw new CertificateFileException(Kind.FILE_MISSING, "the " + what + " " + file + " does not exist");
    } catch (AccessDeniedException e) {
      throw new CertificateFileException(Kind.UNREADABLE, "the " + what + " " + file + " cannot be read (access denied)");
    } catch (IOException e) {
      throw new CertificateFileException(Kind.UNREADABLE, "the " + what + " " + file + " cannot be read: " + e.getMessage());
    }
  }

  private static boolean looksLikePem(byte[] bytes) {
    return text(bytes).contains("-----BEGIN ");
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  // ---- PKCS#12 ----

  private static LoadedCertificate pkcs12OrDer(Path file, byte[] bytes, Password password) throws CertificateFileException {
    KeyStore store;
    char[] pw = password.forPkcs12();
    try {
      store = KeyStore.getInstance("PKCS12");
      store.load(new ByteArrayInputStream(bytes), pw);
    } catch (IOException e) {
      if (isWrongPassword(e)) {
        throw wrongPassword(file, password);
      }
      X509Certificate der = derCertificate(bytes);
      if (der != null) {
        return new LoadedCertificate("der", der, List.of(der), null);
      }
      throw new CertificateFileException(Kind.UNREADABLE, file + " is neither a PKCS#12 (.pfx) file nor PEM ("
          + oneLine(e.getMessage()) + ")");
    } catch (GeneralSecurityException e) {
      throw new CertificateFileException(Kind.UNREADABLE, file + " cannot be read as PKCS#12: " + oneLine(e.getMessage()));
    }
    try {
      List<String> aliases = Collections.list(store.aliases());
      if (aliases.isEmpty()) {
        throw new CertificateFileException(Kind.NO_ENTRIES, file + " holds no entries Java can use: a .pfx exported"
            + " without its private key (certificate only) looks like this");
      }
      X509Certificate certOnly = null;
      for (String alias : aliases) {
        if (store.isKeyEntry(alias) && store.getKey(alias, pw) instanceof PrivateKey key) {
          List<X509Certificate> chain = x509(store.getCertificateChain(alias));
          if (chain.isEmpty()) {
            continue;
          }
          return new LoadedCertificate("pkcs12", chain.get(0), chain, key);
        }
        if (certOnly == null && store.getCertificate(alias) instanceof X509Certificate c) {
          certOnly = c;
        }
      }
      if (certOnly == null) {
        throw new CertificateFileException(Kind.NO_ENTRIES, file + " holds no X.509 certificate");
      }
      return new LoadedCertificate("pkcs12", certOnly, List.of(certOnly), null);
    } catch (UnrecoverableKeyException e) {
      throw new CertificateFileException(Kind.WRONG_PASSWORD, "the private key in " + file
          + " has another password than the file");
    } catch (GeneralSecurityException e) {
      throw new CertificateFileException(Kind.UNREADABLE, file + ": " + oneLine(e.getMessage()));
    }
  }

  private static boolean isWrongPassword(IOException e) {
    return e.getCause() instanceof UnrecoverableKeyException
        || String.valueOf(e.getMessage()).contains("password was incorrect");
  }

  private static CertificateFileException wrongPassword(Path file, Password password) {
    if (password.named()) {
      return new CertificateFileException(Kind.WRONG_PASSWORD, "the password from " + password.where()
          + " does not open " + file);
    }
    return new CertificateFileException(Kind.WRONG_PASSWORD, file + " has a password and the profile names none"
        + " (certificate.password)");
  }

  private static X509Certificate derCertificate(byte[] bytes) {
    try {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(bytes));
    } catch (GeneralSecurityException | RuntimeException e) {
      return null;
    }
  }

  private static List<X509Certificate> x509(Certificate[] chain) {
    List<X509Certificate> out = new ArrayList<>();
    if (chain != null) {
      for (Certificate c : chain) {
        if (c instanceof X509Certificate x) {
          out.add(x);
        }
      }
    }
    return out;
  }

  // ---- PEM ----

  private static LoadedCertificate pem(Path file, byte[] bytes, Password password) throws CertificateFileException {
    String text = text(bytes);
    List<X509Certificate> certs = new ArrayList<>();
    Matcher m = PEM_BLOCK.matcher(text);
    while (m.find()) {
      if ("CERTIFICATE".equals(m.group(1))) {
        try {
          certs.add((X509Certificate) CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(decode(file, m.group(1), m.group(2)))));
        } catch (GeneralSecurityException e) {
          throw new CertificateFileException(Kind.UNREADABLE, "a CERTIFICATE in " + file + " is damaged: "
              + oneLine(e.getMessage()));
        }
      }
    }
    if (certs.isEmpty()) {
      throw new CertificateFileException(Kind.UNREADABLE, file + " holds no PEM CERTIFICATE block");
    }
    PrivateKey key = pemKey(file, text, certs.get(0), password);
    X509Certificate leaf = certs.get(0);
    if (key != null) {
      for (X509Certificate c : certs) {
        if (keyMatches(key, c)) {
          leaf = c;
          break;
        }
      }
    }
    Set<X509Certificate> chain = new LinkedHashSet<>();
    chain.add(leaf);
    chain.addAll(certs);
    return new LoadedCertificate("pem", leaf, new ArrayList<>(chain), key);
  }

  /** The first private key in PEM text, or null when there is none. */
  private static PrivateKey pemKey(Path file, String text, X509Certificate cert, Password password)
      throws CertificateFileException {
    Matcher m = PEM_BLOCK.matcher(text);
    while (m.find()) {
      String type = m.group(1);
      switch (type) {
        case "PRIVATE KEY":
          return pkcs8(file, decode(file, type, m.group(2)), cert);
        case "RSA PRIVATE KEY":
          if (m.group(2).contains("Proc-Type:")) {
            throw legacyEncrypted(file);
          }
          return pkcs8(file, pkcs1ToPkcs8(decode(file, type, m.group(2))), cert);
        case "ENCRYPTED PRIVATE KEY":
          return encryptedPkcs8(file, decode(file, type, m.group(2)), cert, password);
        case "EC PRIVATE KEY":
          if (m.group(2).contains("Proc-Type:")) {
            throw legacyEncrypted(file);
          }
          throw new CertificateFileException(Kind.UNREADABLE, "the EC PRIVATE KEY (SEC1) in " + file + " is not"
              + " supported; convert it to PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
        default:
          if (type.endsWith("PRIVATE KEY")) {
            throw new CertificateFileException(Kind.UNREADABLE, "the " + type + " in " + file + " is not supported;"
                + " convert it to PKCS#8 with openssl pkcs8 -topk8");
          }
      }
    }
    return null;
  }

  private static CertificateFileException legacyEncrypted(Path file) {
    return new CertificateFileException(Kind.UNREADABLE, "the key in " + file + " is encrypted the legacy OpenSSL way"
        + " (Proc-Type: 4,ENCRYPTED), which is not supported; convert it with: openssl pkcs8 -topk8 -in KEY -out KEY.pk8");
  }

  private static byte[] decode(Path file, String type, String body) throws CertificateFileException {
    StringBuilder b64 = new StringBuilder();
    for (String line : body.split("\\R")) {
      if (!line.contains(":")) {
        b64.append(line.strip());
      }
    }
    try {
      return Base64.getMimeDecoder().decode(b64.toString());
    } catch (IllegalArgumentException e) {
      throw new CertificateFileException(Kind.UNREADABLE, "the " + type + " block in " + file + " is not valid Base64");
    }
  }

  private static PrivateKey pkcs8(Path file, byte[] der, X509Certificate cert) throws CertificateFileException {
    List<String> algorithms = new ArrayList<>();
    if (cert != null) {
      algorithms.add(cert.getPublicKey().getAlgorithm());
    }
    algorithms.addAll(List.of("RSA", "EC", "Ed25519", "Ed448", "DSA", "RSASSA-PSS"));
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    try {
      for (String algorithm : new LinkedHashSet<>(algorithms)) {
        try {
          return KeyFactory.getInstance(algorithm).generatePrivate(spec);
        } catch (InvalidKeySpecException | NoSuchAlgorithmException e) {
          // not this algorithm; try the next
        }
      }
    } finally {
      Arrays.fill(der, (byte) 0);
    }
    throw new CertificateFileException(Kind.UNREADABLE, "the private key in " + file + " is damaged or of an unknown kind");
  }

  /** Wraps a PKCS#1 RSAPrivateKey into a PKCS#8 PrivateKeyInfo: version 0, rsaEncryption, the key as an OCTET STRING. */
  static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0x02, 0x01, 0x00});
    body.writeBytes(RSA_ALGORITHM_ID);
    byte[] octets = derElement(0x04, pkcs1);
    body.writeBytes(octets);
    byte[] inner = body.toByteArray();
    byte[] out = derElement(0x30, inner);
    Arrays.fill(octets, (byte) 0);
    Arrays.fill(inner, (byte) 0);
    Arrays.fill(pkcs1, (byte) 0);
    return out;
  }

  private static byte[] derElement(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
    out.write(tag);
    int n = content.length;
    if (n < 0x80) {
      out.write(n);
    } else if (n <= 0xff) {
      out.write(0x81);
      out.write(n);
    } else if (n <= 0xffff) {
      out.write(0x82);
      out.write(n >> 8);
      out.write(n & 0xff);
    } else {
      out.write(0x83);
      out.write(n >> 16);
      out.write((n >> 8) & 0xff);
      out.write(n & 0xff);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static PrivateKey encryptedPkcs8(Path file, byte[] der, X509Certificate cert, Password password)
      throws CertificateFileException {
    EncryptedPrivateKeyInfo info;
    String algorithm;
    AlgorithmParameters params;
    try {
      info = new EncryptedPrivateKeyInfo(der);
      params = info.getAlgParameters();
      String name = info.getAlgName();
      boolean pbes2 = "PBES2".equalsIgnoreCase(name) || PBES2_OID.equals(name);
      // For PBES2 the JDK names the whole scheme only through the parameters: PBEWithHmacSHA256AndAES_256
      algorithm = pbes2 && params != null ? params.toString() : name;
    } catch (IOException e) {
      throw new CertificateFileException(Kind.UNREADABLE, "the ENCRYPTED PRIVATE KEY in " + file + " is damaged");
    }
    char[] pw = password.forKey(file);
    PBEKeySpec keySpec = new PBEKeySpec(pw);
    try {
      SecretKey secret = SecretKeyFactory.getInstance(algorithm).generateSecret(keySpec);
      Cipher cipher = Cipher.getInstance(algorithm);
      cipher.init(Cipher.DECRYPT_MODE, secret, params);
      PKCS8EncodedKeySpec plain;
      try {
        plain = info.getKeySpec(cipher);
      } catch (InvalidKeySpecException e) {
        throw wrongPassword(file, password);
      }
      try {
        return pkcs8(file, plain.getEncoded(), cert);
      } catch (CertificateFileException e) {
        // a wrong password can, rarely, decrypt to well-padded garbage
        throw wrongPassword(file, password);
      }
    } catch (NoSuchAlgorithmException e) {
      throw new CertificateFileException(Kind.UNREADABLE, "the key in " + file + " is encrypted with " + algorithm
          + ", which Java does not support");
    } catch (GeneralSecurityException e) {
      throw new CertificateFileException(Kind.UNREADABLE, "the key in " + file + " cannot be decrypted: "
          + oneLine(e.getMessage()));
    } finally {
      keySpec.clearPassword();
    }
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").strip();
  }

  /** The password, read at most once from its source when needed, and cleared at the end. */
  private static final class Password {
    private final Profile.Certificate spec;
    private final SecretSource secrets;
    private char[] value;

    Password(Profile.Certificate spec, SecretSource secrets) {
      this.spec = spec;
      this.secrets = secrets;
    }

    boolean named() {
      return spec.password() != null;
    }

    String where() {
      return spec.password() == null ? "nowhere" : spec.password().describe();
    }

    /** The password, or an empty one when the profile names none (a .pfx exported without a password). */
    char[] forPkcs12() throws CertificateFileException {
      return named() ? value() : new char[0];
    }

    /** The password for an encrypted key; the profile must name one. */
    char[] forKey(Path file) throws CertificateFileException {
      if (!named()) {
        throw new CertificateFileException(Kind.PASSWORD_UNAVAILABLE, "the private key in " + file
            + " is encrypted and the profile names no password (certificate.password)");
      }
      return value();
    }

    private char[] value() throws CertificateFileException {
      if (value == null) {
        try {
          char[] read = secrets.read(spec.password(), "certificate password");
          value = read == null ? new char[0] : read;
        } catch (IllegalStateException e) {
          throw new CertificateFileException(Kind.PASSWORD_UNAVAILABLE, e.getMessage());
        }
      }
      return value;
    }

    void clear() {
      if (value != null) {
        Arrays.fill(value, '\0');
      }
    }
  }
}
