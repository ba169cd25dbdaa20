package dev.spdoctor.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * What to do, built once by the engine for every format: when one cause is established, its steps
 * only; otherwise first the checks that tell the candidates apart, then each cause's steps under its
 * own heading in rank order, a cause that blocks what other steps need coming before them. Items are
 * numbered through the whole plan.
 *
 * @param established whether the leading cause is established ({@link #ESTABLISHED}, {@link #LEAD})
 * @param groups the plan's parts, in order
 * @param alsoPossible when one cause is established, the other causes in play, listed without steps
 */
public record Plan(boolean established, List<Group> groups, List<AlsoPossible> alsoPossible) {
  /** A cause counts as established at this confidence ... */
  public static final double ESTABLISHED = 0.85;
  /** ... when the next one trails it by at least this much. */
  public static final double LEAD = 0.3;
  /** Below this confidence a risky step is not shown: a check to confirm the cause takes its place. */
  public static final double RISKY_FROM = 0.7;

  public Plan {
    groups = List.copyOf(groups);
    alsoPossible = List.copyOf(alsoPossible);
  }

  /** An empty plan (no cause in play). */
  public static Plan none() {
    return new Plan(false, List.of(), List.of());
  }

  /** Kinds of group. */
  public enum GroupKind {
    /** Checks that tell the candidate causes apart. */
    CHECKS,
    /** The steps of one cause. */
    CAUSE
  }

  /** Kinds of item. */
  public enum ItemKind {
    /** Find something out; each outcome says what it means. */
    CHECK,
    /** Confirm a cause before a risky step of it is shown. */
    CONFIRM,
    /** A remediation step. */
    STEP
  }

  /**
   * One part of the plan.
   *
   * @param cause the cause whose steps these are (null for the checks)
   * @param title the cause's title (null for the checks)
   * @param confidence the cause's confidence (0 for the checks)
   * @param blocking what the cause blocks that later steps need (so it comes first), empty otherwise
   * @param alsoSteps numbers of earlier items that also serve this cause
   */
  public record Group(GroupKind kind, String cause, String title, double confidence, List<String> blocking,
      List<Item> items, List<Integer> alsoSteps) {
    public Group {
      blocking = List.copyOf(blocking);
      items = List.copyOf(items);
      alsoSteps = List.copyOf(alsoSteps);
    }
  }

  /**
   * One thing to do.
   *
   * @param number its number in the whole plan, from 1
   * @param id the step id, or the question id of a check or confirmation
   * @param text what to do, in the client's words when the step has a variant for it
   * @param verify how to tell it worked, or null
   * @param role the admin role needed, or null
   * @param waitTime how long to wait afterwards, or null
   * @param risk {@code none}, {@code weakens-security}, {@code disruptive} or {@code destructive}
   * @param needs what the step cannot succeed without
   * @param causes the causes in play it addresses, best first
   * @param variant the client whose wording {@code text} is in, or null for the generic wording
   * @param answer for a check: the fact it settles ({@code --answer ID=...}), else null
   * @param answers for a check: the values that answer it
   * @param outcomes for a check: what each answer means
   * @param heldBack for a confirmation: the risky step (and the steps after it) held back until confirmed
   */
  public record Item(int number, ItemKind kind, String id, String text, String verify, String role, String waitTime,
      String risk, List<String> needs, List<String> causes, String variant, String answer, List<String> answers,
      List<Outcome> outcomes, List<String> heldBack) {
    public Item {
      needs = List.copyOf(needs);
      causes = List.copyOf(causes);
      answers = List.copyOf(answers);
      outcomes = List.copyOf(outcomes);
      heldBack = List.copyOf(heldBack);
    }

    public boolean risky() {
      return risk != null && !"none".equals(risk);
    }
  }

  /** What one answer to a check means: in words, and which causes it rules out. */
  public record Outcome(String answer, String meaning, List<String> rulesOut, String leads, boolean establishes) {
    public Outcome {
      rulesOut = List.copyOf(rulesOut);
    }
  }

  /** A cause in play that is not the established one. */
  public record AlsoPossible(String cause, String title, double confidence) {}

  /** Every item, in order. */
  public List<Item> items() {
    List<Item> all = new ArrayList<>();
    groups.forEach(g -> all.addAll(g.items()));
    return all;
  }

  /** The remediation steps, in order (checks and confirmations left out). */
  public List<Item> steps() {
    return items().stream().filter(i -> i.kind() == ItemKind.STEP).toList();
  }

  /** Risk in words, for every format. */
  public static String riskWords(String risk) {
    return switch (risk == null ? "none" : risk) {
      case "weakens-security" -> "weakens security";
      case "disruptive" -> "disruptive: interrupts work in progress";
      case "destructive" -> "destructive: deletes or replaces what exists";
      default -> "none";
    };
  }
}
