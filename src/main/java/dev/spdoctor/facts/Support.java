package dev.spdoctor.facts;

import org.kie.api.definition.rule.Rule;

/**
 * A conclusion: a rule found evidence for a cause.
 *
 * @param cause the cause id (the rule's {@code @kb})
 * @param rule the rule id (the rule's {@code @id})
 * @param matchId the signature match the evidence rests on, or empty
 * @param confidence how strongly this evidence alone points at the cause, 0 to 1
 * @param reason the reasoning, in words, for the report
 */
public record Support(String cause, String rule, String matchId, double confidence, String reason) {
  public Support {
    if (confidence <= 0 || confidence > 1) {
      throw new IllegalArgumentException("confidence must be in (0, 1]: " + confidence);
    }
  }

  /** Support for the rule's own {@code @kb} cause, attributed to its {@code @id}. */
  public static Support of(Rule rule, String matchId, double confidence, String reason) {
    return new Support(RuleMeta.kb(rule), RuleMeta.id(rule), matchId, confidence, reason);
  }
}
