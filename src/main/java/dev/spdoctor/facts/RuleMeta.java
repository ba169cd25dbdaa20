package dev.spdoctor.facts;

import org.kie.api.definition.rule.Rule;

/** Reads the {@code @id} and {@code @kb} metadata every spdoctor rule carries. */
public final class RuleMeta {
  private RuleMeta() {}

  /** The rule's stable id, from {@code @id("...")}. */
  public static String id(Rule rule) {
    return required(rule, "id");
  }

  /** The knowledge-base cause the rule concludes about, from {@code @kb("...")}. */
  public static String kb(Rule rule) {
    return required(rule, "kb");
  }

  private static String required(Rule rule, String key) {
    Object value = rule.getMetaData().get(key);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException(
          "rule \"" + rule.getName() + "\" in " + rule.getPackageName() + " has no @" + key + "(...)");
    }
    return value.toString();
  }
}
