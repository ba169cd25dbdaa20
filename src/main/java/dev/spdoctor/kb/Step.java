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
 * @param variants the step in the words of particular clients (tables/clients.yaml), beside the generic text
 * @param needs what the step cannot succeed without ({@link #NEEDS}); a cause that {@code blocks} one of
 *     them is dealt with first
 */
public record Step(
    String id, String text, String role, String waitTime, String verify, boolean deprecated, String history,
    String risk, Reference source, java.util.List<Variant> variants, java.util.List<String> needs)
    implements Serializable {
  /** What a step may need: reach to Microsoft's services, a readable certificate file, an existing registration. */
  public static final java.util.List<String> NEEDS = java.util.List.of("network", "certificate-file", "registration");

  public Step {
    variants = variants == null ? java.util.List.of() : java.util.List.copyOf(variants);
    needs = needs == null ? java.util.List.of() : java.util.List.copyOf(needs);
  }

  /** A step without variants or needs. */
  public Step(String id, String text, String role, String waitTime, String verify, boolean deprecated, String history,
      String risk, Reference source) {
    this(id, text, role, waitTime, verify, deprecated, history, risk, source, null, null);
  }

  /**
   * The step in the words of some clients.
   *
   * @param clients the client ids it is written for
   * @param text what to do, in that client's words
   * @param verify how to tell it worked, in that client's words, or null for the generic check
   */
  public record Variant(java.util.List<String> clients, String text, String verify) implements Serializable {
    public Variant {
      clients = java.util.List.copyOf(clients);
    }
  }

  /** The variant written for {@code client}, or for the client it is {@code like}; null when there is none. */
  public Variant variant(ClientDef client, java.util.function.Function<String, ClientDef> clients) {
    for (ClientDef c = client; c != null; c = c.like() == null ? null : clients.apply(c.like())) {
      for (Variant v : variants) {
        if (v.clients().contains(c.id())) {
          return v;
        }
      }
    }
    return null;
  }

  /** Risk values a step may declare. */
  public static final java.util.List<String> RISKS = java.util.List.of("none", "weakens-security", "disruptive", "destructive");

  /** Whether the step weakens security, interrupts work or destroys state. */
  public boolean risky() {
    return risk != null && !"none".equals(risk);
  }
}
