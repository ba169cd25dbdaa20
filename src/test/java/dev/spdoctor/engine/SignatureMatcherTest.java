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

  @Test
  void requiredLiteralsAreConservative() {
    assertThat(RequiredLiteral.of("Tenant '(?P<tenant>[^']+)' not found")).isEqualTo(
        new RequiredLiteral.Literal("' not found", false));
    assertThat(RequiredLiteral.of("[abcdefgh]+ xyz")).isNull();
    assertThat(RequiredLiteral.of("foo bar|baz qux")).isNull();
    assertThat(RequiredLiteral.of("(?i)HTTP/[0-9.]+ 407 Proxy Authentication")).isEqualTo(
        new RequiredLiteral.Literal(" 407 proxy authentication", true));
    assertThat(RequiredLiteral.of("Failed to connect( to)? SharePoint")).isEqualTo(
        new RequiredLiteral.Literal("Failed to connect", false));
    assertThat(RequiredLiteral.of("canceled?x")).isEqualTo(new RequiredLiteral.Literal("cancele", false));
    assertThat(RequiredLiteral.of("\\(407\\) Proxy")).isEqualTo(new RequiredLiteral.Literal("(407) Proxy", false));
  }
}
