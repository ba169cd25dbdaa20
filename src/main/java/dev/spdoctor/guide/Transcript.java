package dev.spdoctor.guide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spdoctor.facts.ProbeRun;
import dev.spdoctor.input.TextInput;
import dev.spdoctor.io.BoundedFiles;
import dev.spdoctor.io.Dates;
import dev.spdoctor.io.JsonProblems;
import dev.spdoctor.io.SafeFiles;
import dev.spdoctor.probe.ObservationKeys;
import dev.spdoctor.text.Redactor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A guided session as JSON: the texts (secrets redacted), the facts it started with, every question
 * with its answer (null when left unknown), and the report. {@code diagnose --transcript} replays it.
 */
public record Transcript(LocalDate asOf, List<String> texts, Map<String, String> given, List<Interview.Turn> turns,
    Map<String, String> prompts, List<ProbeRun> probes) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Writes the transcript with the report (already rendered as JSON) atomically. */
  public void write(Path file, String reportJson) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", 1);
    root.put("asOf", asOf.toString());
    ArrayNode t = root.putArray("texts");
    texts.forEach(x -> t.add(Redactor.redact(x)));
    ObjectNode g = root.putObject("given");
    given.forEach(g::put);
    if (!probes.isEmpty()) {
      ArrayNode p = root.putArray("probes");
      for (ProbeRun r : probes) {
        ObjectNode n = p.addObject();
        n.put("probe", r.probe());
        n.put("outcome", r.outcome());
        n.put("summary", Redactor.redact(r.summary()));
        n.put("millis", r.millis());
        ObjectNode v = n.putObject("values");
        r.values().forEach(v::put);
      }
    }
    ArrayNode turnsNode = root.putArray("turns");
    for (Interview.Turn turn : turns) {
      ObjectNode n = turnsNode.addObject();
      n.put("question", turn.question());
      n.put("prompt", prompts.getOrDefault(turn.question(), ""));
      if (turn.skipped()) {
        n.putNull("answer");
      } else {
        n.put("answer", turn.value());
      }
    }
    root.set("report", JSON.readTree(reportJson));
    SafeFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
  }

  /**
   * Reads a transcript for replay. It passes the checks of the inputs it stands for: each text
   * those of {@code --error} (not blank, no NUL, at most 5 MiB), the day those of {@code --as-of},
   * and the probe results must name known probes, outcomes and observation keys.
   *
   * @throws IllegalArgumentException when the file is not a usable transcript; the message says why
   */
  public static Transcript read(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = BoundedFiles.read(file, BoundedFiles.TRANSCRIPT);
    } catch (BoundedFiles.NotAFileException | BoundedFiles.TooLargeException e) {
      throw new IllegalArgumentException("cannot read the transcript " + file + ": " + e.getMessage());
    }
    return read(new java.io.ByteArrayInputStream(bytes), file.toString());
  }

  /**
   * Reads a transcript for replay from {@code in} (standard input, for {@code --transcript -}),
   * at most 16 MiB of it.
   *
   * @throws IllegalArgumentException when it is not a usable transcript
   */
  public static Transcript read(java.io.InputStream in, String file) throws IOException {
    JsonNode root;
    byte[] bytes = in.readNBytes(BoundedFiles.TRANSCRIPT + 1);
    if (bytes.length > BoundedFiles.TRANSCRIPT) {
      throw new IllegalArgumentException("cannot read the transcript " + file + ": it is larger than "
          + BoundedFiles.size(BoundedFiles.TRANSCRIPT));
    }
    try {
      root = JSON.readTree(bytes);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not JSON (" + JsonProblems.describe(e) + ")");
    } catch (java.io.CharConversionException e) {
      // the parser guessed UTF-16 or UTF-32 from the first bytes and met a broken character
      throw new IllegalArgumentException(file + " is not JSON text in UTF-8 (the first bytes look like another"
          + " encoding); give the file spdoctor guide --transcript wrote");
    }
    if (root == null || !root.path("texts").isArray() || !root.path("asOf").isTextual()) {
      throw new IllegalArgumentException(file + " is not an spdoctor transcript (written by spdoctor guide --transcript)");
    }
    String where = file + ": ";
    if (root.get("texts").size() > MAX_TEXTS) {
      throw new IllegalArgumentException(where + "holds " + root.get("texts").size() + " texts; a session has at most "
          + MAX_TEXTS);
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode n : root.get("texts")) {
      if (!n.isTextual()) {
        throw new IllegalArgumentException(where + "every entry of \"texts\" must be a string");
      }
      try {
        texts.add(TextInput.check("a text of the transcript", n.asText()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + e.getMessage());
      }
    }
    LocalDate asOf;
    try {
      asOf = Dates.checked(root.get("asOf").asText());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + "\"asOf\": " + e.getMessage());
    }
    Map<String, String> given = new LinkedHashMap<>();
    JsonNode givenNode = root.path("given");
    if (!givenNode.isMissingNode() && !givenNode.isObject()) {
      throw new IllegalArgumentException(where + "\"given\" must be an object of question id to answer");
    }
    givenNode.fields().forEachRemaining(e -> given.put(e.getKey(), scalar(where + "given." + e.getKey(), e.getValue())));
    List<Interview.Turn> turns = new ArrayList<>();
    Map<String, String> prompts = new LinkedHashMap<>();
    if (root.path("turns").size() > MAX_TURNS) {
      throw new IllegalArgumentException(where + "holds more than " + MAX_TURNS + " turns");
    }
    root.path("turns").forEach(n -> {
      String q = scalar(where + "turns[].question", n.path("question"));
      turns.add(new Interview.Turn(q, n.path("answer").isNull() ? null : scalar(where + "turns[].answer", n.path("answer"))));
      prompts.put(q, n.path("prompt").asText());
    });
    List<ProbeRun> probes = new ArrayList<>();
    if (root.path("probes").size() > ObservationKeys.probes().size()) {
      throw new IllegalArgumentException(where + "holds more probe results than there are probes");
    }
    for (JsonNode n : root.path("probes")) {
      probes.add(probe(where, n));
    }
    return new Transcript(asOf, texts, given, turns, prompts, probes);
  }

  private static final int MAX_TEXTS = 64;
  private static final int MAX_TURNS = 256;
  private static final int MAX_VALUE = 4096;
  private static final java.util.Set<String> OUTCOMES = java.util.Set.of("collected", "failed", "not-collected");

  private static ProbeRun probe(String where, JsonNode n) {
    String probe = n.path("probe").asText();
    if (!ObservationKeys.probes().contains(probe)) {
      throw new IllegalArgumentException(where + "probe '" + probe + "' is not one of spdoctor's probes ("
          + String.join(", ", ObservationKeys.probes()) + ")");
    }
    String outcome = n.path("outcome").asText();
    if (!OUTCOMES.contains(outcome)) {
      throw new IllegalArgumentException(where + "probe " + probe + ": outcome '" + outcome
          + "' is not collected, failed or not-collected");
    }
    Map<String, String> values = new LinkedHashMap<>();
    n.path("values").fields().forEachRemaining(e -> {
      if (!ObservationKeys.of(probe).contains(e.getKey())) {
        throw new IllegalArgumentException(where + "probe " + probe + " never records '" + e.getKey() + "'");
      }
      values.put(e.getKey(), scalar(where + "probe " + probe + "." + e.getKey(), e.getValue()));
    });
    return new ProbeRun(probe, outcome, scalar(where + "probe " + probe + ".summary", n.path("summary")), values,
        Math.max(0, n.path("millis").asLong()));
  }

  private static String scalar(String where, JsonNode n) {
    if (n.isContainerNode()) {
      throw new IllegalArgumentException(where + " must be a string, not " + (n.isArray() ? "a list" : "an object"));
    }
    String v = n.asText();
    if (v.length() > MAX_VALUE || v.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(where + " is longer than " + MAX_VALUE + " characters or holds a NUL");
    }
    return v;
  }

  /** The facts the session ended with: the given ones and every answer. */
  public Map<String, String> facts() {
    Map<String, String> facts = new LinkedHashMap<>(given);
    turns.stream().filter(t -> !t.skipped()).forEach(t -> facts.put(t.question(), t.value()));
    return facts;
  }
}
