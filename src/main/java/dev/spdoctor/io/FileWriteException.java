package dev.spdoctor.io;

/**
 * A file spdoctor was asked to write was refused (a folder, a device, a symbolic link) or could
 * not be written; nothing was left behind. Exit code 73 (docs/cli.md).
 */
public final class FileWriteException extends RuntimeException {
  public FileWriteException(String message) {
    super(message);
  }
}
