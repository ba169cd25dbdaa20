package dev.spdoctor.probe;

import dev.spdoctor.probe.cert.CertificateFileException;
import dev.spdoctor.probe.cert.CertificateFiles;
import dev.spdoctor.probe.cert.LoadedCertificate;
import dev.spdoctor.probe.net.HttpDates;
import dev.spdoctor.probe.net.NetFailure;
import dev.spdoctor.probe.net.ServiceError;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalJsonParsingException;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.spdoctor.profile.Profile;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code token} probe: asks Entra ID for an app-only token for Microsoft Graph with the
 * app's certificate (msal4j, client credentials), as the app itself would. The token is kept in
 * the {@link ProbeContext} for the Graph probe and never shown; its claims (roles, appidacr,
 * audience, tenant) are read without checking the signature. An Entra error answer is collected
 * with its codes, and its description goes to {@code texts} exactly as Entra sent it.
 */
public final class TokenProbe implements Probe {
  public static final String ID = "token";

  /** How msal4j begins the message of an error answer that names no OAuth error. */
  private static final String UNKNOWN = "Unknown service exception.";
  private static final Pattern UNKNOWN_STATUS = Pattern.compile("status code:? (\\d{3})");
  private static final Pattern TRACE_ID = Pattern.compile("Trace ID: ([0-9a-fA-F-]{36})");
  private static final Pattern CORRELATION_ID = Pattern.compile("Correlation ID: ([0-9a-fA-F-]{36})");
  private static final Pattern GUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "App-only token with the certificate";
  }

  @Override
  public List<PlannedRequest> plan(ProbeContext context) {
    Profile p = context.profile();
    if (missing(p) != null) {
      return List.of();
    }
    return List.of(new PlannedRequest(ID, "POST", authority(p) + "oauth2/v2.0/token",
        "an app-only token for " + scope(p) + " signed with the certificate"));
  }

  @Override
  public Observation run(ProbeContext context) throws InterruptedException {
    Profile p = context.profile();
    String missing = missing(p);
    if (missing != null) {
      return Observation.notCollected(ID, missing);
    }
    LoadedCertificate certificate;
    try {
      certificate = CertificateFiles.load(p.certificate(), context.secrets());
    } catch (CertificateFileException e) {
      return Observation.notCollected(ID, "the certificate cannot be used (" + e.kind().label() + "): " + e.getMessage());
    }
    if (!certificate.hasPrivateKey()) {
      return Observation.notCollected(ID, "the certificate file holds no private key, so no token can be requested");
    }
    IClientCredential credential;
    try {
      credential = certificate.chain().size() > 1
          ? ClientCredentialFactory.createFromCertificateChain(certificate.privateKey(), certificate.chain())
          : ClientCredentialFactory.createFromCertificate(certificate.privateKey(), certificate.certificate());
    } catch (RuntimeException e) {
      return Observation.notCollected(ID, "msal4j does not accept the certificate: " + NetFailure.classify(e).detail());
    }
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "spdoctor-token");
      t.setDaemon(true);
      return t;
    });
    try {
      ConfidentialClientApplication app;
      try {
        app = application(context, credential, executor);
      } catch (MalformedURLException | IllegalArgumentException e) {
        return Observation.notCollected(ID, "no sign-in URL can be made of " + authority(p) + ": " + e.getMessage());
      }
      return acquire(context, app);
    } finally {
      executor.shutdownNow();
    }
  }

  private static ConfidentialClientApplication application(ProbeContext context, IClientCredential credential,
      ExecutorService executor) throws MalformedURLException {
    Profile p = context.profile();
    int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, context.timeout().toMillis()));
    ConfidentialClientApplication.Builder builder = ConfidentialClientApplication.builder(p.clientId().strip(), credential)
        .authority(authority(p))
        // without this msal4j first asks login.microsoftonline.com/common/discovery/instance; the tenant probe does that
        .instanceDiscovery(false)
        .sslSocketFactory(context.connections().sslContext().getSocketFactory())
        .connectTimeoutForDefaultHttpClient(millis)
        .readTimeoutForDefaultHttpClient(millis)
        .disableInternalRetries()
        .executorService(executor)
        .logPii(false);
    context.connections().proxy().ifPresent(builder::proxy);
    return builder.build();
  }

  private Observation acquire(ProbeContext context, ConfidentialClientApplication app) throws InterruptedException {
    Profile p = context.profile();
    Duration timeout = context.timeout();
    Instant start = context.clock().instant();
    CompletableFuture<IAuthenticationResult> future = null;
    try {
      future = app.acquireToken(ClientCredentialParameters.builder(Set.of(scope(p))).build());
      IAuthenticationResult result = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return acquired(context, result);
    } catch (ExecutionException e) {
      return failure(context, e.getCause() == null ? e : e.getCause(), start);
    } catch (TimeoutException e) {
      future.cancel(true);
      return Observation.failed(ID, "no answer from " + host(authority(p)) + " within " + timeout.toSeconds() + " s",
          Map.of("net-error", "timeout"));
    } catch (InterruptedException e) {
      if (future != null) {
        future.cancel(true);
      }
      throw e;
    } catch (RuntimeException e) {
      return failure(context, e, start);
    }
  }

  private static Observation acquired(ProbeContext context, IAuthenticationResult result) {
    String token = result.accessToken();
    context.accessToken(token);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("acquired", "yes");
    values.put("http-status", "200");
    values.put("shape", "json");
    JWTClaimsSet claims;
    try {
      claims = SignedJWT.parse(token).getJWTClaimsSet();
    } catch (ParseException | RuntimeException e) {
      expiresIn(values, result.expiresOnDate(), context);
      return Observation.collected(ID, "token acquired; it is not a JWT whose claims can be read", values);
    }
    List<String> roles = stringList(claims, "roles");
    values.put("roles", String.join(" ", roles));
    values.put("roles-count", Integer.toString(roles.size()));
    String acr = string(claims, "appidacr");
    if (acr == null) {
      acr = string(claims, "azpacr");
    }
    if (acr != null) {
      values.put("appidacr", acr);
    }
    if (claims.getAudience() != null && !claims.getAudience().isEmpty()) {
      values.put("aud", String.join(" ", claims.getAudience()));
    }
    String tid = string(claims, "tid");
    if (tid != null) {
      values.put("tid", tid);
      String profileTenant = context.profile().tenantId().strip();
      if (GUID.matcher(profileTenant).matches()) {
        values.put("tid-matches", tid.equalsIgnoreCase(profileTenant) ? "yes" : "no");
      }
    }
    expiresIn(values, claims.getExpirationTime() != null ? claims.getExpirationTime() : result.expiresOnDate(), context);
    String summary = roles.isEmpty()
        ? "token acquired, with no application roles"
        : "token acquired, with " + roles.size() + (roles.size() == 1 ? " application role: " : " application roles: ")
            + String.join(", ", roles);
    return Observation.collected(ID, summary, values);
  }

  private static void expiresIn(Map<String, String> values, Date expires, ProbeContext context) {
    if (expires != null) {
      long seconds = Duration.between(context.clock().instant(), expires.toInstant()).toSeconds();
      values.put("expires-in-seconds", Long.toString(seconds));
    }
  }

  private static List<String> stringList(JWTClaimsSet claims, String name) {
    try {
      List<String> list = claims.getStringListClaim(name);
      return list == null ? List.of() : list;
    } catch (ParseException e) {
      String one = string(claims, name);
      return one == null ? List.of() : List.of(one.split("\\s+"));
    }
  }

  private static String string(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    return value == null ? null : value.toString();
  }

  private static Observation failure(ProbeContext context, Throwable error, Instant start) {
    String host = host(authority(context.profile()));
    if (error instanceof MsalJsonParsingException json) {
      // an error answer, but not Entra's JSON: a proxy's or a gateway's page (msal4j keeps neither status nor headers)
      String shape = shapeOfUnparsed(json.getMessage());
      return Observation.failed(ID, host + " answered with an error " + shape + " page, not Entra's JSON",
          Map.of("shape", shape));
    }
    if (error instanceof MsalServiceException service && String.valueOf(service.getMessage()).startsWith(UNKNOWN)) {
      // an error answer with no body, or JSON without an OAuth error: msal4j puts the status in its message only
      Map<String, String> values = new LinkedHashMap<>();
      Matcher status = UNKNOWN_STATUS.matcher(service.getMessage());
      if (status.find()) {
        values.put("http-status", status.group(1));
      }
      values.put("shape", service.getMessage().contains("no response body") ? "empty" : "json");
      String answered = values.containsKey("http-status") ? " answered HTTP " + values.get("http-status") : " answered";
      return Observation.failed(ID, host + answered + " without an OAuth error", values);
    }
    if (error instanceof MsalServiceException service) {
      return serviceError(context, service, start);
    }
    if (error instanceof MsalClientException client && "invalid_json".equals(client.errorCode())) {
      String shape = shapeOfUnparsed(client.getMessage());
      return Observation.failed(ID, host + " answered with a " + shape + " page instead of a token"
          + ("html".equals(shape) ? " (a captive portal, a proxy's block page or a hijacked name?)" : ""),
          Map.of("shape", shape));
    }
    NetFailure net = NetFailure.classify(error);
    return Observation.failed(ID, "no answer from " + host + ": " + net.kind() + " (" + net.detail() + ")",
        Map.of("net-error", net.kind()));
  }

  private static Observation serviceError(ProbeContext context, MsalServiceException e, Instant start) {
    String description = e.getMessage() == null ? "" : e.getMessage();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("acquired", "no");
    if (e.errorCode() != null && !e.errorCode().isBlank()) {
      values.put("error", e.errorCode());
    }
    ServiceError.aadsts(description).ifPresent(code -> values.put("aadsts", code));
    Matcher trace = TRACE_ID.matcher(description);
    if (trace.find()) {
      values.put("trace-id", trace.group(1).toLowerCase(Locale.ROOT));
    }
    String correlation = e.correlationId();
    if (correlation == null || correlation.isBlank()) {
      Matcher m = CORRELATION_ID.matcher(description);
      correlation = m.find() ? m.group(1) : null;
    }
    if (correlation != null) {
      values.put("correlation-id", correlation.toLowerCase(Locale.ROOT));
    }
    status(values, e);
    values.put("shape", "json");
    answerHeaders(values, e, context, start);
    String what = values.containsKey("aadsts") ? "AADSTS" + values.get("aadsts") : values.getOrDefault("error", "an error");
    String summary = "no token: Entra answered" + statusText(e) + " with " + what
        + (values.containsKey("error") && values.containsKey("aadsts") ? " (" + values.get("error") + ")" : "");
    List<String> texts = description.isBlank() ? List.of() : List.of(description);
    return Observation.collected(ID, summary, values, texts);
  }

  private static void status(Map<String, String> values, MsalServiceException e) {
    if (e.statusCode() != null && e.statusCode() > 0) {
      values.put("http-status", e.statusCode().toString());
    }
  }

  private static String statusText(MsalServiceException e) {
    return e.statusCode() != null && e.statusCode() > 0 ? " HTTP " + e.statusCode() : "";
  }

  /** Records {@code retry-after} and {@code date-skew-seconds} from an answer's headers. */
  private static void answerHeaders(Map<String, String> values, MsalServiceException e, ProbeContext context,
      Instant start) {
    Map<String, List<String>> headers = e.headers();
    if (headers == null) {
      return;
    }
    Instant end = context.clock().instant();
    HttpDates.retryAfterSeconds(header(headers, "Retry-After"), end)
        .ifPresent(seconds -> values.put("retry-after", Long.toString(seconds)));
    Instant midpoint = start.plus(Duration.between(start, end).dividedBy(2));
    HttpDates.parse(header(headers, "Date"))
        .ifPresent(server -> values.put("date-skew-seconds", Long.toString(Duration.between(midpoint, server).toSeconds())));
  }

  private static String header(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      if (h.getKey() != null && h.getKey().equalsIgnoreCase(name) && h.getValue() != null && !h.getValue().isEmpty()) {
        return h.getValue().get(0);
      }
    }
    return null;
  }

  /**
   * The shape of a body msal4j could not parse, from its parser's message (it does not hand over
   * the body): a {@code '<'} where JSON should start is a page, anything else text.
   */
  private static String shapeOfUnparsed(String message) {
    return message != null && message.contains("('<'") ? "html" : "text";
  }

  /** Why the probe cannot run, or null when it can. */
  private static String missing(Profile p) {
    if (!p.online()) {
      return "on-premises: there is no Entra ID app to sign in as";
    }
    if (p.clientId() == null || p.clientId().isBlank()) {
      return "the profile has no Client ID";
    }
    if (p.tenantId() == null || p.tenantId().isBlank()) {
      return "the profile has no Tenant ID";
    }
    if (p.certificate() == null || p.certificate().file() == null) {
      return "the profile names no certificate";
    }
    return null;
  }

  static String authority(Profile p) {
    String base = p.loginBase();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + "/" + p.tenantId().strip() + "/";
  }

  private static String scope(Profile p) {
    String graph = p.graphBase();
    while (graph.endsWith("/")) {
      graph = graph.substring(0, graph.length() - 1);
    }
    return graph + "/.default";
  }

  private static String host(String url) {
    try {
      String h = java.net.URI.create(url).getHost();
      return h == null ? url : h;
    } catch (IllegalArgumentException e) {
      return url;
    }
  }
}
