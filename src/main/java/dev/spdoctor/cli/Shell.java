package dev.spdoctor.cli;

import java.util.regex.Pattern;

/** Writes an argument so that the user's shell (PowerShell on Windows, a POSIX shell elsewhere) reads it back unchanged. */
final class Shell {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+=,\\\\-]+");

  private Shell() {}

  static boolean windows() {
    return System.getProperty("os.name", "").startsWith("Windows");
  }

  /** {@code arg}, quoted only when it needs to be. */
  static String quote(String arg) {
    if (!arg.isEmpty() && PLAIN.matcher(arg).matches() && !(arg.contains("\\") && !windows())) {
      return arg;
    }
    return windows() ? "'" + arg.replace("'", "''") + "'" : "'" + arg.replace("'", "'\\''") + "'";
  }
}
