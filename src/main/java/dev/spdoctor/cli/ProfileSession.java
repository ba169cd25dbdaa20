package dev.spdoctor.cli;

import dev.spdoctor.facts.ProbeRun;
import dev.spdoctor.probe.Connections;
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
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    return run(new ProbeRunner(live), listener);
  }

  List<Observation> run(ProbeRunner runner, ProbeRunner.Listener listener) {
    try {
      return runner.run(stages, context, listener);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SpdoctorException(ExitCodes.INTERNAL, "interrupted while probing");
    }
  }

  /**
   * What a profile adds to a diagnosis or an interview: the error texts services returned (after
   * the pasted ones), the answers the profile settles (those stated on the command line win, and
   * only the profile's own are marked as its in {@code sources}), and the probes' observations.
   */
  record Contribution(List<String> texts, Map<String, String> facts, Map<String, String> sources,
      List<ProbeRun> probes) {}

  /**
   * Runs the probes (those that need the network only when {@code live}, with progress on
   * {@code err}) and adds what they and the profile say to the pasted texts and stated facts.
   */
  Contribution contribute(boolean live, PrintWriter err, List<String> texts, Map<String, String> stated) {
    List<Observation> observations = run(live, live
        ? new ProbeProgress(err, ProbeProgress.stderrIsTerminal()) : ProbeRunner.Listener.NONE);
    Map<String, String> facts = new LinkedHashMap<>(ProfileAnswers.of(profile));
    Map<String, String> sources = new LinkedHashMap<>();
    facts.keySet().stream().filter(k -> !stated.containsKey(k)).forEach(k -> sources.put(k, "profile"));
    facts.putAll(stated);
    List<String> all = new ArrayList<>(texts);
    all.addAll(Probes.texts(observations));
    return new Contribution(all, facts, sources, Probes.runs(observations));
  }

  /** Prints the plan of a dry run (nothing is sent). */
  void printPlan(PrintWriter out) {
    List<PlannedRequest> plan = plan();
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
    out.flush();
  }
}
