package dev.spdoctor.render;

import dev.spdoctor.probe.Observation;
import dev.spdoctor.probe.Probe;
import dev.spdoctor.probe.ProbeRunner;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Prints each probe's result as it completes. On a terminal a live line shows the probes still
 * running and is rewritten in place; otherwise only plain lines are printed, one per probe.
 */
public final class ProbeProgress implements ProbeRunner.Listener {
  private final PrintWriter err;
  private final boolean live;
  private final Set<String> running = new LinkedHashSet<>();

  public ProbeProgress(PrintWriter err, boolean terminal) {
    this.err = err;
    this.live = terminal;
  }

  @Override
  public synchronized void started(Probe probe) {
    running.add(probe.title());
    redraw();
  }

  @Override
  public synchronized void finished(Probe probe, Observation o) {
    running.remove(probe.title());
    if (live) {
      err.print("\r\u001b[K");
    }
    err.println(line(o));
    redraw();
    err.flush();
  }

  /**
   * Whether standard error is a terminal: the launcher says so ({@code -Dspdoctor.stderr.tty=true},
   * from {@code [ -t 2 ]}); without it, a console for both standard input and output is taken as one.
   */
  public static boolean stderrIsTerminal() {
    return Boolean.getBoolean("spdoctor.stderr.tty") || System.console() != null;
  }

  public static String line(Observation o) {
    String mark = switch (o.outcome()) {
      case COLLECTED -> "collected";
      case FAILED -> "problem";
      case NOT_COLLECTED -> "not collected";
    };
    String time = o.millis() > 0 ? String.format(" (%d ms)", o.millis()) : "";
    return String.format("%-13s %-11s %s%s", mark, o.probe(), dev.spdoctor.text.Visible.oneLine(o.summary()), time);
  }

  private void redraw() {
    if (live && !running.isEmpty()) {
      String text = "... " + String.join(", ", running);
      err.print("\r\u001b[K" + (text.length() > 79 ? text.substring(0, 78) + "…" : text));
      err.flush();
    }
  }
}
