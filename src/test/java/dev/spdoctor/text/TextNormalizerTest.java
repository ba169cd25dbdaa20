package dev.spdoctor.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {
  @Test
  void collapsesWrappedLinesToSingleSpaces() {
    assertThat(TextNormalizer.normalize("Failed to list site collections from the\r\n   target server.\tMake sure"))
        .isEqualTo("Failed to list site collections from the target server. Make sure");
  }

  @Test
  void decodesEscapesInsideJsonStrings() {
    String body = "{\"error_description\":\"AADSTS700016: Application with identifier \\u0027abc\\u0027 was not"
        + " found.\\r\\nTrace ID: 1\\r\\n\",\"path\":\"C:\\\\Program Files\"}";
    assertThat(TextNormalizer.normalize(body))
        .contains("AADSTS700016: Application with identifier 'abc' was not found. Trace ID: 1")
        .contains("C:\\Program Files");
  }

  @Test
  void straightensTypographicQuotesAndDropsZeroWidthCharacters() {
    assertThat(TextNormalizer.normalize("identifier \u2018abc\u2019 in \u201Ccontoso\u201D\u200B.\uFEFF"))
        .isEqualTo("identifier 'abc' in \"contoso\".");
  }

  @Test
  void leavesBackslashesOutsideJsonStringsAlone() {
    assertThat(TextNormalizer.normalize("account 'CONTOSO\\newadmin' failed"))
        .isEqualTo("account 'CONTOSO\\newadmin' failed");
  }

  @Test
  void stripsTagsAndEntitiesOfAnHtmlPage() {
    String page = "<!DOCTYPE html><html><head><style>p{}</style><script>var x='<b>';</script></head>"
        + "<body><p>Access denied. You do not have permission&nbsp;to perform this action &amp; more</p></body></html>";
    assertThat(TextNormalizer.normalize(page))
        .isEqualTo("Access denied. You do not have permission to perform this action & more");
  }

  @Test
  void keepsAngleBracketsOfPlainText() {
    assertThat(TextNormalizer.normalize("Failed to list <SharePoint object> from the target server."))
        .isEqualTo("Failed to list <SharePoint object> from the target server.");
  }

  /** The one-pass white-space collapse gives what the regex replacement gave, on every mix of space characters. */
  @Test
  void collapseSpaceEqualsTheRegexReplacement() {
    String alphabet = " \t\n\r\f\u000b\u00a0\u2028\u2029ab";
    java.util.Random random = new java.util.Random(1);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = b.toString();
      assertThat(TextNormalizer.collapseSpace(s)).as("%s", s.chars().boxed().toList())
          .isEqualTo(TextNormalizer.SPACE.matcher(s).replaceAll(" "));
    }
  }
}
