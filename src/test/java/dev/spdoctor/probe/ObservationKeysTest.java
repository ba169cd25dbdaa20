package dev.spdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ObservationKeysTest {
  @Test
  void everyProbeAndKeyIsDocumented() throws Exception {
    String doc = Files.readString(Path.of("docs/probes.md"));
    for (String probe : ObservationKeys.probes()) {
      assertThat(doc).as("docs/probes.md has a section for " + probe).contains("### `" + probe + "`");
      for (String key : ObservationKeys.of(probe)) {
        assertThat(doc).as("docs/probes.md mentions " + probe + "'s key " + key).contains("`" + key + "`");
      }
    }
  }

  @Test
  void theRunnerStagesHoldExactlyTheKnownProbes() {
    List<String> ids = Probes.stages().stream().flatMap(List::stream).map(Probe::id).collect(Collectors.toList());
    assertThat(ids).containsExactlyInAnyOrderElementsOf(ObservationKeys.probes());
  }
}
