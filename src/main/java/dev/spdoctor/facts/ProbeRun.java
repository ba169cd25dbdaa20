package dev.spdoctor.facts;

import java.util.Map;

/**
 * A probe's run: whether it collected, failed or did not run, with the line that says why.
 *
 * @param probe the probe id
 * @param outcome {@code collected}, {@code failed} or {@code not-collected}
 * @param summary one line for people
 * @param values everything it observed (also inserted one by one as {@link Observed})
 * @param millis how long it took
 */
public record ProbeRun(String probe, String outcome, String summary, Map<String, String> values, long millis) {
  public ProbeRun {
    values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
  }

  public boolean collected() {
    return "collected".equals(outcome);
  }
}
