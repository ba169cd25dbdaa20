package dev.spdoctor.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * Clock skew, from the {@code Date} headers the HTTP probes before it saw; it sends nothing itself
 * (docs/probes.md, {@code clock}). It counts as a network probe because only they feed it.
 */
public final class ClockProbe implements Probe {
  public static final String ID = "clock";
  /** The probes whose {@code date-skew-seconds} it reads, in order. */
  static final List<String> SOURCES = List.of("tenant", "sharepoint", "onprem", "graph", "token");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Clock skew";
  }

  @Override
  public List<PlannedRequest> plan(ProbeContext context) {
    return List.of();
  }

  @Override
  public Observation run(ProbeContext ctx) {
    Long worst = null;
    List<String> sources = new ArrayList<>();
    for (String probe : SOURCES) {
      String v = ctx.earlier(probe).map(o -> o.value("date-skew-seconds")).orElse(null);
      if (v == null || !v.matches("-?\\d{1,12}")) {
        continue;
      }
      long s = Long.parseLong(v);
      sources.add(probe);
      if (worst == null || Math.abs(s) > Math.abs(worst)) {
        worst = s;
      }
    }
    if (worst == null) {
      return Observation.notCollected(ID, "no probe before it saw a Date header");
    }
    String summary = worst == 0 ? "the local clock agrees with the services (to the second)"
        : "the local clock is " + Math.abs(worst) + " s " + (worst > 0 ? "behind" : "ahead of") + " the services";
    java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
    values.put("skew-seconds", Long.toString(worst));
    values.put("sources", String.join(",", sources));
    return Observation.collected(ID, summary, values);
  }
}
