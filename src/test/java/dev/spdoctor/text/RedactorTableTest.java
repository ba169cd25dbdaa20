package dev.spdoctor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RedactorTableTest {
  static Stream<PlantedSecrets.Planted> planted() {
    return PlantedSecrets.ALL.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("planted")
  void removesThePlantedSecret(PlantedSecrets.Planted p) {
    String redacted = Redactor.redact(p.text());
    assertThat(redacted).as(p.name()).doesNotContain(p.secret()).contains(Redactor.MARK);
    assertThat(Redactor.redact(redacted)).as("redacting twice changes nothing").isEqualTo(redacted);
  }

  @org.junit.jupiter.api.Test
  void theTableHoldsAtLeastSixtySecrets() {
    assertThat(PlantedSecrets.ALL).hasSizeGreaterThanOrEqualTo(60);
    assertThat(PlantedSecrets.ALL.stream().map(PlantedSecrets.Planted::name).distinct()).hasSameSizeAs(PlantedSecrets.ALL);
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret"
          + " value, not the client secret ID",
      "Basic authentication is disabled for this tenant",
      "The remote server returned an error: (401) Unauthorized. Bearer realm=\"00000003-0000-0ff1-ce00-000000000000\"",
      "Look it up: https://login.microsoftonline.com/error?code=50034",
      "AADSTS50126: Error validating credentials due to invalid username or password.",
      "Failed to connect to SharePoint using account 'CONTOSO\\\\spadmin'. Make sure you have entered the account"
          + " credentials and server URLs correctly.",
      "https://contoso.sharepoint.com/sites/hr?web=1 returned 404"})
  void leavesOrdinaryErrorTextAlone(String text) {
    assertThat(Redactor.redact(text)).isEqualTo(text);
  }
}
