package dev.spdoctor.app;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.spdoctor.input.InputException;
import dev.spdoctor.io.BoundedFiles;
import dev.spdoctor.io.JsonProblems;
import dev.spdoctor.text.Similar;
import dev.spdoctor.text.Visible;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code guide --answers FILE}: a flat YAML map of question id to answer, read as strictly as the
 * answers it stands for. At most 64 KiB; UTF-8; one document; no aliases, anchors or tags; every
 * key a known question (an unknown one is reported with the nearest known id); every value a
 * short scalar; no key twice.
 */
public final class AnswersFile {
  /** The largest answers file read. */
  public static final int MAX_BYTES = 64 * 1024;
  private static final int MAX_VALUE = 1024;
  private static final YAMLFactory YAML = new YAMLFactory();

  private AnswersFile() {}

  /**
   * The answers in {@code file}, or on {@code stdin} when it is {@code -}; {@code known} holds the
   * question ids the knowledge base asks.
   *
   * @throws InputException with {@code file:line:column: problem — fix}
   */
  public static Map<String, String> read(Path file, java.io.InputStream stdin, Collection<String> known) {
    return "-".equals(file.toString()) ? read(stdin, "standard input", known) : read(file, known);
  }

  /**
   * The answers in {@code file}.
   *
   * @throws InputException with {@code file:line:column: problem — fix}
   */
  public static Map<String, String> read(Path file, Collection<String> known) {
    byte[] bytes;
    try {
      bytes = BoundedFiles.read(file, MAX_BYTES);
    } catch (NoSuchFileException e) {
      throw new InputException("no such answers file: " + file);
    } catch (IOException e) {
      throw new InputException("cannot read the answers file " + file + ": " + e.getMessage());
    }
    return parse(file.toString(), bytes, known);
  }

  /** The answers read from {@code in} (standard input, for {@code --answers -}), at most 64 KiB. */
  public static Map<String, String> read(java.io.InputStream in, String label, Collection<String> known) {
    byte[] bytes;
    try {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new InputException("cannot read the answers from " + label + ": " + e.getMessage());
    }
    if (bytes.length > MAX_BYTES) {
      throw new InputException("the answers in " + label + " are larger than " + BoundedFiles.size(MAX_BYTES));
    }
    return parse(label, bytes, known);
  }

  private static Map<String, String> parse(String file, byte[] bytes, Collection<String> known) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new InputException(file + ": is not UTF-8 text; save it as UTF-8");
    }
    if (text.indexOf('\0') >= 0) {
      throw new InputException(file + ": holds a NUL character, so it is not a YAML file");
    }
    refuseAnchorsAliasesAndTags(file, text);
    Map<String, String> answers = new LinkedHashMap<>();
    try (JsonParser p = YAML.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw problem(file, null, "is empty", "write question ids and answers, e.g. app-registration-exists: \"no\"");
      }
      if (t != JsonToken.START_OBJECT) {
        throw problem(file, p.currentTokenLocation(), "is not a map of question id to answer",
            "write e.g. app-registration-exists: \"no\"");
      }
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        JsonLocation at = p.currentTokenLocation();
        String key = p.currentName();
        refuseYamlTricks(file, p);
        if (!known.contains(key)) {
          throw problem(file, at, "'" + Visible.clip(Visible.oneLine(key), 60) + "' is not a question id",
              nearest(key, known));
        }
        JsonToken v = p.nextToken();
        refuseYamlTricks(file, p);
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
          throw problem(file, p.currentTokenLocation(), "the answer to '" + key + "' is a " + (v == JsonToken.START_ARRAY
              ? "list" : "map"), "give one value, e.g. " + key + ": \"no\"");
        }
        if (v == JsonToken.VALUE_NULL) {
          throw problem(file, p.currentTokenLocation(), "the answer to '" + key + "' is empty",
              "give a value, or leave the key out to leave the question unknown");
        }
        String value = p.getText();
        if (value.length() > MAX_VALUE) {
          throw problem(file, p.currentTokenLocation(), "the answer to '" + key + "' is longer than " + MAX_VALUE
              + " characters", "give the short answer the question asks for");
        }
        if (answers.put(key, value) != null) {
          throw problem(file, at, "'" + key + "' is answered twice", "keep one answer");
        }
      }
      if (p.nextToken() != null) {
        throw problem(file, p.currentTokenLocation(), "holds more than one YAML document", "keep one map of answers");
      }
    } catch (JsonProcessingException e) {
      throw new InputException(file + ": not valid YAML (" + JsonProblems.describe(e) + ")");
    } catch (IOException e) {
      throw new InputException(file + ": cannot be read (" + e.getMessage() + ")");
    }
    return answers;
  }

  /** YAML's anchors, aliases and explicit tags have no place in a list of answers. */
  private static void refuseAnchorsAliasesAndTags(String file, String text) {
    org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(1);
    try {
      for (org.yaml.snakeyaml.events.Event e : new org.yaml.snakeyaml.Yaml(options).parse(new java.io.StringReader(text))) {
        String what = null;
        if (e instanceof org.yaml.snakeyaml.events.AliasEvent) {
          what = "uses a YAML alias (*name)";
        } else if (e instanceof org.yaml.snakeyaml.events.NodeEvent n && n.getAnchor() != null) {
          what = "uses a YAML anchor (&name)";
        } else if (e instanceof org.yaml.snakeyaml.events.ScalarEvent s && s.getTag() != null
            || e instanceof org.yaml.snakeyaml.events.CollectionStartEvent c && c.getTag() != null) {
          what = "uses a YAML tag (!...)";
        }
        if (what != null) {
          int line = e.getStartMark() == null ? 0 : e.getStartMark().getLine() + 1;
          int column = e.getStartMark() == null ? 0 : e.getStartMark().getColumn() + 1;
          throw new InputException(file + (line > 0 ? ":" + line + ":" + column : "") + ": " + what
              + " — write each answer out in full, as plain text");
        }
      }
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      throw new InputException(file + ": not valid YAML (" + dev.spdoctor.text.Similar.yamlMessage(e.getMessage()) + ")");
    }
  }

  private static void refuseYamlTricks(String file, JsonParser p) throws IOException {
    if (p instanceof YAMLParser y) {
      if (y.isCurrentAlias()) {
        throw problem(file, p.currentTokenLocation(), "uses a YAML alias (*name)", "write each answer out in full");
      }
      if (y.getObjectId() != null) {
        throw problem(file, p.currentTokenLocation(), "uses a YAML anchor (&name)", "write each answer out in full");
      }
      if (y.getTypeId() != null) {
        throw problem(file, p.currentTokenLocation(), "uses a YAML tag (!" + Visible.clip(Visible.oneLine(
            String.valueOf(y.getTypeId())), 40) + ")", "write plain values; spdoctor never runs tags");
      }
    }
  }

  private static String nearest(String key, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String k = key.length() > 100 ? key.substring(0, 100) : key;
    for (String c : known) {
      int d = Similar.distance(k, c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(3, best.length() / 3) ? "did you mean '" + best + "'?"
        : "known question ids: " + String.join(", ", new java.util.TreeSet<>(known));
  }

  private static InputException problem(String file, JsonLocation at, String problem, String fix) {
    String where = at == null || at.getLineNr() <= 0 ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
    return new InputException(file + where + ": " + problem + " — " + fix);
  }
}
