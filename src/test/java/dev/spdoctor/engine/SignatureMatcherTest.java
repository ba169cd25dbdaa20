package dev.spdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.authoring.FixtureRunner;
import dev.spdoctor.kb.KnowledgeBase;
import dev.spdoctor.kb.Signature;
import dev.spdoctor.text.TextNormalizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignatureMatcherTest {
  @Test
  void prefilterNeverChangesWhatIsFound() throws IOException {
    KnowledgeBase kb = KnowledgeBase.bundled();
    SignatureMatcher fast = new SignatureMatcher(kb.signatures());
    SignatureMatcher plain = new SignatureMatcher(kb.signatures(), false);
    List<String> texts = new ArrayList<>();
    for (Signature s : kb.signatures()) {
      texts.addAll(s.examples());
    }
    FixtureRunner.load(Path.of("fixtures")).forEach(c -> texts.add(c.fixture().textOrEmpty()));
    assertThat(texts).hasSizeGreaterThan(300);
    for (String t : texts) {
      String n = TextNormalizer.normalize(t);
      assertThat(fast.find(0, n)).as(t).isEqualTo(plain.find(0, n));
    }
  }

  /** Corpus pastes (never held-out/) and the texts as a log or a console could print them. */
  @Test
  void gateNeverChangesWhatIsFoundInCorpusPastesAndVariants() throws IOException {
    KnowledgeBase kb = KnowledgeBase.bundled();
    SignatureMatcher fast = new SignatureMatcher(kb.signatures());
    SignatureMatcher plain = new SignatureMatcher(kb.signatures(), false);
    List<String> texts = new ArrayList<>();
    com.fasterxml.jackson.databind.ObjectMapper yaml =
        new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    try (var files = java.nio.file.Files.list(Path.of("fixtures", "public-record", "corpus"))) {
      for (Path f : files.filter(x -> x.toString().endsWith(".yaml")).sorted().toList()) {
        for (var c : yaml.readTree(f.toFile()).path("cases")) {
          texts.add(c.path("text").asText(""));
        }
      }
    }
    assertThat(texts).hasSizeGreaterThan(100);
    for (Signature s : kb.signatures()) {
      for (String e : s.examples()) {
        texts.add(e.toUpperCase(java.util.Locale.ROOT));
        texts.add(e.replace("k", "\u212a").replace("s", "\u017f")); // Kelvin sign, long s: RE2J folds them
        texts.add(e.substring(0, e.length() / 2)); // cut off: a fragment
        texts.add(e.replace(" ", "  "));
        texts.add("GET /x HTTP/1.1 200 OK " + e + " then " + e + " (401 items) " + e.substring(0, e.length() / 3));
      }
    }
    for (String t : texts) {
      String n = TextNormalizer.normalize(t);
      assertThat(fast.find(0, n)).as(t).isEqualTo(plain.find(0, n));
      assertThat(fast.find(0, t)).as("raw: " + t).isEqualTo(plain.find(0, t));
    }
  }

  @Test
  void conjunctsAreWhatEveryMatchHolds() {
    assertThat(PatternLiterals.conjuncts("Tenant '(?P<tenant>[^']+)' not found"))
        .containsExactlyInAnyOrder(Set.of("tenant '"), Set.of("' not found"));
    assertThat(PatternLiterals.conjuncts("[abcdefgh]+ xyz")).containsExactly(Set.of(" xyz"));
    assertThat(PatternLiterals.conjuncts("foo bar|baz qux")).containsExactly(Set.of("foo bar", "baz qux"));
    assertThat(PatternLiterals.conjuncts("(?i)\\bHTTP/[0-9.]+ 407 Proxy Authentication"))
        .containsExactlyInAnyOrder(Set.of("http/"), Set.of(" 407 proxy authentication"));
    assertThat(PatternLiterals.conjuncts("Failed to connect( to)? SharePoint"))
        .containsExactly(Set.of("failed to connect sharepoint", "failed to connect to sharepoint"));
    assertThat(PatternLiterals.conjuncts("canceled?x")).containsExactly(Set.of("cancelex", "canceledx"));
    assertThat(PatternLiterals.conjuncts("a.*|b")).isEmpty();
    assertThat(PatternLiterals.conjuncts("(unbalanced")).isEmpty();
    assertThat(PatternLiterals.conjuncts("AADSTS(?:50001|50002)\\b.{0,40}resource"))
        .containsExactlyInAnyOrder(Set.of("aadsts50001", "aadsts50002"), Set.of("resource"));
  }

  @Test
  void anchorsSayWhereLiteralsSit() {
    PatternLiterals.Anchors a = PatternLiterals.anchors("(?i)\\bHTTP/[0-9.]+ 401\\b");
    assertThat(a.lead()).containsExactly("http/");
    assertThat(a.leadBefore()).isZero();
    assertThat(a.trail()).containsExactly(" 401");
    assertThat(a.trailAfter()).isZero();
    a = PatternLiterals.anchors("a{2,5}xyz[ab]q.{0,3}");
    assertThat(a.lead()).containsExactlyInAnyOrder("xyzaq", "xyzbq");
    assertThat(a.leadBefore()).isEqualTo(5);
    assertThat(a.trailAfter()).isEqualTo(6); // up to three characters of two UTF-16 units each
    a = PatternLiterals.anchors("Tenant '(?P<tenant>[^']+)' not found");
    assertThat(a.lead()).containsExactly("tenant '");
    assertThat(a.trail()).containsExactly("' not found");
    assertThat(PatternLiterals.anchors("[^x]+foo bar").lead()).isNull();
    assertThat(PatternLiterals.anchors("foo bar[^x]*").trail()).isNull();
    assertThat(PatternLiterals.anchors("foo bar|baz qux").lead()).containsExactlyInAnyOrder("foo bar", "baz qux");
  }

  /** The anchored search starts RE2J part-way into the text; RE2J must still see the character before. */
  @Test
  void findFromAPlaceSeesTheCharacterBefore() {
    assertThat(com.google.re2j.Pattern.compile("\\bfoo").matcher("xfoo").find(1)).isFalse();
    assertThat(com.google.re2j.Pattern.compile("\\bfoo").matcher(" foo").find(1)).isTrue();
    assertThat(com.google.re2j.Pattern.compile("^foo").matcher("xfoo").find(1)).isFalse();
  }

  @Test
  void gateFoldsCaseAndWhiteSpace() {
    LiteralGate g = new LiteralGate(List.of("was not found", "tenant '", "kelvin"));
    assertThat(g.collect("x WAS   not\r\n\tFound and TENANT 'y' \u212aelvin").cardinality()).isEqualTo(3);
    assertThat(g.collect("was not\u00a0foun").isEmpty()).isTrue();
  }
}
