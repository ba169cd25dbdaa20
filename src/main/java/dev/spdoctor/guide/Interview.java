package dev.spdoctor.guide;

import dev.spdoctor.engine.AnswerValidator;
import dev.spdoctor.engine.Diagnosis;
import dev.spdoctor.engine.Diagnosis.OpenQuestion;
import dev.spdoctor.engine.DiagnosisRequest;
import dev.spdoctor.engine.Engine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A guided diagnosis: after every answer the rules run again, and the next question is the open
 * one that bears on the most causes still in play (then on the best-ranked). It never asks what is
 * known or skipped, and stops when one cause is established or no open question is left.
 */
public final class Interview {
  /** An answer given, or {@code null} value for a question skipped as unknown. */
  public record Turn(String question, String value) {
    public boolean skipped() {
      return value == null;
    }
  }

  /** A cause counts as established at this confidence when the next one trails it by {@link #LEAD}. */
  static final double ESTABLISHED = dev.spdoctor.engine.Plan.ESTABLISHED;
  static final double LEAD = dev.spdoctor.engine.Plan.LEAD;

  private final Engine engine;
  private final List<String> texts;
  private final Map<String, String> given;
  private final LocalDate asOf;
  private final List<dev.spdoctor.facts.ProbeRun> probes;
  private final Map<String, String> sources;
  private final List<Turn> turns = new ArrayList<>();
  private Diagnosis current;

  public Interview(Engine engine, List<String> texts, Map<String, String> given, LocalDate asOf) {
    this(engine, texts, given, asOf, List.of(), Map.of());
  }

  /** An interview that starts from {@code request}: its texts, answers, day, probe runs and their sources. */
  public Interview(Engine engine, DiagnosisRequest request) {
    this(engine, request.texts(), request.answers(), request.asOf(), request.probes(), request.sources());
  }

  /**
   * An interview that also reasons over what probes observed (spdoctor guide --profile).
   *
   * @param sources where given facts came from when not from the person ({@code profile}), by question id
   */
  public Interview(Engine engine, List<String> texts, Map<String, String> given, LocalDate asOf,
      List<dev.spdoctor.facts.ProbeRun> probes, Map<String, String> sources) {
    this.engine = engine;
    this.sources = Map.copyOf(sources);
    this.texts = List.copyOf(texts);
    this.given = Map.copyOf(given);
    this.asOf = asOf;
    this.probes = List.copyOf(probes);
    this.current = run();
  }

  /** The diagnosis with every answer so far. */
  public Diagnosis diagnosis() {
    return current;
  }

  public List<Turn> turns() {
    return List.copyOf(turns);
  }

  /** The next question to ask, or empty when the interview is over. */
  public Optional<OpenQuestion> next() {
    if (established()) {
      return Optional.empty();
    }
    Set<String> asked = new LinkedHashSet<>();
    turns.forEach(t -> asked.add(t.question()));
    dev.spdoctor.kb.ClientDef client = current.client() == null ? null : current.client().client();
    return current.openQuestions().stream()
        .filter(q -> !asked.contains(q.question().id()) && q.question().asks(client)).findFirst();
  }

  /** Whether the leading cause is established: confident, and well ahead of the next. */
  public boolean established() {
    return current.plan().established();
  }

  /**
   * Records an answer after checking it against the question's type.
   *
   * @throws dev.spdoctor.engine.AnswerException saying what the question accepts
   */
  public void answer(String question, String value) {
    String canonical = AnswerValidator.canonical(engine.knowledgeBase(), question, value);
    turns.add(new Turn(question, canonical));
    current = run();
  }

  /** Leaves the question unknown; it is not asked again. */
  public void skip(String question) {
    turns.add(new Turn(question, null));
    current = run();
  }

  /** Undoes the last answer or skip; false when there is nothing to undo. */
  public boolean back() {
    if (turns.isEmpty()) {
      return false;
    }
    turns.remove(turns.size() - 1);
    current = run();
    return true;
  }

  /** The facts given so far: those the interview started with, then the answers. */
  public Map<String, String> facts() {
    Map<String, String> facts = new LinkedHashMap<>(given);
    for (Turn t : turns) {
      if (!t.skipped()) {
        facts.put(t.question(), t.value());
      }
    }
    return facts;
  }

  private Diagnosis run() {
    return engine.diagnose(new DiagnosisRequest(texts, facts(), asOf, probes, sources));
  }
}
