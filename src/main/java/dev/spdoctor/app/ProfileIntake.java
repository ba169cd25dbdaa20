package dev.spdoctor.app;

import dev.spdoctor.facts.ProbeRun;
import dev.spdoctor.probe.net.Connections;
import dev.spdoctor.probe.Observation;
import dev.spdoctor.probe.PlannedRequest;
import dev.spdoctor.probe.Probe;
import dev.spdoctor.probe.ProbeContext;
import dev.spdoctor.probe.ProbeRunner;
import dev.spdoctor.probe.Probes;
import dev.spdoctor.profile.Profile;
import dev.spdoctor.profile.ProfileAnswers;
import dev.spdoctor.profile.ProfileException;
import dev.spdoctor.profile.ProfileLoader;
import dev.spdoctor.profile.Secrets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads a profile and runs its probes, turning every problem into a clear {@link RequestException}. */
public final class ProfileIntake {
  private final Profile profile;
  private final ProbeContext context;
  private final List<List<Probe>> stages = Probes.stages();

  private ProfileIntake(Profile profile, ProbeContext context) {
    this.profile = profile;
    this.context = context;
  }

  /**
   * Loads the profile in {@code file} and prepares its connections (proxy, trust) and secrets. Without
   * {@code network} (a dry run, an offline run, a diagnosis without --live) the proxy password is not
   * read: a run that never talks to the proxy must not need its secret.
   *
   * @throws RequestException (bad input) when the profile or its network settings cannot be used
   */
  public static ProfileIntake open(Path file, boolean network) {
    return open(file, network, null);
  }

  /**
   * As {@link #open(Path, boolean)}; a file named {@code -} is read from {@code stdin} (when not null).
   *
   * @throws RequestException (bad input) when the profile or its network settings cannot be used
   */
  public static ProfileIntake open(Path file, boolean network, java.io.InputStream stdin) {
    Profile profile;
    try {
      profile = ProfileLoader.load(file, stdin);
    } catch (ProfileException e) {
      throw RequestException.badInput(e.getMessage());
    }
    Secrets secrets = new Secrets();
    Connections connections;
    try {
      connections = network ? Connections.of(profile.network(), secrets) : Connections.of(profile.network());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw RequestException.badInput(file + ": " + e.getMessage());
    }
    // msal4j's HTTP client answers proxy challenges through the JVM's default authenticator; it
    // answers only a proxy, never a server.
    connections.proxyAuthenticator().ifPresent(java.net.Authenticator::setDefault);
    return new ProfileIntake(profile, new ProbeContext(profile, connections, secrets, Clock.systemUTC()));
  }

  public Profile profile() {
    return profile;
  }

  /** The requests a live run would send (nothing is sent). */
  public List<PlannedRequest> plan() {
    return Probes.plan(stages, context);
  }

  /** The proxy connections go through, or null when they go direct. */
  public String proxy() {
    return profile.network().proxy() == null ? null : String.valueOf(profile.network().proxy());
  }

  /** Runs the probes (those that need the network only when {@code live}), telling {@code listener}. */
  public List<Observation> run(boolean live, ProbeRunner.Listener listener) {
    return run(new ProbeRunner(live), listener);
  }

  /** Runs the probes with {@code runner}, telling {@code listener} as each finishes. */
  public List<Observation> run(ProbeRunner runner, ProbeRunner.Listener listener) {
    try {
      return runner.run(stages, context, listener);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RequestException(RequestException.Kind.INTERRUPTED, "interrupted while probing");
    }
  }

  /**
   * What a profile adds to a diagnosis or an interview: the error texts services returned (after
   * the pasted ones), the answers the profile settles (those stated on the command line win, and
   * only the profile's own are marked as its in {@code sources}), and the probes' observations.
   */
  public record Contribution(List<String> texts, Map<String, String> facts, Map<String, String> sources,
      List<ProbeRun> probes) {}

  /**
   * Runs the probes (those that need the network only when {@code live}, telling {@code listener})
   * and adds what they and the profile say to the pasted texts and stated facts.
   */
  public Contribution contribute(boolean live, ProbeRunner.Listener listener, List<String> texts,
      Map<String, String> stated) {
    List<Observation> observations = run(live, live ? listener : ProbeRunner.Listener.NONE);
    Map<String, String> facts = new LinkedHashMap<>(ProfileAnswers.of(profile));
    Map<String, String> sources = new LinkedHashMap<>();
    facts.keySet().stream().filter(k -> !stated.containsKey(k)).forEach(k -> sources.put(k, "profile"));
    facts.putAll(stated);
    List<String> all = new ArrayList<>(texts);
    all.addAll(Probes.texts(observations));
    return new Contribution(all, facts, sources, Probes.runs(observations));
  }
}
