package dev.spdoctor.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.engine.Engine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans of real log shapes (fixtures/scan/): counts, line numbers and times exact. */
class LogScanTest {
  private static final LocalDate DAY = LocalDate.of(2026, 6, 1);
  private static Engine engine;

  @BeforeAll
  static void load() {
    engine = Engine.bundled();
  }

  private static LogScan.Outcome scan(int threads, Path... files) throws IOException {
    List<LogSource> sources = new ArrayList<>();
    for (Path f : files) {
      sources.add(new LogSource(f.toString(), f));
    }
    return LogScan.run(engine.knowledgeBase(), () -> engine, sources, new ByteArrayInputStream(new byte[0]), Map.of(),
        DAY, threads, null);
  }

  private static LogScan.Group group(LogScan.Outcome o, String signature) {
    return o.groups().stream().filter(g -> g.signature().equals(signature)).findFirst()
        .orElseThrow(() -> new AssertionError(signature + " not found in " + o.groups()));
  }

  /** signature -> "count first-last" for a whole outcome. */
  private static Map<String, String> summary(LogScan.Outcome o) {
    Map<String, String> m = new TreeMap<>();
    for (LogScan.Group g : o.groups()) {
      m.merge(g.signature(), g.count() + " " + g.first().line() + "-" + g.last().line(), (a, b) -> a + "; " + b);
    }
    return m;
  }

