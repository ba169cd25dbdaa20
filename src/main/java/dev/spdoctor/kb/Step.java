package dev.spdoctor.kb;

import java.io.Serializable;

/**
 * One remediation step, as written in a cause's {@code remediation} list.
 *
 * @param id globally unique kebab-case id
 * @param text what to do, in the imperative
 * @param role the admin role needed, or null
 * @param waitTime how long to wait afterwards (for example for propagation), or null
 * @param verify how to tell the step worked, or null
 * @param deprecated whether the step is kept as history only and never recommended
 * @param history why a deprecated step is no longer recommended, or null
 * @param risk {@code none}, {@code weakens-security}, {@code disruptive} or {@code destructive}
 * @param source the public page the step rests on, or null (kb check reports a step without one)
 */
public record Step(
    String id, String text, String role, String waitTime, String verify, boolean deprecated, String history,
    String risk, Reference source)
    implements Serializable {
  /** Risk values a step may declare. */
  public static final java.util.List<String> RISKS = java.util.List.of("none", "weakens-security", "disruptive", "destructive");

  /** Whether the step weakens security, interrupts work or destroys state. */
  public boolean risky() {
    return risk != null && !"none".equals(risk);
  }
}
