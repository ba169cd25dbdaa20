package dev.spdoctor.facts;

import org.kie.api.definition.rule.Rule;

/**
 * A conclusion: a rule found evidence against a cause. A ruled-out cause is never ranked.
 *
 * @param cause the cause id (the rule's {@code @kb})
 * @param rule the rule id
 * @param reason why, in words
 */
public record RuledOut(String cause, String rule, String reason) {
  /** The rule's own {@code @kb} cause is ruled out, attributed to its {@code @id}. */
  public static RuledOut of(Rule rule, String reason) {
    return new RuledOut(RuleMeta.kb(rule), RuleMeta.id(rule), reason);
  }
}
