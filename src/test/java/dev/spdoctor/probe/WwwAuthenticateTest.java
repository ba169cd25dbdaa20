package dev.spdoctor.probe;

import dev.spdoctor.probe.net.WwwAuthenticate;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WwwAuthenticateTest {

  @Test
  void sharePointBearerChallengeGivesRealmAndIssuers() {
    var c = WwwAuthenticate.parse(List.of(SharePointProbeTest.challenge("03d0c210-38e8-47d7-9bc9-9ff2cd5ea7bc")));
    assertThat(c).singleElement().satisfies(ch -> {
      assertThat(ch.scheme()).isEqualTo("Bearer");
      assertThat(ch.param("realm")).contains("03d0c210-38e8-47d7-9bc9-9ff2cd5ea7bc");
      assertThat(ch.param("client_id")).contains("00000003-0000-0ff1-ce00-000000000000");
      assertThat(ch.param("trusted_issuers").orElseThrow()).startsWith("00000001-0000-0000-c000-000000000000@*,")
          .endsWith("@90140122-8516-11e1-8eff-49304924019b");
      assertThat(ch.param("authorization_uri")).contains("https://login.windows.net/common/oauth2/authorize");
    });
  }

  @Test
  void severalChallengesInOneHeaderAndSeveralHeaders() {
    var c = WwwAuthenticate.parse(List.of("Negotiate, NTLM", "Basic realm=\"corp\", charset=\"UTF-8\", Bearer realm=x",
        "Negotiate YIIabc+/==, Digest realm=\"a\\\"b\", nonce=n"));
    assertThat(c).extracting(WwwAuthenticate.Challenge::scheme)
        .containsExactly("Negotiate", "NTLM", "Basic", "Bearer", "Negotiate", "Digest");
    assertThat(c.get(2).params()).containsEntry("realm", "corp").containsEntry("charset", "UTF-8");
    assertThat(c.get(3).param("realm")).contains("x");
    assertThat(c.get(4).token68()).isEqualTo("YIIabc+/==");
    assertThat(c.get(5).params()).containsEntry("realm", "a\"b").containsEntry("nonce", "n");
    assertThat(WwwAuthenticate.schemes(c)).containsExactly("Negotiate", "NTLM", "Basic", "Bearer", "Digest");
  }

  @Test
  void bareBearerAndGarbageDoNotThrow() {
    assertThat(WwwAuthenticate.parse(List.of("Bearer", "", "   ,,", "=oops"))).extracting(WwwAuthenticate.Challenge::scheme)
        .containsExactly("Bearer");
  }
}
