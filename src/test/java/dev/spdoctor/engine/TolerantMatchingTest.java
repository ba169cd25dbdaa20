package dev.spdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.kb.KnowledgeBase;
import dev.spdoctor.kb.Signature;
import dev.spdoctor.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every seed message (the signatures written from the two articles) still matches in any case and
 * spacing; every other signature example at least in any spacing (a few public-record signatures
 * tell codes apart by case, such as Graph's accessDenied against SharePoint's AccessDenied).
 */
class TolerantMatchingTest {
  private static final KnowledgeBase KB = KnowledgeBase.bundled();
  private static final SignatureMatcher MATCHER = new SignatureMatcher(KB.signatures());

  @Test
  void everyExampleMatchesInAnyCaseAndSpacing() {
    List<String> missed = new ArrayList<>();
    for (Signature s : KB.signatures()) {
      for (String example : s.examples()) {
        boolean seed = s.source() != null && !"public-record".equals(s.source().article());
        List<String> variants = seed ? List.of(asciiUpper(example), asciiLower(example), respaced(example))
            : List.of(respaced(example));
        for (String variant : variants) {
          String text = TextNormalizer.normalize(variant);
          if (MATCHER.find(0, text).stream().noneMatch(f -> f.signature().equals(s.id()) && !f.fragment())) {
            missed.add(s.id() + ": " + variant);
          }
        }
      }
    }
    assertThat(missed).as("examples no longer matched").isEmpty();
  }

  @Test
  void theSeedMessagesAreAmongTheExamples() {
    assertThat(KB.signatures().stream().filter(s -> s.source() != null && "troubleshooting".equals(s.source().article())))
        .hasSizeGreaterThan(15);
  }

  @Test
  void aMessageCutAfterItsLeadingFragmentIsFoundAsAFragment() {
    List<SignatureMatcher.Found> found = MATCHER.find(0,
        TextNormalizer.normalize("Error: The sign-in name or password does not match…"));
    assertThat(found).anySatisfy(f -> {
      assertThat(f.signature()).isEqualTo("signin-name-password-mismatch");
      assertThat(f.fragment()).isTrue();
    });
    assertThat(MATCHER.find(0, "The sign-in name or password…")).isEmpty();
    assertThat(MATCHER.find(0, "The sign-in name or password does not match the records we keep"))
        .noneMatch(f -> f.signature().equals("signin-name-password-mismatch"));
  }

  private static String asciiUpper(String s) {
    return recase(s, true);
  }

  private static String asciiLower(String s) {
    return recase(s, false);
  }

  /** ASCII letters in one case; a backslash escape (JSON) keeps its own letters. */
  private static String recase(String s, boolean upper) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        int keep = s.charAt(i + 1) == 'u' ? Math.min(s.length(), i + 6) : i + 2;
        b.append(s, i, keep);
        i = keep - 1;
      } else if (upper && c >= 'a' && c <= 'z') {
        b.append((char) (c - 32));
      } else if (!upper && c >= 'A' && c <= 'Z') {
        b.append((char) (c + 32));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** Every space doubled and every third one turned into a console line wrap with indentation. */
  private static String respaced(String s) {
    StringBuilder b = new StringBuilder(s.length() * 2);
    int spaces = 0;
    for (char c : s.toCharArray()) {
      if (c == ' ') {
        b.append(++spaces % 3 == 0 ? "\r\n    " : "  ");
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
