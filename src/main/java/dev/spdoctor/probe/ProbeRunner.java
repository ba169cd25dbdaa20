package dev.spdoctor.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs probes in stages: the probes of a stage run side by side, and a stage starts when the one
 * before it has finished, so a probe can read what earlier stages observed (the Graph probe uses
 * the token probe's token). Each probe gets its own time limit and the whole run a deadline; a
 * probe that overruns is stopped and reported {@link Outcome#FAILED}, and probes the deadline
 * leaves no time for are {@link Outcome#NOT_COLLECTED}. A probe that throws (a bug) is reported
 * failed with the exception's message, never a crash of the run.
 */
public final class ProbeRunner {
  /** Hears about each probe as it starts and ends (for a progress display). Called from worker threads. */
  public interface Listener {
    void started(Probe probe);

    void finished(Probe probe, Observation observation);

    Listener NONE = new Listener() {
      @Override
      public void started(Probe probe) {}

      @Override
      public void finished(Probe probe, Observation observation) {}
    };
  }

  private final boolean live;
  private final String offlineHint;

  /**
   * A runner.
   *
   * @param live whether network probes may run; without it they are reported not collected
   */
  public ProbeRunner(boolean live) {
    this(live, "run with --live (or spdoctor probe)");
  }

  /**
   * A runner.
   *
   * @param live whether network probes may run; without it they are reported not collected
   * @param offlineHint how to run them, for the line of a network probe that did not run
   */
  public ProbeRunner(boolean live, String offlineHint) {
    this.live = live;
    this.offlineHint = offlineHint;
  }

  /** Runs every stage and returns the observations in stage order, then probe order within a stage. */
  public List<Observation> run(List<List<Probe>> stages, ProbeContext context, Listener listener)
      throws InterruptedException {
    if (stages == null) {
      throw new NullPointerException("stages == null");
    }
    Duration deadline = context.profile().network().deadline();
    long end = System.nanoTime() + deadline.toNanos();
    List<Observation> all = new ArrayList<>();
    ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "probe");
      t.setDaemon(true);
      return t;
    });
    try {
      for (List<Probe> stage : stages) {
        Map<Probe, Future<Observation>> running = new LinkedHashMap<>();
        Map<Probe, Observation> done = new LinkedHashMap<>();
        for (Probe p : stage) {
          if (p.network() && !live) {
            done.put(p, Observation.notCollected(p.id(), "needs the network: " + offlineHint));
          } else if (System.nanoTime() >= end) {
            done.put(p, Observation.notCollected(p.id(), "the run's deadline of " + seconds(deadline)
                + " passed before it could start (network.deadline in the profile)"));
          } else {
            listener.started(p);
            running.put(p, pool.submit(() -> timed(p, context)));
          }
        }
        for (Map.Entry<Probe, Future<Observation>> e : running.entrySet()) {
          Probe p = e.getKey();
          long limit = Math.min(limitFor(context), end - System.nanoTime());
          Observation o;
          try {
            o = e.getValue().get(Math.max(limit, 0), TimeUnit.NANOSECONDS);
          } catch (TimeoutException te) {
            e.getValue().cancel(true);
            o = Observation.failed(p.id(), "did not finish within " + seconds(Duration.ofNanos(limitFor(context)))
                + (limit < limitFor(context) ? " (the run's deadline)" : "") + "; it was stopped",
                Map.of("net-error", "timeout")).withMillis(TimeUnit.NANOSECONDS.toMillis(Math.max(limit, 0)));
          } catch (ExecutionException ee) {
            Throwable c = ee.getCause();
            o = Observation.failed(p.id(), "stopped by an unexpected error (a bug in spdoctor): "
                + c.getClass().getSimpleName() + ": " + c.getMessage(), Map.of());
          }
          done.put(p, o);
          listener.finished(p, o);
        }
        for (Probe p : stage) {
          Observation o = done.get(p);
          if (!running.containsKey(p)) {
            listener.finished(p, o);
          }
          context.record(o);
          all.add(o);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return all;
  }

  /** A probe may send a request or two, each limited by the profile's timeout. */
  private static long limitFor(ProbeContext context) {
    return context.timeout().multipliedBy(2).plusSeconds(1).toNanos();
  }

  private static Observation timed(Probe p, ProbeContext context) throws InterruptedException {
    long t0 = System.nanoTime();
    Observation o = p.run(context);
    if (o == null) {
      throw new IllegalStateException("probe " + p.id() + " returned no observation");
    }
    return o.withMillis(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
