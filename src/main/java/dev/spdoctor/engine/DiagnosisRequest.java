package dev.spdoctor.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What to diagnose.
 *
 * @param texts pasted error texts, each read on its own
 * @param answers stated facts by question id ({@code deployment} included), values as given
 * @param asOf the day to judge dated facts (such as retirements) against
 */
public record DiagnosisRequest(List<String> texts, Map<String, String> answers, LocalDate asOf) {
  public DiagnosisRequest {
    if (texts == null) {
      throw new NullPointerException("texts == null");
    }
    if (answers == null) {
      throw new NullPointerException("answers == null");
    }
    if (asOf == null) {
      throw new NullPointerException("asOf == null");
    }
    texts = List.copyOf(texts);
    answers = Map.copyOf(answers);
  }
}
