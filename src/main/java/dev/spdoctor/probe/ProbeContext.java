package dev.spdoctor.probe;

import dev.spdoctor.probe.net.Connections;
import dev.spdoctor.profile.SecretSource;
import dev.spdoctor.profile.Profile;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a probe works with: the profile, the network settings, secrets, the clock, and what the
 * probes before it observed.
 *
 * <p>An access token acquired by the token probe is kept here, in memory only, for the probes
 * that call Graph with it. It never reaches an observation, a report or a log.
 */
public final class ProbeContext {
  private final Profile profile;
  private final Connections connections;
  private final SecretSource secrets;
  private final Clock clock;
  private final Map<String, Observation> earlier = new ConcurrentHashMap<>();
  private final AtomicReference<String> accessToken = new AtomicReference<>();

  public ProbeContext(Profile profile, Connections connections, SecretSource secrets, Clock clock) {
    if (profile == null) {
      throw new NullPointerException("profile == null");
    }
    if (connections == null) {
      throw new NullPointerException("connections == null");
    }
    if (secrets == null) {
      throw new NullPointerException("secrets == null");
    }
    if (clock == null) {
      throw new NullPointerException("clock == null");
    }
    this.profile = profile;
    this.connections = connections;
    this.secrets = secrets;
    this.clock = clock;
  }

  public Profile profile() {
    return profile;
  }

  public Connections connections() {
    return connections;
  }

  public SecretSource secrets() {
    return secrets;
  }

  public Clock clock() {
    return clock;
  }

  /** The limit for one probe, from the profile. */
  public Duration timeout() {
    return profile.network().timeout();
  }

  /** What an earlier probe of this run observed, if it ran. */
  public Optional<Observation> earlier(String probe) {
    return Optional.ofNullable(earlier.get(probe));
  }

  /** Records an observation for the probes that come after it (the runner does this). */
  public void record(Observation observation) {
    earlier.put(observation.probe(), observation);
  }

  /** The app-only access token the token probe acquired, if any. Never print it. */
  public Optional<String> accessToken() {
    return Optional.ofNullable(accessToken.get());
  }

  /** Keeps the token for the probes that come after (the token probe does this). */
  public void accessToken(String token) {
    accessToken.set(token);
  }
}
