package dev.spdoctor.guide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spdoctor.facts.ProbeRun;
import dev.spdoctor.text.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
    Path abs = file.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path tmp = Files.createTempFile(abs.getParent(), "transcript", ".tmp");
    Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Reads a transcript for replay.
   *
   * @throws IllegalArgumentException when the file is not a transcript
   */
  public static Transcript read(Path file) throws IOException {
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /**
   * Reads a transcript for replay from {@code in} (standard input, for {@code --transcript -}).
   *
   * @throws IllegalArgumentException when it is not a transcript
   */
  public static Transcript read(java.io.InputStream in, String file) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.path("texts").isArray() || !root.path("asOf").isTextual()) {
      throw new IllegalArgumentException(file + " is not an spdoctor transcript (written by spdoctor guide --transcript)");
    }
    List<String> texts = new ArrayList<>();
    root.get("texts").forEach(n -> texts.add(n.asText()));
    Map<String, String> given = new LinkedHashMap<>();
    root.path("given").fields().forEachRemaining(e -> given.put(e.getKey(), e.getValue().asText()));
    List<Interview.Turn> turns = new ArrayList<>();
    Map<String, String> prompts = new LinkedHashMap<>();
    root.path("turns").forEach(n -> {
      turns.add(new Interview.Turn(n.path("question").asText(), n.path("answer").isNull() ? null : n.path("answer").asText()));
      prompts.put(n.path("question").asText(), n.path("prompt").asText());
    });
    List<ProbeRun> probes = new ArrayList<>();
    root.path("probes").forEach(n -> {
      Map<String, String> values = new LinkedHashMap<>();
      n.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
      probes.add(new ProbeRun(n.path("probe").asText(), n.path("outcome").asText(), n.path("summary").asText(), values,
          n.path("millis").asLong()));
    });
    return new Transcript(LocalDate.parse(root.get("asOf").asText()), texts, given, turns, prompts, probes);
  }

  /** The facts the session ended with: the given ones and every answer. */
  public Map<String, String> facts() {
    Map<String, String> facts = new LinkedHashMap<>(given);
    turns.stream().filter(t -> !t.skipped()).forEach(t -> facts.put(t.question(), t.value()));
    return facts;
  }
}
