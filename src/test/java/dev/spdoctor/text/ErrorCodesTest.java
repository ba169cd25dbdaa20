package dev.spdoctor.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorCodesTest {
  @Test
  void findsCodesOfEverySystem() {
    String text = "AADSTS50034: no user. {\"error_codes\":[700016]} {\"error\":{\"code\":\"accessDenied\"}}"
        + " -2147024891, System.UnauthorizedAccessException HTTP/1.1 429 Too Many Requests";
    assertThat(ErrorCodes.codes(text)).extracting(ErrorCodes.Code::code)
        .containsExactly("AADSTS50034", "AADSTS700016", "accessDenied",
            "-2147024891, System.UnauthorizedAccessException", "HTTP 429");
  }

  @Test
  void findsTheIdentifiersSupportAsksFor() {
    String text = "AADSTS700016: Application with identifier 'd2f4e6a8-1b3c-4d5e-9f70-81a2b3c4d5e6' was not found in"
        + " the directory 'contoso.onmicrosoft.com'. Trace ID: 1c7e9d3a-2b4f-4e6a-8c1d-9f0e2a3b4c5d Correlation ID:"
        + " 8a7b6c5d-4e3f-2a1b-0c9d-8e7f6a5b4c3d Timestamp: 2026-06-01 10:00:00Z";
    assertThat(ErrorCodes.identifiers(text))
        .containsEntry("traceId", "1c7e9d3a-2b4f-4e6a-8c1d-9f0e2a3b4c5d")
        .containsEntry("correlationId", "8a7b6c5d-4e3f-2a1b-0c9d-8e7f6a5b4c3d")
        .containsEntry("timestamp", "2026-06-01 10:00:00Z")
        .containsEntry("clientId", "d2f4e6a8-1b3c-4d5e-9f70-81a2b3c4d5e6")
        .containsEntry("tenant", "contoso.onmicrosoft.com");
  }
}
