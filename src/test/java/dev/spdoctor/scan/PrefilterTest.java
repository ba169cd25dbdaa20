package dev.spdoctor.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.engine.PatternLiterals;
import dev.spdoctor.kb.KnowledgeBase;
import dev.spdoctor.kb.Signature;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The prefilter never hides a message the knowledge base knows. */
class PrefilterTest {
  private static final KnowledgeBase KB = KnowledgeBase.bundled();

  @Test
  void everyPatternHasLiterals() {
    assertThat(Prefilter.of(KB.signatures()).unfiltered()).as("patterns that would make every line a candidate").isEmpty();
  }

  /** Each example of each signature, as printed and wrapped at any space, still holds one of its literals. */
  @Test
  void everyExampleHitsItsSignaturesLiterals() {
    Prefilter p = Prefilter.of(KB.signatures());
    for (Signature s : KB.signatures()) {
      for (String example : s.examples()) {
        for (String shape : List.of(example, example.toUpperCase(java.util.Locale.ROOT), example.replace(" ", "  \n"))) {
          byte[] b = shape.getBytes(StandardCharsets.UTF_8);
          assertThat(p.signaturesFor(b, 0, b.length).isEmpty()).as(s.id() + ": " + shape).isFalse();
        }
      }
    }
  }

  @Test
  void literalsOfCommonShapes() {
    assertThat(PatternLiterals.of("AADSTS700016: Application with identifier '(?P<clientId>[^']*)' was not found"))
        .containsExactly("aadsts700016: application", "with identifier '");
    assertThat(PatternLiterals.of("(?i)status(?: code)?[: =]+401\\b")).containsExactlyInAnyOrder(":401", " 401", "=401");
    assertThat(PatternLiterals.of("\\b(?P<code>404) \\(?(?:Not Found|NOT FOUND)\\b")).isNotNull();
    assertThat(PatternLiterals.of("a|.*")).isNull();
    assertThat(PatternLiterals.of("(unbalanced")).isNull();
  }

  @Test
  void newlinesCountedEightBytesAtATimeAsOneByOne() {
    java.util.Random r = new java.util.Random(5);
    byte[] b = new byte[4096];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) "ab\n\r\u00ff\t".charAt(r.nextInt(6));
    }
    for (int k = 0; k < 500; k++) {
      int from = r.nextInt(b.length);
      int to = from + r.nextInt(b.length - from + 1);
      int n = 0;
      for (int i = from; i < to; i++) {
        n += b[i] == '\n' ? 1 : 0;
      }
      assertThat(BlockMatcher.countNewlines(b, from, to)).isEqualTo(n);
    }
  }

  @Test
  void automatonFoldsCaseAndSpaceAndQuotes() {
    ByteAutomaton a = new ByteAutomaton(List.of("was not found", "tenant '"));
    BitSet found = new BitSet();
    byte[] text = "x WAS   not\r\n\tFound and Tenant \"y\"".getBytes(StandardCharsets.UTF_8);
    a.collect(text, 0, text.length, found);
    assertThat(found.cardinality()).isEqualTo(2);
    int[] hits = {0};
    a.scan("nothing here\nwas not found\nwas not found".getBytes(StandardCharsets.UTF_8), 0, 40, 0, e -> hits[0]++);
    assertThat(hits[0]).isEqualTo(2);
    assertThat(Set.of(a.states())).isNotEmpty();
  }
}
