package dev.spdoctor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes ./spdoctor's start-up archive at build time, after the jar and target/lib: one training run
 * of {@code diagnose --error} with the JVM options of src/dist/jvm.options, dumping a class-data-sharing
 * archive ({@code spdoctor.jsa}, Java 17 to 24) or an AOT cache ({@code spdoctor.aot}, JEP 483/514,
 * Java 25 or later) for the Java that ./spdoctor runs. The repository launcher then only finds
 * Java, builds when the sources changed (or runs this step alone when the archive was made for
 * another Java), and runs. The key file beside the archive ({@code spdoctor.jsa.key},
 * {@code spdoctor.aot.key}) names the Java it fits; the launcher uses the archive only for that Java.
 *
 * <p>Usage: {@code CdsTraining JAVA JAR SRC-DIST OUT-DIR}. A failed training run is reported and
 * leaves no archive (spdoctor then starts without one); it never fails the build.
 */
public final class CdsTraining {
  private CdsTraining() {}

  /** The text of the training diagnosis: a message every knowledge base since the first knows. */
  static final String TRAINING_TEXT = "AADSTS700016: Application with identifier 'd2f4e6a8-1b3c-4d5e-9f70-81a2b3c4d5e6'"
      + " was not found in the directory 'contoso.onmicrosoft.com'.";

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 4) {
      throw new IllegalArgumentException("usage: CdsTraining JAVA JAR SRC-DIST OUT-DIR");
    }
    Path java = Path.of(args[0]);
    if (!Files.exists(java) && Files.exists(Path.of(args[0] + ".exe"))) {
      java = Path.of(args[0] + ".exe");
    }
    Path jar = Path.of(args[1]);
    Path out = Path.of(args[3]);
    List<String> options = DistFiles.jvmOptions(Path.of(args[2]).resolve("jvm.options"));
    String version = javaVersion(java);
    int major = major(version);
    boolean aot = major >= 25;
    Path archive = out.resolve(aot ? "spdoctor.aot" : "spdoctor.jsa");
    Path keyFile = out.resolve(archive.getFileName() + ".key");
    Files.deleteIfExists(archive);
    Files.deleteIfExists(keyFile);
    if (major < 17) {
      System.out.println("[spdoctor] no start-up archive: " + java + " is Java " + version + " (17 or later needed)");
      return;
    }
    Path tmp = out.resolve(archive.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    List<String> cmd = new ArrayList<>();
    cmd.add(java.toString());
    cmd.addAll(options);
    cmd.add((aot ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + tmp);
    cmd.addAll(List.of("-Dspdoctor.stdin.tty=false", "-Dspdoctor.stdout.tty=false", "-jar", jar.toString(),
        "diagnose", "--as-of", "2026-06-01", "--error", TRAINING_TEXT));
    Path log = out.resolve("spdoctor-training.log");
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(devNull()))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean done = p.waitFor(10, TimeUnit.MINUTES);
    if (!done) {
      p.destroyForcibly();
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    // diagnose exits 0 when it established a cause.
    if (done && p.exitValue() == 0 && Files.isRegularFile(tmp) && Files.size(tmp) > 0) {
      Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      System.out.printf("[spdoctor] start-up archive %s for Java %s made in %d ms%n", archive.getFileName(), version, ms);
    } else {
      Files.deleteIfExists(tmp);
      System.out.printf("[spdoctor] no start-up archive: the training run %s (log: %s); spdoctor runs without one%n",
          done ? "exited " + p.exitValue() : "took over 10 minutes", log);
    }
    // Written either way: the launcher uses the archive when it is there, and does not try again
    // for this Java and jar when it is not.
    Files.writeString(keyFile, key(java, version) + "\n", StandardCharsets.UTF_8);
  }

  /** What the launcher compares: the Java executable's real path and its version. */
  static String key(Path java, String version) throws IOException {
    return java.toRealPath() + "|" + version;
  }

  /** The Java version of {@code java}, from its installation's release file, else from {@code java -version}. */
  static String javaVersion(Path java) throws IOException, InterruptedException {
    Path home = java.toRealPath().getParent().getParent();
    Path release = home.resolve("release");
    if (Files.isReadable(release)) {
      for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
        if (line.startsWith("JAVA_VERSION=")) {
          return line.substring("JAVA_VERSION=".length()).replace("\"", "").strip();
        }
      }
    }
    Process p = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    Matcher m = Pattern.compile("version \"([^\"]+)\"").matcher(text);
    return m.find() ? m.group(1) : "";
  }

  /** The feature release of a version string: 17 for "17.0.15", 8 for "1.8.0_402", 0 when unknown. */
  static int major(String version) {
    String v = version.startsWith("1.") ? version.substring(2) : version;
    int end = 0;
    while (end < v.length() && Character.isDigit(v.charAt(end))) {
      end++;
    }
    return end == 0 ? 0 : Integer.parseInt(v.substring(0, end));
  }

  private static java.io.File devNull() {
    return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
