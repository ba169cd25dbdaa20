package dev.spdoctor.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The answers of a scripted interview ({@code guide --answers FILE}): a YAML map of question id to answer. */
public final class AnswersFile {
  private AnswersFile() {}

  /**
   * Reads the answers, in file order; {@code -} reads {@code stdin}.
   *
   * @throws RequestException (bad input) when the file is missing or not such a map
   */
  public static Map<String, String> read(Path file, InputStream stdin) {
    boolean piped = "-".equals(file.toString());
    if (!piped && !Files.isRegularFile(file)) {
      throw RequestException.badInput("no such answers file: " + file);
    }
    try {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(piped ? stdin : Files.newInputStream(file));
      if (root == null || !root.isObject()) {
        throw RequestException.badInput(file + ": expected a YAML map of question id to answer,"
            + " e.g. app-registration-exists: \"no\"");
      }
      Map<String, String> answers = new LinkedHashMap<>();
      root.fields().forEachRemaining(e -> answers.put(e.getKey(), e.getValue().asText()));
      return answers;
    } catch (IOException e) {
      throw RequestException.badInput(file + ": not valid YAML: " + e.getMessage().split("\n")[0]);
    }
  }
}
