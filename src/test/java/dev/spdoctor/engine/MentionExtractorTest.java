package dev.spdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.facts.Mention;
import java.util.List;
import org.junit.jupiter.api.Test;

class MentionExtractorTest {
  @Test
  void findsUrlsAccountsAndCodes() {
    List<Mention> found = MentionExtractor.extract("Connecting to https://contoso.sharepoint.com/sites/hr as"
        + " admin@contoso.onmicrosoft.com and CONTOSO\\spadmin: AADSTS700016 at http://sp2019:8080/.");
    assertThat(found).extracting(Mention::kind, Mention::value).contains(
        org.assertj.core.groups.Tuple.tuple("url", "https://contoso.sharepoint.com/sites/hr"),
        org.assertj.core.groups.Tuple.tuple("upn", "admin@contoso.onmicrosoft.com"),
        org.assertj.core.groups.Tuple.tuple("domain-account", "CONTOSO\\spadmin"),
        org.assertj.core.groups.Tuple.tuple("aadsts", "AADSTS700016"),
        org.assertj.core.groups.Tuple.tuple("url", "http://sp2019:8080/"));
    Mention spo = found.get(0);
    assertThat(spo.isSharePointOnline()).isTrue();
    assertThat(spo.isIntranet()).isFalse();
    Mention intranet = found.stream().filter(m -> m.value().contains("sp2019")).findFirst().orElseThrow();
    assertThat(intranet.isIntranet()).isTrue();
  }

  @Test
  void aWindowsPathIsNotADomainAccount() {
    assertThat(MentionExtractor.extract("at C:\\Program Files\\CodeTwo\\Backup\\service.exe"))
        .noneMatch(m -> m.kind().equals("domain-account"));
  }

  @Test
  void aPublicWebsiteIsNotAnIntranetServer() {
    assertThat(MentionExtractor.extract("see https://www.example.com/kb/123"))
        .allMatch(m -> !m.isIntranet());
  }
}
