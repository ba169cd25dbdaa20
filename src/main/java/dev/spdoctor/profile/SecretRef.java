package dev.spdoctor.profile;

import java.nio.file.Path;

/**
 * Where a secret is read from: an environment variable, a file, or a prompt on the terminal. A
 * profile never holds a secret as text.
 *
 * @param env the environment variable's name, or null
 * @param file a file whose content (without a trailing line break) is the secret, or null
 * @param prompt whether to ask for it on the terminal
 */
public record SecretRef(String env, Path file, boolean prompt) {
  public SecretRef {
    int ways = (env != null ? 1 : 0) + (file != null ? 1 : 0) + (prompt ? 1 : 0);
    if (ways != 1) {
      throw new IllegalArgumentException("a secret comes from exactly one of env, file or prompt, not " + ways);
    }
  }

  /** Where it comes from, for messages: never the secret itself. */
  public String describe() {
    if (env != null) {
      return "environment variable " + env;
    }
    if (file != null) {
      return "file " + file;
    }
    return "prompt";
  }
}
