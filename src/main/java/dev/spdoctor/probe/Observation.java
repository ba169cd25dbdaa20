package dev.spdoctor.probe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one probe found out. Values are plain strings keyed by kebab-case names documented in
 * docs/probes.md ({@code key-bits}, {@code thumbprint-matches}, {@code aadsts} ...); they become
 * {@code Observed} facts for the rules. Error texts a service returned (an Entra error
 * description, a Graph error message) go to {@code texts}, where the same signatures that read
 * pasted errors read them. Nothing here is ever a secret or a token.
 *
 * @param probe the probe id, such as {@code certificate}
 * @param outcome how the probe ended
 * @param summary one line for people: what was found, or why it failed or did not run
 * @param values the observed values, in the order found
 * @param texts error texts returned by a service, already redacted
 * @param millis how long the probe took
 */
public record Observation(
    String probe, Outcome outcome, String summary, Map<String, String> values, List<String> texts, long millis) {

  public Observation {
    if (probe == null) {
      throw new NullPointerException("probe == null");
    }
    if (outcome == null) {
      throw new NullPointerException("outcome == null");
    }
    if (summary == null) {
      throw new NullPointerException("summary == null");
    }
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    texts = List.copyOf(texts);
  }

  public static Observation collected(String probe, String summary, Map<String, String> values) {
    return new Observation(probe, Outcome.COLLECTED, summary, values, List.of(), 0);
  }

  public static Observation collected(String probe, String summary, Map<String, String> values, List<String> texts) {
    return new Observation(probe, Outcome.COLLECTED, summary, values, texts, 0);
  }

  public static Observation failed(String probe, String reason, Map<String, String> values) {
    return new Observation(probe, Outcome.FAILED, reason, values, List.of(), 0);
  }

  public static Observation failed(String probe, String reason, Map<String, String> values, List<String> texts) {
    return new Observation(probe, Outcome.FAILED, reason, values, texts, 0);
  }

  public static Observation notCollected(String probe, String why) {
    return new Observation(probe, Outcome.NOT_COLLECTED, why, Map.of(), List.of(), 0);
  }

  /** The same observation, timed. */
  public Observation withMillis(long elapsed) {
    return new Observation(probe, outcome, summary, values, texts, elapsed);
  }

  public String value(String key) {
    return values.get(key);
  }
}
