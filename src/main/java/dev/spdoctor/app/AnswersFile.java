package dev.spdoctor.app;

import dev.spdoctor.input.InputException;
import dev.spdoctor.io.BoundedFiles;
import dev.spdoctor.text.Similar;
import dev.spdoctor.text.Visible;
import dev.spdoctor.yaml.Problem;
import dev.spdoctor.yaml.StrictYaml;
import dev.spdoctor.yaml.YamlTree.Entry;
import dev.spdoctor.yaml.YamlTree.Mapping;
import dev.spdoctor.yaml.YamlTree.Node;
import dev.spdoctor.yaml.YamlTree.Scalar;
import dev.spdoctor.yaml.YamlTree.Sequence;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code guide --answers FILE}: a flat YAML map of question id to answer, read by the one strict
 * reader ({@link StrictYaml#plain}) and checked as strictly as the answers it stands for. At most
 * 64 KiB; UTF-8; one document; no aliases, anchors, tags or NUL; every key a known question (an
 * unknown one is reported with the nearest known id); every value a short scalar; no key twice.
 * Every problem of the file is listed, each at its line and column.
 */
public final class AnswersFile {
  /** The largest answers file read. */
  public static final int MAX_BYTES = 64 * 1024;
  private static final int MAX_VALUE = 1024;

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
    StrictYaml.Read<Node> read = StrictYaml.plain(file, text);
    if (!read.problems().isEmpty()) {
      throw refused(read.problems());
    }
    if (!(read.value() instanceof Mapping map)) {
      throw refused(List.of(new Problem(file, read.value().line(), read.value().column(),
          "is not a map of question id to answer", "write e.g. app-registration-exists: \"no\"")));
    }
    List<Problem> problems = new ArrayList<>();
    Map<String, String> answers = new LinkedHashMap<>();
    for (Entry e : map.entries()) {
      String key = e.key();
      Node v = e.value();
      if (!known.contains(key)) {
        String near = Similar.nearestId(key.length() > 100 ? key.substring(0, 100) : key, known);
        problems.add(new Problem(file, e.line(), e.column(), "'" + Visible.clip(Visible.oneLine(key), 60)
            + "' is not a question id", near != null ? "did you mean '" + near + "'?"
            : "known question ids: " + String.join(", ", new TreeSet<>(known))));
      } else if (!(v instanceof Scalar value)) {
        problems.add(new Problem(file, v.line(), v.column(), "the answer to '" + key + "' is a " + (v instanceof Sequence
            ? "list" : "map"), "give one value, e.g. " + key + ": \"no\""));
      } else if (value.isNull()) {
        problems.add(new Problem(file, v.line(), v.column(), "the answer to '" + key + "' is empty",
            "give a value, or leave the key out to leave the question unknown"));
      } else if (value.text().length() > MAX_VALUE) {
        problems.add(new Problem(file, v.line(), v.column(), "the answer to '" + key + "' is longer than " + MAX_VALUE
            + " characters", "give the short answer the question asks for"));
      } else if (answers.put(key, value.text()) != null) {
        problems.add(new Problem(file, e.line(), e.column(), "'" + key + "' is answered twice", "keep one answer"));
      }
    }
    if (!problems.isEmpty()) {
      throw refused(problems);
    }
    return answers;
  }

  /** Every problem of the file, one a line. */
  private static InputException refused(List<Problem> problems) {
    return new InputException(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
  }
}
