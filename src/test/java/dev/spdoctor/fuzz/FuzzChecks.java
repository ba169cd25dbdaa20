package dev.spdoctor.fuzz;

import dev.spdoctor.text.Visible;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared helpers of the fuzz targets: a scratch file, and the invariants every output keeps. */
final class FuzzChecks {
  private static Path scratch;

  private FuzzChecks() {}

  /** {@code data} in a scratch file (one per JVM, rewritten for each input). */
  static synchronized Path file(byte[] data, String suffix) {
    try {
      if (scratch == null) {
        scratch = Files.createTempDirectory("spdoctor-fuzz");
        scratch.toFile().deleteOnExit();
      }
      Path f = scratch.resolve("input" + suffix);
      Files.write(f, data);
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A message for people: no control character may reach a terminal through it, and no library
   * internals, unless the input itself held those words (a message may quote what was given).
   */
  static void printable(String message, byte[] input) {
    if (message == null) {
      throw new AssertionError("a refusal without a message");
    }
    String shown = Visible.of(message);
    for (int i = 0; i < shown.length(); i++) {
      if (Visible.unsafe(shown.charAt(i))) {
        throw new AssertionError("Visible.of left U+" + Integer.toHexString(shown.charAt(i)));
      }
    }
    String given = new String(input, java.nio.charset.StandardCharsets.ISO_8859_1);
    if (message.contains("com.fasterxml") && !given.contains("com.fasterxml")
        || message.contains("StreamReadConstraints") && !given.contains("StreamReadConstraints")) {
      throw new AssertionError("library internals in a message: " + message);
    }
  }
}
