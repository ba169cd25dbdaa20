package dev.spdoctor.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one writer for every file spdoctor writes (transcripts, --unrecognised-out, kb docs, kb new).
 * It refuses a path that is a folder, a device or other special file, or a symbolic link (so
 * nothing is ever written through a link or onto a device); it writes a whole file to a
 * temporary file in the same folder, created with mode 0600, and renames it over the target
 * atomically; and it removes the temporary file on every failure, so a failed write leaves
 * nothing half-written. Failures are {@link FileWriteException}s (exit 73).
 */
public final class SafeFiles {
  private static final FileAttribute<?>[] OWNER_ONLY = ownerOnly();

  private SafeFiles() {}

  /** Replaces {@code target} with {@code content} (UTF-8), atomically. */
  public static void write(Path target, String content) {
    write(target, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Replaces {@code target} with {@code content}, atomically. */
  public static void write(Path target, byte[] content) {
    Path file = target.toAbsolutePath();
    refuseUnsafe(file);
    Path folder = folderOf(file);
    Path tmp = null;
    try {
      tmp = Files.createTempFile(folder, "." + file.getFileName() + ".", ".tmp", OWNER_ONLY);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        writeFully(ch, content);
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
    } catch (IOException e) {
      throw new FileWriteException("cannot write " + target + ": " + reason(e) + "; nothing was written");
    } finally {
      deleteQuietly(tmp);
    }
  }

  /**
   * Writes several new files as one: all of them, or (on any failure) none. Refuses when any of
   * them already exists.
   */
  public static void createAll(Map<Path, String> files) {
    for (Path p : files.keySet()) {
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        throw new FileWriteException(p + " already exists; spdoctor does not overwrite it");
      }
    }
    List<Path> written = new ArrayList<>();
    try {
      for (Map.Entry<Path, String> f : files.entrySet()) {
        write(f.getKey(), f.getValue());
        written.add(f.getKey());
      }
    } catch (FileWriteException e) {
      written.forEach(SafeFiles::deleteQuietly);
      throw e;
    }
  }

  /**
   * Appends {@code line} (UTF-8) to {@code target} in one write, creating the file with mode 0600.
   * Never follows a symbolic link; on a failed write the file is cut back to its old length, so it
   * never holds half a line.
   */
  public static void append(Path target, String line) {
    Path file = target.toAbsolutePath();
    refuseUnsafe(file);
    folderOf(file);
    OpenOption[] options = {StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS};
    try (FileChannel ch = FileChannel.open(file, Set.of(options), OWNER_ONLY)) {
      refuseUnsafe(file); // the same check once open: nothing swapped in between
      long before = ch.size();
      try {
        writeFully(ch, line.getBytes(StandardCharsets.UTF_8));
        ch.force(true);
      } catch (IOException e) {
        try {
          ch.truncate(before);
        } catch (IOException ignored) {
          // the write error below is the one to report
        }
        throw e;
      }
    } catch (IOException e) {
      throw new FileWriteException("cannot append to " + target + ": " + reason(e) + "; nothing was appended");
    }
  }

  /**
   * Checks, before any work that would be lost, that {@code target} could be written: not a link,
   * folder or device, and its nearest existing folder is a folder spdoctor may write in. The write
   * itself checks again.
   */
  public static void checkTarget(Path target) {
    Path file = target.toAbsolutePath();
    refuseUnsafe(file);
    Path folder = file.getParent();
    while (folder != null && !Files.exists(folder)) {
      folder = folder.getParent();
    }
    if (folder == null) {
      throw new FileWriteException("cannot write " + target + ": it has no folder");
    }
    if (!Files.isDirectory(folder)) {
      throw new FileWriteException("cannot write " + target + ": " + folder + " is not a folder");
    }
    if (!Files.isWritable(folder)) {
      throw new FileWriteException("cannot write " + target + ": permission denied in " + folder);
    }
  }

  /** Refuses a path that is a symbolic link, a folder, or anything but a regular file. */
  public static void refuseUnsafe(Path file) {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException e) {
      throw new FileWriteException("cannot write " + file + ": " + reason(e));
    }
    if (a.isSymbolicLink()) {
      throw new FileWriteException(file + " is a symbolic link; spdoctor never writes through a link:"
          + " give the path of a regular file");
    }
    if (a.isDirectory()) {
      throw new FileWriteException(file + " is a folder; give the path of a file to write");
    }
    if (!a.isRegularFile()) {
      throw new FileWriteException(file + " is a device or special file, not a regular file; give the path of"
          + " a regular file to write");
    }
  }

  private static Path folderOf(Path file) {
    Path folder = file.getParent();
    if (folder == null) {
      throw new FileWriteException("cannot write " + file + ": it has no folder");
    }
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new FileWriteException("cannot create the folder " + folder + ": " + reason(e));
    }
    return folder;
  }

  private static void writeFully(FileChannel ch, byte[] content) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(content);
    while (buf.hasRemaining()) {
      ch.write(buf);
    }
  }

  private static void deleteQuietly(Path p) {
    if (p == null) {
      return;
    }
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // best effort: the failure being reported matters more
    }
  }

  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static FileAttribute<?>[] ownerOnly() {
    boolean posix = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
        : new FileAttribute<?>[0];
  }
}
