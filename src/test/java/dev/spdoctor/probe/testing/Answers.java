package dev.spdoctor.probe.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;

/**
 * Answers shaped like those of Entra ID, Microsoft Graph and SharePoint Online (bodies and
 * headers as recorded in /work/shared/notes/probes.md §3), for the end-to-end tests.
 */
public final class Answers {
  public static final String TRACE = "2f1a9c4e-7b3d-4e8a-9c61-0d5f2e3a1b00";
  public static final String CORRELATION = "b7e4c2a9-1d3f-4a6b-8c5e-9f0a2d4b6c81";

  private Answers() {}

  /** The {@code Date} header value for now plus {@code skewSeconds}. */
  public static String date(long skewSeconds) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().plusSeconds(skewSeconds).atOffset(ZoneOffset.UTC));
  }

  public static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
        .withHeader("Date", date(0)).withBody(body);
  }

  /** The tenant's OpenID configuration in the global cloud. */
  public static String discovery(String tenant) {
    return "{\"token_endpoint\":\"https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/token\","
        + "\"issuer\":\"https://login.microsoftonline.com/" + tenant + "/v2.0\",\"tenant_region_scope\":\"EU\","
        + "\"cloud_instance_name\":\"microsoftonline.com\",\"cloud_graph_host_name\":\"graph.windows.net\","
        + "\"msgraph_host\":\"graph.microsoft.com\"}";
  }

  /** An Entra error body as the token and discovery endpoints send it. */
  public static String entraError(String error, int code, String message) {
    String description = "AADSTS" + code + ": " + message + "\\r\\nTrace ID: " + TRACE + "\\r\\nCorrelation ID: "
        + CORRELATION + "\\r\\nTimestamp: 2026-11-20 09:14:03Z";
    return "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\",\"error_codes\":[" + code + "],"
        + "\"timestamp\":\"2026-11-20 09:14:03Z\",\"trace_id\":\"" + TRACE + "\",\"correlation_id\":\"" + CORRELATION
        + "\",\"error_uri\":\"https://login.microsoftonline.com/error?code=" + code + "\"}";
  }

  /** A token endpoint success carrying {@code token}. */
  public static String tokenResponse(String token) {
    return "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\"" + token + "\"}";
  }

  /** An app-only access token for Graph with these application roles, signed by a throwaway key. */
  public static String accessToken(List<String> roles, String tenant, String clientId) {
    try {
      PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(java.util.Base64
          .getMimeDecoder().decode(Files.readString(Stubs.pki("other-2048.key")).replaceAll("-----[A-Z ]+-----", ""))));
      Instant now = Instant.now();
      JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
          .audience("https://graph.microsoft.com")
          .issuer("https://sts.windows.net/" + tenant + "/")
          .issueTime(Date.from(now.minusSeconds(60)))
          .notBeforeTime(Date.from(now.minusSeconds(60)))
          .expirationTime(Date.from(now.plusSeconds(3599)))
          .subject("b7c2e1d4-9f3a-4c8e-a6d5-2f1e0b9c8a7d")
          .claim("appid", clientId)
          .claim("appidacr", "2")
          .claim("idtyp", "app")
          .claim("tid", tenant)
          .claim("ver", "1.0");
      if (!roles.isEmpty()) {
        claims.claim("roles", roles);
      }
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("nOo3ZDrODXEK1jKWhXslHR_KXEg")
          .build(), claims.build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** SharePoint Online's 401 challenge naming the tenant that owns the site. */
  public static String challenge(String realm) {
    return "Bearer realm=\"" + realm + "\",client_id=\"00000003-0000-0ff1-ce00-000000000000\",trusted_issuers=\""
        + "00000001-0000-0000-c000-000000000000@*,D3776938-3DBA-481F-A652-4BEDFCAB7CD8@*,https://sts.windows.net/*/,"
        + "00000003-0000-0ff1-ce00-000000000000@90140122-8516-11e1-8eff-49304924019b\","
        + "authorization_uri=\"https://login.windows.net/common/oauth2/authorize\"";
  }

  /** A Graph sites listing with two sites. */
  public static String sites() {
    return "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#sites\",\"value\":["
        + "{\"id\":\"contoso.sharepoint.com,1a2b,3c4d\",\"webUrl\":\"https://contoso.sharepoint.com\","
        + "\"displayName\":\"Communication site\"},"
        + "{\"id\":\"contoso.sharepoint.com,5e6f,7a8b\",\"webUrl\":\"https://contoso.sharepoint.com/sites/hr\","
        + "\"displayName\":\"HR\"}]}";
  }

  /** A Graph OData error. */
  public static String odataError(String code, String message) {
    return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"innerError\":{\"date\":"
        + "\"2026-11-20T09:14:03\",\"request-id\":\"" + TRACE + "\",\"client-request-id\":\"" + CORRELATION + "\"}}}";
  }

  /** A captive portal's or a rewriting resolver's page. */
  public static String htmlPage() {
    return "<!DOCTYPE html><html><head><title>Guest Wi-Fi - Sign in</title></head><body>"
        + "<form action=\"/login\">Accept the terms to continue</form></body></html>";
  }
}
