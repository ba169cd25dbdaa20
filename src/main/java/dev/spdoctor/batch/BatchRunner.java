package dev.spdoctor.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spdoctor.engine.AnswerException;
import dev.spdoctor.engine.Diagnosis;
import dev.spdoctor.engine.Diagnosis.RankedCause;
import dev.spdoctor.engine.DiagnosisRequest;
import dev.spdoctor.engine.Engine;
import dev.spdoctor.input.InputException;
import dev.spdoctor.input.TextInput;
import dev.spdoctor.io.BoundedFiles;
import dev.spdoctor.io.OutputFailure;
import dev.spdoctor.render.JsonRenderer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Diagnoses many tickets with one engine: JSON Lines in ({@code {"id","text","deployment"?,
 * "answers"?}}), JSON Lines out, one per input line in input order. A bad line gets an error
 * object and the rest still run.
 */
public final class BatchRunner {
  /**
   * Totals of one batch run.
   *
   * @param firstFailure the first failed line's number and error ("line 2: ..."), or null
   */
  public record Totals(int lines, int diagnosed, int failed, String firstFailure) {}

  private final Engine engine;
  private final LocalDate asOf;
  // A line is at most MAX_LINE characters, so the parser may take any string in it: a text that is
  // too long is then refused by its own check, with its own message, not by the parser's limit.
  private final ObjectMapper json = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
      .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
          .maxStringLength(MAX_LINE + 1).build())
      .build())
      .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private final JsonRenderer renderer = new JsonRenderer(false, false);

  public BatchRunner(Engine engine, LocalDate asOf) {
    this.engine = engine;
    this.asOf = asOf;
  }

  /**
   * Runs every line of {@code in}. The reader must deliver bytes unchanged as ISO-8859-1 characters
   * (see {@link #bytesAsLatin1}), so that each line is checked as UTF-8 on its own and one bad
   * line cannot stop the rest.
   */
  public Totals run(BufferedReader in, PrintWriter out) throws IOException {
    int lines = 0;
    int diagnosed = 0;
    int failed = 0;
    String firstFailure = null;
    String line;
    while ((line = in.readLine()) != null) {
      lines++;
      if (line.isBlank()) {
        continue;
      }
      int number = lines;
      String id = null;
      try {
        if (line.length() > MAX_LINE) {
          throw new IllegalArgumentException("the line is longer than " + (MAX_LINE / (1024 * 1024))
              + " MiB, more than one ticket may hold" + SPLIT);
        }
        String decoded = utf8(line);
        if (number == 1 && decoded.startsWith("\uFEFF")) {
          decoded = decoded.substring(1);
        }
        JsonNode node = parse(decoded);
        JsonNode given = node.get("id");
        id = given != null && given.isValueNode() && !given.isNull() ? given.asText() : null;
        Diagnosis d = engine.diagnose(request(node));
        String ticket = id;
        renderer.write(out, g -> result(g, ticket, number, d));
        diagnosed++;
      } catch (IllegalArgumentException | AnswerException e) {
        String ticket = id;
        renderer.write(out, g -> error(g, ticket, number, e.getMessage()));
        failed++;
        if (firstFailure == null) {
          firstFailure = "line " + number + ": " + e.getMessage();
        }
      }
      out.println();
      OutputFailure.check(out, "standard output"); // stop at the first result that was not written
    }
    return new Totals(lines, diagnosed, failed, firstFailure);
  }

  /**
   * The batch to run: the JSON Lines file {@code name} (a regular file only), or standard input for
   * {@code -}, read through {@link #bytesAsLatin1}.
   *
   * @throws InputException when the file is missing, not a regular file or cannot be read
   */
  public static BufferedReader open(String name, java.io.InputStream stdin) {
    if ("-".equals(name)) {
      return bytesAsLatin1(stdin);
    }
    try {
      java.nio.file.Path file = java.nio.file.Path.of(name);
      BoundedFiles.checkRegular(file);
      return bytesAsLatin1(java.nio.file.Files.newInputStream(file));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new InputException("no such file: " + name);
    } catch (java.nio.file.AccessDeniedException e) {
      throw new InputException("cannot read the batch " + name + ": permission denied");
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw new InputException("cannot read the batch " + name + ": " + e.getMessage()
          + "; give a JSON Lines file, or - to read standard input");
    }
  }

  /**
   * A reader that hands bytes over unchanged, one char per byte, for {@link #run}; it never holds
   * more than {@link #MAX_LINE} + 1 characters of one line, so an endless line cannot exhaust memory.
   */
  public static BufferedReader bytesAsLatin1(java.io.InputStream in) {
    return new BoundedLineReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.ISO_8859_1));
  }

  /** How to make a text that is too long fit: said with every "too long" refusal. */
  private static final String SPLIT = String.format(java.util.Locale.ROOT, ": a ticket's \"text\" holds at most %,d"
      + " characters (5 MiB); keep only the lines around the error, or split the text over several lines of the"
      + " batch, one ticket each (a whole log is for spdoctor scan)", TextInput.MAX_BYTES);

  /** The longest batch line read: a 5 MiB text with room for JSON escapes. */
  public static final int MAX_LINE = 32 * 1024 * 1024;

  /** Lines end at a line feed (a carriage return before it is dropped); a longer line is cut at MAX_LINE + 1. */
  private static final class BoundedLineReader extends BufferedReader {
    BoundedLineReader(java.io.Reader in) {
      super(in, 1 << 16);
    }

    @Override
    public String readLine() throws IOException {
      StringBuilder line = new StringBuilder();
      boolean any = false;
      int c;
      while ((c = read()) != -1) {
        any = true;
        if (c == '\n') {
          break;
        }
        if (line.length() <= MAX_LINE) {
          line.append((char) c);
        }
      }
      if (!any) {
        return null;
      }
      int end = line.length();
      if (end > 0 && end <= MAX_LINE && line.charAt(end - 1) == '\r') {
        line.setLength(end - 1);
      }
      return line.toString();
    }
  }

  private static String utf8(String latin1Line) {
    try {
      return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
          .decode(java.nio.ByteBuffer.wrap(latin1Line.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalArgumentException("the line is not valid UTF-8; save the file as UTF-8");
    }
  }

  private JsonNode parse(String line) {
    JsonNode node;
    try {
      node = json.readTree(line);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      String reason = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
          ? "a key is given twice (" + dev.spdoctor.io.JsonProblems.reason(e.getOriginalMessage()) + "); give each once"
          : dev.spdoctor.io.JsonProblems.reason(e.getOriginalMessage());
      throw new IllegalArgumentException("not a JSON object: " + reason);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("each line must be a JSON object like {\"id\": \"T-1\", \"text\": \"...\"}");
    }
    return node;
  }

  private DiagnosisRequest request(JsonNode node) {
    JsonNode text = node.get("text");
    if (text == null || !text.isTextual()) {
      throw new IllegalArgumentException("\"text\" is missing or not a string");
    }
    if (text.asText().length() > TextInput.MAX_BYTES) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "\"text\" is %,d characters long",
          text.asText().length()) + SPLIT);
    }
    String checked = TextInput.check("\"text\"", text.asText());
    Map<String, String> answers = new LinkedHashMap<>();
    JsonNode given = node.get("answers");
    if (given != null && !given.isNull()) {
      if (!given.isObject()) {
        throw new IllegalArgumentException("\"answers\" must be an object like {\"app-registration-exists\": \"no\"}");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> a = it.next();
        answers.put(a.getKey(), a.getValue().asText());
      }
    }
    JsonNode deployment = node.get("deployment");
    if (deployment != null && !deployment.isNull()) {
      String before = answers.put("deployment", deployment.asText());
      if (before != null && !before.equalsIgnoreCase(deployment.asText())) {
        throw new IllegalArgumentException("\"deployment\": \"" + deployment.asText()
            + "\" contradicts \"answers\": {\"deployment\": \"" + before + "\"}");
      }
    }
    return new DiagnosisRequest(List.of(checked), answers, asOf);
  }

  private static void result(JsonGenerator g, String id, int line, Diagnosis d) throws IOException {
    g.writeStartObject();
    writeId(g, id);
    g.writeNumberField("line", line);
    g.writeArrayFieldStart("causes");
    for (RankedCause c : d.causes()) {
      g.writeStartObject();
      g.writeStringField("id", c.cause().id());
      g.writeNumberField("confidence", Math.round(c.confidence() * 100) / 100.0);
      g.writeNumberField("rank", c.rank());
      g.writeStringField("title", c.cause().title());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("steps");
    for (Diagnosis.RecommendedStep s : d.steps()) {
      g.writeString(s.step().id());
    }
    g.writeEndArray();
    g.writeArrayFieldStart("plan");
    for (dev.spdoctor.engine.Plan.Item i : d.plan().items()) {
      g.writeString(i.id());
    }
    g.writeEndArray();
    g.writeBooleanField("established", d.plan().established());
    if (d.client() == null) {
      g.writeNullField("client");
    } else {
      g.writeStringField("client", d.client().id());
    }
    g.writeEndObject();
  }

  private static void writeId(JsonGenerator g, String id) throws IOException {
    if (id == null) {
      g.writeNullField("id");
    } else {
      g.writeStringField("id", id);
    }
  }

  private static void error(JsonGenerator g, String id, int line, String message) throws IOException {
    g.writeStartObject();
    writeId(g, id);
    g.writeNumberField("line", line);
    g.writeStringField("error", message);
    g.writeEndObject();
  }
}
