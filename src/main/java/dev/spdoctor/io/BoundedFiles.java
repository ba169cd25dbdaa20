package dev.spdoctor.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one way spdoctor reads a whole file: only a regular file (never a folder, a device such as
 * the endless zero device, or a pipe), and never more than a stated size, so no input can run
 * the JVM out of memory. Failures are {@link IOException}s whose message is a clear sentence.
 */
public final class BoundedFiles {
  /** Limits for the files spdoctor reads. */
  public static final int PASTE = 5 * 1024 * 1024;
  /** A profile, an answers file, a transcript's YAML or JSON, a knowledge-base file. */
  public static final int SMALL_DOCUMENT = 1024 * 1024;
  /** A certificate, a key, a trust store. */
  public static final int CERTIFICATE = 1024 * 1024;
  /** A file holding one secret. */
  public static final int SECRET = 64 * 1024;
  /** A transcript (texts of up to 5 MiB each, and a report). */
  public static final int TRANSCRIPT = 16 * 1024 * 1024;

  private BoundedFiles() {}

  /** A file that cannot be read whole: the message says why, {@link #file} which. */
  public abstract static class RefusedException extends IOException {
    private final transient Path file;

    RefusedException(Path file, String message) {
      super(message);
      this.file = file;
    }

    public Path file() {
      return file;
    }
  }

  /** The file is not a regular file. */
  public static final class NotAFileException extends RefusedException {
    NotAFileException(Path file, String message) {
      super(file, message);
    }
  }

  /** The file is larger than the limit. */
  public static final class TooLargeException extends RefusedException {
    TooLargeException(Path file, String message) {
      super(file, message);
    }
  }

  /**
   * Reads all of {@code file}, following a symbolic link to a regular file.
   *
   * @throws NoSuchFileException when it does not exist
   * @throws NotAFileException when it is a folder, a device, a pipe or a socket
   * @throws TooLargeException when it holds more than {@code max} bytes
   */
  public static byte[] read(Path file, int max) throws IOException {
    checkRegular(file);
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    if (a.size() > max) {
      throw tooLarge(file, max);
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(max + 1);
    }
    if (bytes.length > max) {
      throw tooLarge(file, max);
    }
    return bytes;
  }

  /** Refuses anything but an existing regular file (after following links). */
  public static void checkRegular(Path file) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    if (a.isDirectory()) {
      throw new NotAFileException(file, "it is a folder, not a file");
    }
    if (!a.isRegularFile()) {
      throw new NotAFileException(file, "it is a device, pipe or other special file, not a regular file");
    }
  }

  /** A limit written for people: {@code 5 MiB}, {@code 64 KiB}. */
  public static String size(long bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MiB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + " KiB";
    }
    return bytes + " bytes";
  }

  private static TooLargeException tooLarge(Path file, int max) {
    return new TooLargeException(file, "it is larger than " + size(max) + ", too large for what it should hold");
  }
}