  @Test
  void productJobLogWithAWrappedMessageAndAStackTrace() throws IOException {
    LogScan.Outcome o = scan(2, Path.of("fixtures/scan/job.log"));
    assertThat(summary(o)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "aadsts700016-application-not-found", "2 3-12",
        "failed-to-list-objects", "2 7-14",
        "spo-rest-access-denied", "1 8-8",
        "http-401-unauthorized", "1 13-13"));
    LogScan.Group wrapped = group(o, "aadsts700016-application-not-found");
    assertThat(wrapped.earliest().iso()).isEqualTo("2026-06-01T02:00:01.506");
    assertThat(wrapped.latest().iso()).isEqualTo("2026-06-01T02:10:01.888");
    assertThat(wrapped.causes()).contains("app-registration-deleted");
    // the example of a wrapped message holds all of its lines
    assertThat(wrapped.examples().get(0).text()).contains("was not found in the directory");
    // secrets in example lines are redacted
    assertThat(group(o, "http-401-unauthorized").examples().get(0).text())
        .contains("client_secret=[redacted]").doesNotContain("Sup3rS3cret");
    assertThat(o.lines()).isEqualTo(15);
    assertThat(o.diagnosis().hasCauses()).isTrue();
  }

  @Test
  void ulsContinuationCutInsideAWordIsJoined() throws IOException {
    LogScan.Outcome o = scan(1, Path.of("fixtures/scan/uls.log"));
    LogScan.Group user = group(o, "user-not-found-on-server");
    assertThat(user.first().line()).isEqualTo(7);
    assertThat(user.count()).isEqualTo(1);
    assertThat(user.first().stamp().iso()).isEqualTo("2026-06-01T09:15:40.18");
    assertThat(user.causes()).isNotEmpty();
    assertThat(group(o, "cannot-contact-site-at-url").first().line()).isEqualTo(3);
  }

  @Test
  void powerShellTranscriptTakesItsTimesFromTheHeaders() throws IOException {
    LogScan.Outcome o = scan(2, Path.of("fixtures/scan/transcript.txt"));
    LogScan.Group denied = group(o, "spo-rest-access-denied");
    assertThat(denied.first().line()).isEqualTo(19);
    assertThat(denied.first().stamp().iso()).isEqualTo("2026-06-01T09:15:31");
    LogScan.Group app = group(o, "aadsts700016-application-not-found");
    assertThat(app.first().line()).isEqualTo(29);
    assertThat(app.first().stamp().iso()).isEqualTo("2026-06-01T09:16:02");
  }

  @Test
  void windowsEventExports() throws IOException {
    LogScan.Outcome csv = scan(1, Path.of("fixtures/scan/events.csv"));
    LogScan.Group listing = group(csv, "failed-to-list-objects");
    assertThat(listing.first().line()).isEqualTo(5);
    assertThat(listing.first().stamp().iso()).isEqualTo("2026-06-01T09:20:05");
    LogScan.Outcome text = scan(1, Path.of("fixtures/scan/events-wevtutil.txt"));
    LogScan.Group secret = group(text, "aadsts7000222-client-secret-expired");
    assertThat(secret.first().line()).isEqualTo(14);
    assertThat(secret.first().stamp().iso()).isEqualTo("2026-06-01T09:31:12.4470000Z");
  }

  @Test
  void jobReportAndIisLog() throws IOException {
    LogScan.Outcome report = scan(1, Path.of("fixtures/scan/job-report.txt"));
    assertThat(group(report, "failed-to-list-objects").first().stamp().iso()).isEqualTo("2026-06-01T02:00:14");
    LogScan.Outcome iis = scan(1, Path.of("fixtures/scan/iis.log"));
    assertThat(iis.groups()).isEmpty();
    assertThat(iis.diagnosis().hasCauses()).isFalse();
    assertThat(iis.lines()).isEqualTo(7);
  }

  @Test
  void aGzipLogReadsAsThePlainOne(@TempDir Path dir) throws IOException {
    Path gz = dir.resolve("job.log.1");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(Path.of("fixtures/scan/job.log"), out);
    }
    LogScan.Outcome plain = scan(1, Path.of("fixtures/scan/job.log"));
    LogScan.Outcome zipped = scan(1, gz);
    assertThat(summary(zipped)).isEqualTo(summary(plain));
    assertThat(zipped.sources().get(0).compressed()).isTrue();
    assertThat(zipped.bytes()).isEqualTo(Files.size(Path.of("fixtures/scan/job.log")));
  }

  @Test
  void utf16LogWithAByteOrderMark(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("ps5.txt");
    byte[] text = Files.readString(Path.of("fixtures/scan/transcript.txt")).getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[text.length + 2];
    withBom[0] = (byte) 0xff;
    withBom[1] = (byte) 0xfe;
    System.arraycopy(text, 0, withBom, 2, text.length);
    Files.write(f, withBom);
    assertThat(summary(scan(1, f))).isEqualTo(summary(scan(1, Path.of("fixtures/scan/transcript.txt"))));
  }

  /** Hits on both sides of block boundaries, wrapped ones across them, are each counted once at their line. */
  @Test
  void countsAndLinesAreExactAcrossBlocks(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("big.log");
    StringBuilder b = new StringBuilder();
    List<Integer> expected = new ArrayList<>();
    int line = 0;
    java.util.Random random = new java.util.Random(7);
    while (b.length() < 900_000) {
      line++;
      if (random.nextInt(40) == 0) {
        expected.add(line);
        b.append("2026-06-01 02:00:00,000 ERROR [Token] MsalServiceException: AADSTS700016: Application with identifier"
            + " 'x' was not\nfound in the directory 'contoso.onmicrosoft.com'.\n");
        line++;
      } else {
        b.append("2026-06-01 02:00:00,000 INFO  [BackupJob] Backed up ").append(random.nextInt(900))
            .append(" items from list 'Documents' on site https://contoso.sharepoint.com/sites/HR").append('\n');
      }
    }
    Files.writeString(f, b);
    ScanTally one = new ScanTally();
    ScanTally many = new ScanTally();
    new LogScanner(engine.knowledgeBase().signatures(), 1).scan(List.of(new LogSource("a", f)), null, one, null);
    new LogScanner(engine.knowledgeBase().signatures(), 2, 100_000).scan(List.of(new LogSource("a", f)), null, many,
        null);
    for (ScanTally t : List.of(one, many)) {
      assertThat(t.entries()).hasSize(1);
      ScanTally.Entry e = t.entries().get(0);
      assertThat(e.count()).isEqualTo(expected.size());
      assertThat(e.first().line()).isEqualTo((long) expected.get(0));
      assertThat(e.last().line()).isEqualTo((long) expected.get(expected.size() - 1));
      assertThat(t.sources().get(0).lines()).isEqualTo((long) line);
    }
  }

  @Test
  void aBinaryFileIsRefused(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("x.bin");
    Files.write(f, new byte[] {'M', 'Z', 0, 1, 2});
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> scan(1, f)).isInstanceOf(ScanException.class)
        .hasMessageContaining("looks binary");
  }

  @Test
  void aLineTwoSignaturesMatchIsCountedOnceUnderOneGroup(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("job.log");
    String line = "AADSTS700027: The certificate with identifier used to sign the client assertion is not"
        + " registered on application. [Reason - The key was not found., Thumbprint of key used by client:"
        + " 'AB12CD34EF56AB12CD34EF56AB12CD34EF56AB12']\n";
    Files.writeString(f, "start\n" + line + "noise\n" + line, StandardCharsets.UTF_8);
    LogScan.Outcome o = scan(1, f);
    long lines = o.groups().stream().mapToLong(LogScan.Group::count).sum();
    assertThat(lines).as("two log lines, whatever number of signatures read them").isEqualTo(2);
    assertThat(o.groups()).hasSize(1);
    LogScan.Group g = o.groups().get(0);
    assertThat(g.first().line()).isEqualTo(2);
    assertThat(g.last().line()).isEqualTo(4);
    // the heading quotes the log, not the knowledge base's canonical message
    assertThat(g.seen()).contains("The certificate with identifier used to sign the client assertion");
  }

  @Test
  void aDamagedGzipIsRefusedNamingTheFile(@TempDir Path dir) throws IOException {
    Path gz = dir.resolve("job.log.gz");
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(b)) {
      out.write("AADSTS700016: Application with identifier 'x' was not found\n".repeat(2000)
          .getBytes(StandardCharsets.UTF_8));
    }
    byte[] whole = b.toByteArray();
    Files.write(gz, java.util.Arrays.copyOf(whole, whole.length / 2));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> scan(1, gz)).isInstanceOf(ScanException.class)
        .hasMessageContaining(gz.toString()).hasMessageContaining("damaged or cut short");
  }
}
