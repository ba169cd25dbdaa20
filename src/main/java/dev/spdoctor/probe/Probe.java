package dev.spdoctor.probe;

import java.util.List;

/**
 * One read-only check. A probe never changes anything at Microsoft or on the farm; it reads,
 * and turns what it read into one {@link Observation}. It must not throw for anything the network
 * or the services do: a refused connection, a time-out or an HTML page where JSON belongs is an
 * observation ({@link Outcome#FAILED} with the reason, or {@link Outcome#COLLECTED} with a value
 * saying so). It returns {@link Outcome#NOT_COLLECTED} when the profile lacks what it needs.
 */
public interface Probe {
  /** Stable kebab-case id, such as {@code certificate}. */
  String id();

  /** A few words for the progress line, such as "Certificate file". */
  String title();

  /** Whether the probe sends anything over the network (offline diagnosis runs only those that do not). */
  default boolean network() {
    return true;
  }

  /** The requests {@link #run} would send, for {@code --dry-run}; empty for offline probes. */
  List<PlannedRequest> plan(ProbeContext context);

  /** Runs the probe. Called at most once per run, after the probes it reads from. */
  Observation run(ProbeContext context) throws InterruptedException;

  /** A probe that reads only local files and the profile: it sends nothing and plans no request. */
  interface Offline extends Probe {
    @Override
    default boolean network() {
      return false;
    }

    @Override
    default List<PlannedRequest> plan(ProbeContext context) {
      return List.of();
    }
  }
}
