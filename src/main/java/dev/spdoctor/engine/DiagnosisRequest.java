package dev.spdoctor.engine;

import dev.spdoctor.facts.ProbeRun;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What to diagnose.
 *
 * @param texts pasted error texts, each read on its own (error texts probes received included)
 * @param answers stated facts by question id ({@code deployment} included), values as given
 * @param asOf the day to judge dated facts (such as retirements) against
 * @param probes what the probes observed (docs/probes.md), in the order they ran; may be empty
 * @param sources where answers came from, by question id, when not from the person ({@code profile});
 *     answers not in it were stated
 */
public record DiagnosisRequest(List<String> texts, Map<String, String> answers, LocalDate asOf, List<ProbeRun> probes,
    Map<String, String> sources) {
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
    if (probes == null) {
      throw new NullPointerException("probes == null");
    }
    if (sources == null) {
      throw new NullPointerException("sources == null");
    }
    // Secrets leave here: nothing downstream (report, evidence, batch line, transcript) can echo them.
    texts = texts.stream().map(dev.spdoctor.text.Redactor::redact).toList();
    answers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(answers)); // keeps their order
    probes = List.copyOf(probes);
    sources = Map.copyOf(sources);
  }

  /** A request whose answers were all stated by the person. */
  public DiagnosisRequest(List<String> texts, Map<String, String> answers, LocalDate asOf, List<ProbeRun> probes) {
    this(texts, answers, asOf, probes, Map.of());
  }

  /** A request with texts and answers only. */
  public DiagnosisRequest(List<String> texts, Map<String, String> answers, LocalDate asOf) {
    this(texts, answers, asOf, List.of(), Map.of());
  }
}
