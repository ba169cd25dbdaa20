package dev.spdoctor.guide;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.spdoctor.engine.Diagnosis.OpenQuestion;
import dev.spdoctor.engine.Engine;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Scripted interviews from fixtures/interviews: the questions asked, in order, and the outcome. */
class InterviewTest {
  private static final Engine ENGINE = Engine.bundled();
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

  static Stream<Arguments> interviews() throws IOException {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Path.of("fixtures/interviews/interviews.yaml").toFile());
    List<Arguments> out = new ArrayList<>();
    root.get("interviews").forEach(n -> out.add(Arguments.of(Named.of(n.get("name").asText(), n))));
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("interviews")
  void asksOnlyWhatMattersAndReachesTheExpectedCause(JsonNode script) {
    Interview interview = new Interview(ENGINE, List.of(script.get("text").asText()), Map.of(), AS_OF);
    List<String> asked = new ArrayList<>();
    Optional<OpenQuestion> next;
    while ((next = interview.next()).isPresent()) {
      String id = next.get().question().id();
      assertThat(asked).as("asked twice: " + id).doesNotContain(id);
      asked.add(id);
      JsonNode answer = script.get("answers").get(id);
      if (answer == null) {
        interview.skip(id);
      } else {
        interview.answer(id, answer.asText());
      }
    }
    List<String> expected = new ArrayList<>();
    script.get("questions").forEach(q -> expected.add(q.asText()));
    assertThat(asked).isEqualTo(expected);
    assertThat(interview.diagnosis().causes().get(0).cause().id()).isEqualTo(script.get("first").asText());
  }

  @Test
  void backUndoesTheLastAnswer() {
    Interview interview = new Interview(ENGINE, List.of("AADSTS700016: Application with identifier"
        + " 'd2f4e6a8-1b3c-4d5e-9f70-81a2b3c4d5e6' was not found in the directory 'contoso.onmicrosoft.com'."), Map.of(), AS_OF);
    interview.answer("app-registration-exists", "no");
    assertThat(interview.established()).isTrue();
    assertThat(interview.back()).isTrue();
    assertThat(interview.next().orElseThrow().question().id()).isEqualTo("app-registration-exists");
    assertThat(interview.back()).isFalse();
  }
}
