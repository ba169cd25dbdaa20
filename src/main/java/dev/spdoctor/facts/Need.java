package dev.spdoctor.facts;

import org.kie.api.definition.rule.Rule;

/**
 * A conclusion: the answer to a question would confirm or rule out a cause in play.
 *
 * @param question the question id from {@code knowledge-base/questions/}
 * @param cause the cause whose standing depends on it (the rule's {@code @kb})
 * @param rule the rule id
 */
public record Need(String question, String cause, String rule) {
  /** A question that matters for the rule's own {@code @kb} cause. */
  public static Need of(Rule rule, String question) {
    return new Need(question, RuleMeta.kb(rule), RuleMeta.id(rule));
  }
}
