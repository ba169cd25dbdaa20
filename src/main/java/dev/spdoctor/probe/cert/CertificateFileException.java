package dev.spdoctor.probe.cert;

/**
 * Why the app's certificate file cannot be used. The message says it for people and never holds
 * the password.
 */
public final class CertificateFileException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What went wrong, in the words the {@code certificate} probe reports as {@code error}. */
  public enum Kind {
    /** The file (or the key file) does not exist. */
    FILE_MISSING("file-missing"),
    /** The password does not open the file or the key. */
    WRONG_PASSWORD("wrong-password"),
    /** The password could not be read (an unset environment variable, an unreadable file). */
    PASSWORD_UNAVAILABLE("password-unavailable"),
    /** A PKCS#12 file in which Java sees nothing (a certificate exported without its key). */
    NO_ENTRIES("no-entries"),
    /** Anything else: not a certificate file, a key format not supported, a damaged file. */
    UNREADABLE("unreadable");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final Kind kind;

  public CertificateFileException(Kind kind, String message) {
    super(message);
    if (kind == null) {
      throw new NullPointerException("kind == null");
    }
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
