package dev.spdoctor.facts;

/**
 * A value a probe observed (docs/probes.md), such as {@code certificate} / {@code key-bits} /
 * {@code 1024}.
 *
 * @param probe the probe id
 * @param key the value's key, kebab-case
 * @param value the value as observed
 * @param number the value as a number when it is one (for comparisons in rules), else null
 */
public record Observed(String probe, String key, String value, Long number) {
  public static Observed of(String probe, String key, String value) {
    Long n = null;
    if (value != null && value.matches("-?\\d{1,18}")) {
      n = Long.valueOf(value);
    }
    return new Observed(probe, key, value, n);
  }

  /** Whether the value is {@code yes}. */
  public boolean yes() {
    return "yes".equals(value);
  }
}
