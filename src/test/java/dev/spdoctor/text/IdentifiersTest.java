package dev.spdoctor.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.text.Identifiers.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentifiersTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f|GUID",
      "{6F1C2D3E-4B5A-4C6D-8E7F-9A0B1C2D3E4F}|GUID",
      "contoso.onmicrosoft.com|DOMAIN",
      "fabrikam.com|DOMAIN",
      "<your-client-id>|PLACEHOLDER",
      "<Client ID>|PLACEHOLDER",
      "${CLIENT_ID}|PLACEHOLDER",
      "{{tenant}}|PLACEHOLDER",
      "%AZURE_CLIENT_ID%|PLACEHOLDER",
      "$clientId|PLACEHOLDER",
      "YOUR_CLIENT_ID|PLACEHOLDER",
      "your-tenant-id|PLACEHOLDER",
      "null|PLACEHOLDER",
      "None|PLACEHOLDER",
      "undefined|PLACEHOLDER",
      "('6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',)|PLACEHOLDER",
      "client_id|PLACEHOLDER",
      "****|REDACTED",
      "************|REDACTED",
      "xxx|REDACTED",
      "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX|REDACTED",
      "6f1c2d3e-****-****-****-************|REDACTED",
      "<redacted>|REDACTED",
      "[REDACTED]|REDACTED",
      "{EUII Hidden}|REDACTED",
      "Entra APP ID|REDACTED",
      "Tenant Name|REDACTED",
      "App ID|REDACTED",
      "''|EMPTY",
      "Contoso Backup|OTHER",
      "12345|OTHER"})
  void classifies(String value, Kind kind) {
    assertThat(Identifiers.classify("''".equals(value) ? "" : value)).isEqualTo(kind);
  }

  @ParameterizedTest
  @CsvSource({"****", "xxx", "<redacted>"})
  void aRedactionIsNeverJudged(String value) {
    assertThat(Identifiers.visiblyNotGuid(value)).isFalse();
  }
}
