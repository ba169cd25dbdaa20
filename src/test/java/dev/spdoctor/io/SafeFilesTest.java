package dev.spdoctor.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeFilesTest {
  @TempDir Path dir;

  @Test
  void writesAWholeFileWithModeOwnerOnlyAndNoTemporaryFileLeft() throws Exception {
    Path target = dir.resolve("t.json");
    Files.writeString(target, "old");
    SafeFiles.write(target, "new\n");
    assertThat(Files.readString(target)).isEqualTo("new\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("t.json");
    }
  }

  @Test
  void refusesASymbolicLinkEvenADanglingOneAndLeavesItsTargetAlone() throws Exception {
    Path real = dir.resolve("real.txt");
    Files.writeString(real, "keep");
    Path link = Files.createSymbolicLink(dir.resolve("link.txt"), real);
    Path dangling = Files.createSymbolicLink(dir.resolve("dangling.txt"), dir.resolve("nowhere.txt"));
    assertThatThrownBy(() -> SafeFiles.write(link, "x")).isInstanceOf(FileWriteException.class)
        .hasMessageContaining("is a symbolic link; spdoctor never writes through a link");
    assertThatThrownBy(() -> SafeFiles.append(dangling, "x\n")).isInstanceOf(FileWriteException.class)
        .hasMessageContaining("symbolic link");
    assertThat(Files.readString(real)).isEqualTo("keep");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.exists(dir.resolve("nowhere.txt"), LinkOption.NOFOLLOW_LINKS)).isFalse();
  }

  @Test
  void refusesAFolderAndADevice() {
    assertThatThrownBy(() -> SafeFiles.write(dir, "x")).isInstanceOf(FileWriteException.class)
        .hasMessageContaining("is a folder");
    Path full = Path.of("/dev/full");
    if (Files.exists(full)) {
      assertThatThrownBy(() -> SafeFiles.write(full, "x")).isInstanceOf(FileWriteException.class)
          .hasMessageContaining("is a device or special file");
      assertThat(Files.isRegularFile(full)).isFalse();
    }
  }

  @Test
  void aFailedWriteLeavesNothingBehind() throws Exception {
    Path file = dir.resolve("plain");
    Files.writeString(file, "a file where a folder should be");
    assertThatThrownBy(() -> SafeFiles.write(file.resolve("t.json"), "x")).isInstanceOf(FileWriteException.class)
        .hasMessageStartingWith("cannot write").hasMessageContaining("Not a directory");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("plain");
    }
  }

  @Test
  void appendCreatesAnOwnerOnlyFileAndAddsWholeLines() throws Exception {
    Path log = dir.resolve("unrecognised.jsonl");
    SafeFiles.append(log, "one\n");
    SafeFiles.append(log, "two\n");
    assertThat(Files.readString(log, StandardCharsets.UTF_8)).isEqualTo("one\ntwo\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
  }

  @Test
  void createAllWritesEveryFileOrNone() throws Exception {
    Path existing = dir.resolve("b.yaml");
    Files.writeString(existing, "mine");
    Map<Path, String> files = new LinkedHashMap<>();
    files.put(dir.resolve("a.yaml"), "a");
    files.put(existing, "b");
    assertThatThrownBy(() -> SafeFiles.createAll(files)).isInstanceOf(FileWriteException.class)
        .hasMessageContaining("already exists");
    assertThat(Files.exists(dir.resolve("a.yaml"))).isFalse();
    assertThat(Files.readString(existing)).isEqualTo("mine");
  }
}
