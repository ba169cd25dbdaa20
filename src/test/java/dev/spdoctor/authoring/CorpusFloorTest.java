package dev.spdoctor.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.authoring.Corpus.Figures;
import dev.spdoctor.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ratchet on the public-record corpus (fixtures/public-record/corpus/ only, never held-out/):
 * the counts of cases spdoctor gets right must not drop below the floor recorded here. Raise the
 * floor when a change improves them; counts (not shares) so that new, harder pastes added by the
 * collectors never turn the build red.
 */
class CorpusFloorTest {
  /** Cases labelled with a cause that get it ranked first. */
  private static final int FIRST = 68;
  /** Cases labelled with a cause that get it among the first three. */
  private static final int TOP3 = 73;
  /**
   * none / outside: cases with no cause at 0.7 or more. 127, not 135: eight outside: labels became causes
   * of the knowledge base (site-permission-missing, federated-account-password-flow,
   * powershell-remoting-double-hop, list-not-found) and moved to the labelled counts.
   */
  private static final int NONE_QUIET = 127;

  @Test
  void corpusFiguresStayAtOrAboveTheFloor() throws IOException {
    List<String> problems = new ArrayList<>();
    Figures f = Corpus.measure(Engine.bundled(), Path.of("fixtures", "public-record", "corpus"), problems);
    assertThat(problems).as("unreadable corpus files").isEmpty();
    assertThat(f.invalid()).as("labels that name no cause and are not none/outside:").isZero();
    String misses = String.join("\n", f.outcomes().stream().filter(o -> !o.right())
        .map(o -> o.file() + "#" + o.name() + ": expected " + o.label() + ", got " + o.describe()).toList());
    assertThat(f.first()).as("right cause first; misses:%n%s", misses).isGreaterThanOrEqualTo(FIRST);
    assertThat(f.top3()).as("right cause in top 3; misses:%n%s", misses).isGreaterThanOrEqualTo(TOP3);
    assertThat(f.noneQuiet()).as("none/outside with nothing at 0.7 or more; misses:%n%s", misses)
        .isGreaterThanOrEqualTo(NONE_QUIET);
  }

  @Test
  void measuresFirstTopThreeAndQuietNoneCases(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.yaml"), """
        source: https://example.org/thread/1
        title: t
        posted: 2025-01-10
        cases:
          - name: tenant
            client: rest
            language: en
            text: "Tenant 'contoso.onmicrosoft.con' not found."
            label: tenant-not-found
            basis: b
          - name: nothing
            client: rest
            language: en
            text: "the printer is on fire"
            label: none
            basis: b
          - name: wrong
            client: rest
            language: en
            text: "Tenant 'contoso.onmicrosoft.con' not found."
            label: throttling
            basis: b
        """);
    Files.writeString(dir.resolve("b.yaml"), "source: [unclosed\n");
    Figures f = Corpus.measure(Engine.bundled(), dir, null);
    assertThat(f.unreadable()).isEqualTo(1);
    assertThat(f.causeCases()).isEqualTo(2);
    assertThat(f.first()).isEqualTo(1);
    assertThat(f.noneCases()).isEqualTo(1);
    assertThat(f.noneQuiet()).isEqualTo(1);
  }
}
