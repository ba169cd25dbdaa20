package dev.spdoctor.scan;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Live progress of a scan on a terminal's standard error: one line rewritten in place with the
 * source, bytes read, rate and (when the size is known) time left, at most five times a second,
 * erased when the scan ends. Off the terminal nothing at all is printed.
 */
public final class ScanProgress implements LogScanner.Progress {
  private static final long EVERY_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final long start = System.nanoTime();
  private long lastDrawn;
  private boolean drawn;

  public ScanProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void read(LogSource source, long done, long size, long totalDone) {
    long now = System.nanoTime();
    if (now - lastDrawn < EVERY_NANOS) {
      return;
    }
    lastDrawn = now;
    err.print("\r\u001b[K" + line(source.name(), done, size, totalDone, (now - start) / 1e9));
    err.flush();
    drawn = true;
  }

  @Override
  public void finished() {
    if (drawn) {
      err.print("\r\u001b[K");
      err.flush();
    }
  }

  /** The progress line: {@code scanning app.log  312.0 MiB of 1.00 GiB  420 MB/s  1.7 s left}. */
  static String line(String name, long done, long size, long totalDone, double seconds) {
    String shown = name.length() > 30 ? "…" + name.substring(name.length() - 29) : name;
    StringBuilder b = new StringBuilder("scanning ").append(shown).append("  ").append(ScanReport.size(done));
    if (size > 0) {
      b.append(" of ").append(ScanReport.size(size));
    }
    double rate = seconds > 0 ? totalDone / seconds : 0;
    if (rate > 0) {
      b.append(String.format(Locale.ROOT, "  %.0f MB/s", rate / 1e6));
      if (size > 0 && done < size) {
        b.append(String.format(Locale.ROOT, "  %.1f s left", (size - done) / (done / seconds)));
      }
    }
    return b.toString();
  }
}
