package dev.spdoctor.text;

import java.util.List;

/**
 * Secrets planted in realistic pastes, each with the secret value that must never be stored or
 * echoed. Shared by the redactor's table test and the hostile-input suite.
 */
public final class PlantedSecrets {
  /** A paste and the secret inside it. */
  public record Planted(String name, String text, String secret) {}

  private PlantedSecrets() {}

  private static Planted p(String name, String text, String secret) {
    if (!text.contains(secret)) {
      throw new IllegalArgumentException(name + ": the text does not hold its secret");
    }
    return new Planted(name, text, secret);
  }

  private static final String JWT = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBoIn0.c2lnbmF0dXJlWFla";

  /** At least 60 of them, in every shape the issue names. */
  public static final List<Planted> ALL = List.of(
      p("bearer-header", "GET /_api/web HTTP/1.1\nAuthorization: Bearer " + JWT + "\n401 Unauthorized", JWT),
      p("bearer-opaque", "Authorization: Bearer EwBwA8l6BAAUO9chh8cJscQLmU+LSWpbnr0vmwwAA7rwP9Q2 failed",
          "EwBwA8l6BAAUO9chh8cJscQLmU"),
      p("bearer-lowercase", "authorization: bearer Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA got 401", "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA"),
      p("bearer-bare", "sent token Bearer abcDEF1234567890ghijKLMN to the API, got 403 Forbidden", "abcDEF1234567890ghijKLMN"),
      p("basic-header", "Proxy returned 407. Authorization: Basic dXNlcjpIdW50ZXIyUGFzcw== was rejected",
          "dXNlcjpIdW50ZXIyUGFzcw=="),
      p("basic-proxy-header", "Proxy-Authorization: Basic YWRtaW46UzNjcjN0IQ== (407 Proxy Authentication Required)",
          "YWRtaW46UzNjcjN0IQ=="),
      p("basic-bare", "curl sent Basic c3BhZG1pbjpQQHNzdzByZA== and the server said 401", "c3BhZG1pbjpQQHNzdzByZA=="),
      p("basic-json-header", "{\"headers\":{\"Authorization\":\"Basic bWU6bXlwYXNzd29yZDE=\"},\"status\":401}",
          "bWU6bXlwYXNzd29yZDE="),
      p("negotiate-header", "Authorization: Negotiate YIIGhgYGKwYBBQUCoIIGejCCBnagMDAuBgkqhkiC9xIBAgIGCSqGSIb3 failed",
          "YIIGhgYGKwYBBQUCoIIGejCCBnag"),
      p("ntlm-header", "Authorization: NTLM TlRMTVNTUAADAAAAGAAYAEgAAAAYABgAYAAAAA== 401",
          "TlRMTVNTUAADAAAAGAAYAEgAAAAYABgAYAAAAA=="),
      p("password-colon",
          "Connect-PnPOnline failed\nUser: admin@contoso.com\nPassword: Hunter2!Summer\nThe sign-in name or password"
              + " does not match",
          "Hunter2!Summer"),
      p("password-colon-lower", "login with password: W1nter#2026 was refused (AADSTS50126)", "W1nter#2026"),
      p("password-quoted", "config: Password: \"correct horse battery staple\" rejected", "correct horse battery staple"),
      p("passwd-colon", "passwd: s3cr3tPassw0rd, then 401", "s3cr3tPassw0rd"),
      p("json-clientSecret",
          "{\"clientId\":\"1b2c3d4e-1111-2222-3333-444455556666\",\"clientSecret\":\"kT9.XyzAbc_123456\",\"tenant\":\"contoso\"}",
          "kT9.XyzAbc_123456"),
      p("json-client_secret", "{\"client_secret\": \"Qw3rty-Secret-Value\", \"grant_type\": \"client_credentials\"}",
          "Qw3rty-Secret-Value"),
      p("json-CLIENT_SECRET", "{\"CLIENT_SECRET\":\"UPPER-case-secret-42\"}", "UPPER-case-secret-42"),
      p("json-ClientSecret", "{ \"ClientSecret\" : \"PascalCaseSecret99\" } AADSTS7000215", "PascalCaseSecret99"),
      p("json-password", "{\"username\":\"svc@contoso.com\",\"password\":\"JsonPass!word7\"}", "JsonPass!word7"),
      p("json-Password", "{\"Password\": \"Capital-P-Pass1\"}", "Capital-P-Pass1"),
      p("json-access_token", "{\"token_type\":\"Bearer\",\"access_token\":\"opaque-access-token-value-123\"}",
          "opaque-access-token-value-123"),
      p("json-refresh_token", "{\"refresh_token\":\"0.AAAA-refresh-token-secret-xyz\",\"expires_in\":3599}",
          "0.AAAA-refresh-token-secret-xyz"),
      p("json-refreshToken", "{\"refreshToken\": \"camelRefreshTokenSecret77\"}", "camelRefreshTokenSecret77"),
      p("json-id_token", "{\"id_token\":\"idtokenvalue-not-a-jwt-1234\"}", "idtokenvalue-not-a-jwt-1234"),
      p("json-client_assertion", "{\"client_assertion\":\"assertion-value-abc-987\",\"client_assertion_type\":\"x\"}",
          "assertion-value-abc-987"),
      p("json-escaped-quote", "{\"client_secret\":\"with\\\"quote-secret55\"}", "quote-secret55"),
      p("json-accountKey", "{\"accountKey\":\"bXlBY2NvdW50S2V5VmFsdWU=\"}", "bXlBY2NvdW50S2V5VmFsdWU="),
      p("json-apiKey", "{\"apiKey\":\"k-1234567890abcdef\"}", "k-1234567890abcdef"),
      p("json-privateKey", "{\"privateKey\":\"MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\"}", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"),
      p("form-client_secret", "POST /oauth2/v2.0/token client_id=abc&client_secret=Abc~12345XYZ&grant_type=client_credentials",
          "Abc~12345XYZ"),
      p("form-client_assertion", "grant_type=client_credentials&client_assertion=signed.assertion.value99&scope=x",
          "signed.assertion.value99"),
      p("form-refresh_token", "grant_type=refresh_token&refresh_token=OAQABAAAAAAD--DLA3VO7QrddgJg7Wev&client_id=x",
          "OAQABAAAAAAD--DLA3VO7QrddgJg7Wev"),
      p("form-password", "username=admin%40contoso.com&password=FormPass123&grant_type=password", "FormPass123"),
      p("form-access_token", "https://contoso.sharepoint.com/_api/web?access_token=qsAccessToken4567", "qsAccessToken4567"),
      p("query-code", "https://localhost/callback?code=0.AXkAabcdefghijklmnopqrstuvwxyz0123456789&state=12345",
          "0.AXkAabcdefghijklmnopqrstuvwxyz0123456789"),
      p("query-code-2", "redirect_uri=https%3A%2F%2Fapp&code=M.R3_BAY.CdPfAb9a8c7d6e5f4a3b2c1d0e9f8a7b6c",
          "M.R3_BAY.CdPfAb9a8c7d6e5f4a3b2c1d0e9f8a7b6c"),
      p("sas-sig", "https://contoso.blob.core.windows.net/c/f.txt?sv=2022-11-02&ss=b&sp=r&sig=Zx9%2BabcDEFghi%3D 403",
          "Zx9%2BabcDEFghi%3D"),
      p("sas-sig-upper", "...&se=2026-01-01&SIG=AbCdEfGhIjKlMnOp1234%3D AuthenticationFailed", "AbCdEfGhIjKlMnOp1234%3D"),
      p("conn-password", "Server=sql01;Database=WSS_Content;User Id=sa;Password=SqlPa55word!;", "SqlPa55word!"),
      p("conn-pwd", "Data Source=sql01;Initial Catalog=Config;uid=sp_farm;pwd=FarmPwd2026;", "FarmPwd2026"),
      p("conn-accountkey", "DefaultEndpointsProtocol=https;AccountName=backup;AccountKey=dGhpcyBpcyBhbiBhY2NvdW50IGtleQ==;"
          + "EndpointSuffix=core.windows.net", "dGhpcyBpcyBhbiBhY2NvdW50IGtleQ=="),
      p("conn-sharedaccesskey",
          "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=c2hhcmVkS2V5MTIz=",
          "c2hhcmVkS2V5MTIz="),
      p("conn-sharedaccesssignature", "BlobEndpoint=https://a.blob;SharedAccessSignature=sv=2020&sig=sasSigVal123",
          "sasSigVal123"),
      p("ps-securestring-single", "$cred = ConvertTo-SecureString 'P@ssw0rd-Single' -AsPlainText -Force", "P@ssw0rd-Single"),
      p("ps-securestring-double", "ConvertTo-SecureString \"P@ssw0rd-Double\" -AsPlainText -Force | Connect", "P@ssw0rd-Double"),
      p("ps-securestring-string", "ConvertTo-SecureString -String 'NamedParamPass1' -AsPlainText -Force", "NamedParamPass1"),
      p("ps-securestring-bare", "ConvertTo-SecureString BarePassword99 -AsPlainText -Force", "BarePassword99"),
      p("ps-var-pw", "$pw = 'VarPassword-1'\nConnect-PnPOnline -Url https://contoso.sharepoint.com", "VarPassword-1"),
      p("ps-var-password", "$Password = \"Var-Password-2\"; Connect-SPOService", "Var-Password-2"),
      p("ps-var-secret", "$clientSecret = 'Var.Client.Secret.3'", "Var.Client.Secret.3"),
      p("ps-var-apppwd", "$AppPwd='ShortVarPwd4'", "ShortVarPwd4"),
      p("url-userinfo-http", "Unable to connect to the proxy http://proxyuser:Pr0xyPass@proxy.contoso.local:8080 (407)",
          "Pr0xyPass"),
      p("url-userinfo-https", "GET https://svc:HttpsPassw0rd@sp2019.contoso.local/sites/a returned 401", "HttpsPassw0rd"),
      p("url-userinfo-ftp", "ftp://backup:FtpSecret1@files.contoso.local/ failed", "FtpSecret1"),
      p("pem-rsa",
          "cert.pem:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n"
          + "-----END RSA PRIVATE KEY-----\nunable to load", "MIIEpAIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun"),
      p("pem-pkcs8", "-----BEGIN PRIVATE KEY----- MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQC7 -----END PRIVATE KEY-----",
          "MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQC7"),
      p("pem-encrypted", "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI\n"
          + "-----END ENCRYPTED PRIVATE KEY-----", "MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI"),
      p("pem-truncated", "here is my key -----BEGIN EC PRIVATE KEY----- MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5",
          "MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5"),
      p("jwt-bare", "token was " + JWT + " and it expired", JWT),
      p("jwt-in-json", "{\"assertion\":\"" + JWT + "\"}", JWT),
      p("entra-secret-value",
          "AADSTS7000215: Invalid client secret provided. I used abc8Q~Xy1zAbCdEfGhIjKlMnOpQrStUvWxYz0123 as the value",
          "abc8Q~Xy1zAbCdEfGhIjKlMnOpQrStUvWxYz0123"),
      p("client-secret-label", "Client secret: Zt8~secretvalueplain and AADSTS7000215", "Zt8~secretvalueplain"),
      p("api-key-label", "API key: ak_live_51HGtkr2eZvKYlo2C", "ak_live_51HGtkr2eZvKYlo2C"),
      p("secret-equals", "secret=PlainSecretEquals9 in appsettings", "PlainSecretEquals9"),
      p("token-equals", "SPOAuth token=tokenEqualsValue123 rejected", "tokenEqualsValue123"),
      p("pwd-quoted-equals", "-p pwd='Quoted Pwd Value' -u admin", "Quoted Pwd Value"),
      p("multiline-log", "2026-01-01 10:00:00 INFO start\n2026-01-01 10:00:01 DEBUG client_secret=MultiLine~Secret42\n"
          + "2026-01-01 10:00:02 ERROR AADSTS7000215: Invalid client secret provided.", "MultiLine~Secret42"));
}
