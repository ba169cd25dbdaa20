package dev.spdoctor.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {
  @Test
  void removesTokensSecretsAndPasswords() {
    String text = "Authorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwcyJ9.c2ln"
        + " body client_secret=Abc~12345&grant_type=client_credentials {\"password\": \"hunter2\"}";
    String redacted = Redactor.redact(text);
    assertThat(redacted).doesNotContain("eyJ").doesNotContain("Abc~12345").doesNotContain("hunter2")
        .contains("client_secret=[redacted]&grant_type=client_credentials")
        .contains("\"password\": \"[redacted]\"");
  }

  @Test
  void leavesOrdinaryErrorTextAlone() {
    String text = "AADSTS7000215: Invalid client secret provided. Trace ID: 1c7e9d3a-2b4f-4e6a-8c1d-9f0e2a3b4c5d";
    assertThat(Redactor.redact(text)).isEqualTo(text);
  }
}
