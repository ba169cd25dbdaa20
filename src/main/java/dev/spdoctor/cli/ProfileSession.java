package dev.spdoctor.cli;

import dev.spdoctor.probe.Connections;
import dev.spdoctor.probe.Observation;
import dev.spdoctor.probe.PlannedRequest;
import dev.spdoctor.probe.Probe;
import dev.spdoctor.probe.ProbeContext;
import dev.spdoctor.probe.ProbeRunner;
import dev.spdoctor.probe.Probes;
import dev.spdoctor.profile.Profile;
import dev.spdoctor.profile.ProfileException;
import dev.spdoctor.profile.ProfileLoader;
import dev.spdoctor.profile.Secrets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Loads a profile and runs its probes, turning every problem into a clear {@link SpdoctorException}. */
final class ProfileSession {
  private final Profile profile;
  private final ProbeContext context;
  private final List<List<Probe>> stages = Probes.stages();

  private ProfileSession(Profile profile, ProbeContext context) {
    this.profile = profile;
    this.context = context;
  }

  static ProfileSession open(Path file) {
    Profile profile;
    try {
      profile = ProfileLoader.load(file);
    } catch (ProfileException e) {
      throw new SpdoctorException(ExitCodes.BAD_INPUT, e.getMessage());
    }
    Secrets secrets = new Secrets();
    Connections connections;
    try {
      connections = Connections.of(profile.network(), secrets);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new SpdoctorException(ExitCodes.BAD_INPUT, file + ": " + e.getMessage());
    }
    // msal4j's HTTP client answers proxy challenges through the JVM's default authenticator; it
    // answers only a proxy, never a server.
    connections.proxyAuthenticator().ifPresent(java.net.Authenticator::setDefault);
    return new ProfileSession(profile, new ProbeContext(profile, connections, secrets, Clock.systemUTC()));
  }

  Profile profile() {
    return profile;
  }

  List<PlannedRequest> plan() {
    return Probes.plan(stages, context);
  }

  List<Observation> run(boolean live, ProbeRunner.Listener listener) {
    try {
      return new ProbeRunner(live).run(stages, context, listener);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SpdoctorException(ExitCodes.INTERNAL, "interrupted while probing");
    }
  }

  /** Prints the plan of a dry run. */
  static void printPlan(List<PlannedRequest> plan, Profile profile, PrintWriter out) {
    out.println("Requests a live run would send (nothing was sent):");
    for (PlannedRequest r : plan) {
      out.println(String.format("  %-11s %-7s %s", r.probe(), r.method(), r.target()));
      out.println(String.format("  %-11s %-7s %s", "", "", "(" + r.purpose() + ")"));
    }
    List<String> hosts = plan.stream().map(PlannedRequest::host).distinct().toList();
    out.println("Hosts: " + String.join(", ", hosts));
    out.println(profile.network().proxy() == null ? "Connections go direct (no proxy in the profile)."
        : "Connections go through the proxy " + profile.network().proxy() + ".");
    out.println("Offline checks (profile, certificate file) read only local files.");
  }
}
