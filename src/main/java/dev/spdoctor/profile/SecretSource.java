package dev.spdoctor.profile;


/** Reads a secret a profile points at (environment, file or prompt). Implementations never log it. */
public interface SecretSource {
  /**
   * The secret, as characters the caller clears after use.
   *
   * @throws IllegalStateException when it cannot be read: the message says where it was looked for
   */
  char[] read(SecretRef ref, String what);
}
