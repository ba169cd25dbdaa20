package dev.spdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Answers table of docs/cli.md names every question of the knowledge base with the values it takes. */
class AnswersTableDocTest {
  private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\| [^|]+ \\| (.+) \\|$", Pattern.MULTILINE);

  @Test
  void everyQuestionIsDocumentedWithItsValues() throws IOException {
    String doc = Files.readString(Path.of("docs/cli.md"), StandardCharsets.UTF_8);
    Map<String, String> rows = new LinkedHashMap<>();
    Matcher m = ROW.matcher(doc.substring(doc.indexOf("| KEY | Asks | VALUE |")));
    while (m.find() && !rows.containsKey(m.group(1))) {
      rows.put(m.group(1), m.group(2));
    }
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<Path> questions;
    try (Stream<Path> s = Files.list(Path.of("knowledge-base/questions"))) {
      questions = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(questions).isNotEmpty();
    for (Path q : questions) {
      JsonNode node = yaml.readTree(q.toFile());
      String id = node.get("id").asText();
      assertThat(rows).as("docs/cli.md's Answers table has a row for question %s (%s)", id, q).containsKey(id);
      String type = node.path("type").asText();
      if ("choice".equals(type)) {
        for (JsonNode c : node.get("choices")) {
          assertThat(rows.get(id)).as("the row of %s lists the value %s", id, c.asText()).contains("`" + c.asText() + "`");
        }
      } else if ("yesno".equals(type)) {
        assertThat(rows.get(id)).as("the row of %s lists yes and no", id).contains("`yes`", "`no`");
      }
    }
  }
}
