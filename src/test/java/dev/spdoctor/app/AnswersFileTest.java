package dev.spdoctor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spdoctor.input.InputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An answers file goes through the one strict YAML reader; every problem is listed at its place. */
class AnswersFileTest {
  private static final List<String> KNOWN = List.of("app-registration-exists", "registered-recently", "deployment");

  private static Map<String, String> read(String text) {
    return AnswersFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "a.yaml", KNOWN);
  }

  private static String refusal(String text) {
    try {
      read(text);
    } catch (InputException e) {
      return e.getMessage();
    }
    throw new AssertionError("accepted: " + text);
  }

  @Test
  void aFlatMapOfKnownQuestionsIsRead() {
    assertThat(read("app-registration-exists: \"no\"\nregistered-recently: yes\n"))
        .containsExactly(Map.entry("app-registration-exists", "no"), Map.entry("registered-recently", "yes"));
  }

  @Test
  void everyProblemIsListedWithItsLineAndColumn() {
    String m = refusal("app-registraton-exists: \"no\"\nregistered-recently:\ndeployment: [a, b]\n"
        + "deployment: online\n");
    assertThat(m.lines()).containsExactly(
        "a.yaml:1:1: 'app-registraton-exists' is not a question id — did you mean 'app-registration-exists'?",
        "a.yaml:2:21: the answer to 'registered-recently' is empty — give a value, or leave the key out to leave the"
            + " question unknown",
        "a.yaml:3:13: the answer to 'deployment' is a list — give one value, e.g. deployment: \"no\"");
  }

  @Test
  void aKeyTwiceIsRefused() {
    assertThat(refusal("deployment: online\ndeployment: onprem\n"))
        .isEqualTo("a.yaml:2:1: 'deployment' is answered twice — keep one answer");
  }

  @Test
  void anchorsAliasesTagsAndNulAreRefusedBeforeAnythingIsExpanded() {
    assertThat(refusal("deployment: &x online\napp-registration-exists: *x\n"))
        .contains("a.yaml:1:13: uses a YAML anchor (&name)").contains("a.yaml:2:26: uses a YAML alias (*name)");
    assertThat(refusal("app-registration-exists: !!python/object \"no\"\n"))
        .startsWith("a.yaml:1:26: uses a YAML tag (!...)");
    assertThat(refusal("deployment: online\napp-registration-exists: \"n\u0000o\"\n"))
        .startsWith("a.yaml:2:28: holds a NUL character");
    assertThat(refusal("a: [\n")).startsWith("a.yaml:").contains("not valid YAML");
  }

  @Test
  void notAMapEmptyAndTwoDocumentsAreRefused() {
    assertThat(refusal("- a\n- b\n")).isEqualTo("a.yaml:1:1: is not a map of question id to answer — write e.g."
        + " app-registration-exists: \"no\"");
    assertThat(refusal("")).contains("empty");
    assertThat(refusal("deployment: online\n---\nx: y\n")).contains("a second YAML document");
  }

  @Test
  void tooLargeIsRefusedBeforeParsing() {
    assertThatThrownBy(() -> read("deployment: \"" + "n".repeat(AnswersFile.MAX_BYTES) + "\"\n"))
        .isInstanceOf(InputException.class).hasMessageContaining("larger than");
  }
}
