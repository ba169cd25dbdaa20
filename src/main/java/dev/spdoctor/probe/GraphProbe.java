package dev.spdoctor.probe;

import dev.spdoctor.probe.net.Connections;
import dev.spdoctor.probe.net.HttpDates;
import dev.spdoctor.probe.net.NetFailure;
import dev.spdoctor.probe.net.Shape;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.models.SiteCollectionResponse;
import com.microsoft.graph.models.odataerrors.MainError;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import com.microsoft.kiota.http.middleware.options.RedirectHandlerOption;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * Lists SharePoint sites through Microsoft Graph with the app-only token the {@code token} probe
 * acquired: {@code GET {graph}/v1.0/sites?search=*}, with the Graph SDK as the app itself would.
 * A 403 here, with a token in hand, is the classic "admin consent not granted" or "wrong
 * permission" picture; an HTML page where JSON belongs is a captive portal or a rewritten name.
 *
 * <p>The request goes out once, and a redirect is not followed (Graph does not redirect this
 * request; whoever does is the finding, and the token stays with the Graph host). The SDK's
 * retry middleware is switched off too, because the first
 * answer is the finding (a 429 or 503 is recorded with its {@code retry-after}), and retries that
 * honour {@code Retry-After} (up to 180 s each) would overrun the probe's time limit. The whole
 * call is also capped by {@link ProbeContext#timeout()}. A network interceptor records what came
 * back (status, {@code Date}, {@code Retry-After}, the first bytes of the body for its shape)
 * whatever the SDK later makes of it, so HTML and broken JSON are described, never thrown.
 */
public final class GraphProbe implements Probe {
  static final String ID = "graph";
  private static final int PEEK_BYTES = 4096;
  private static final Pattern TITLE = Pattern.compile("<title[^>]*>([^<]{1,200})", Pattern.CASE_INSENSITIVE);

  public GraphProbe() {
    // the network probe for Graph; everything it needs comes from the context
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Microsoft Graph: list sites";
  }

  @Override
  public List<PlannedRequest> plan(ProbeContext context) {
    return List.of(new PlannedRequest(ID, "GET", sitesUrl(context),
        "whether the app's token may read SharePoint sites through Microsoft Graph"));
  }

  static String sitesUrl(ProbeContext context) {
    return context.profile().graphBase() + "/v1.0/sites?search=*";
  }

  @Override
  public Observation run(ProbeContext context) throws InterruptedException {
    long start = System.nanoTime();
    Observation o = observe(context);
    return o.withMillis((System.nanoTime() - start) / 1_000_000);
  }

  private Observation observe(ProbeContext context) throws InterruptedException {
    if (!context.profile().online()) {
      return Observation.notCollected(ID, "on-premises: Microsoft Graph is not used");
    }
    String token = context.accessToken().orElse(null);
    if (token == null || token.isBlank()) {
      return Observation.notCollected(ID, "no access token: the token probe did not acquire one");
    }
    String base = context.profile().graphBase();
    String host = URI.create(base).getHost();
    if (host == null) {
      return Observation.notCollected(ID, "the Graph endpoint is not a URL: " + base);
    }
    Recorder recorder = new Recorder(context.clock(), context.connections().proxyAuthorization().orElse(null));
    OkHttpClient http = httpClient(context, recorder);
    try {
      GraphServiceClient graph = new GraphServiceClient(
          new BaseBearerTokenAuthenticationProvider(new StaticToken(token, host)), http);
      graph.getRequestAdapter().setBaseUrl(base + "/v1.0");
      // withUrl, not queryParameters.search: the SDK would send $search=*, which Graph refuses
      SiteCollectionResponse sites = graph.sites().withUrl(sitesUrl(context)).get();
      return redirected(recorder, succeeded(recorder, sites));
    } catch (ODataError e) {
      return redirected(recorder, odataError(recorder, e));
    } catch (ApiException e) {
      return redirected(recorder, apiError(recorder, e));
    } catch (RuntimeException e) {
      if (Thread.interrupted() || hasInterruption(e)) {
        throw new InterruptedException("graph probe interrupted");
      }
      return redirected(recorder, unexpected(recorder, e, context.timeout()));
    } finally {
      http.connectionPool().evictAll();
    }
  }

  private static OkHttpClient httpClient(ProbeContext context, Recorder recorder) {
    Duration limit = context.timeout();
    RetryHandlerOption noRetry = new RetryHandlerOption((delay, attempt, request, response) -> false, 0, 0);
    RedirectHandlerOption noRedirect = new RedirectHandlerOption(0, response -> false);
    Connections c = context.connections();
    return GraphClientFactory.create(new RequestOption[] {noRetry, noRedirect})
        .followRedirects(false)
        .addInterceptor(recorder)
        .proxySelector(c.proxySelector())
        .proxyAuthenticator(recorder::proxyRefused)
        .sslSocketFactory(c.sslContext().getSocketFactory(), c.trustManager())
        .callTimeout(limit)
        .connectTimeout(limit)
        .readTimeout(limit)
        .writeTimeout(limit)
        .build();
  }

  /** A redirect is not followed; the summary says where it pointed (without its query). */
  private static Observation redirected(Recorder r, Observation o) {
    if (r.status < 300 || r.status >= 400 || r.location == null || r.location.isBlank()) {
      return o;
    }
    String target = r.location.strip();
    int cut = target.indexOf('?');
    target = cut < 0 ? target : target.substring(0, cut);
    return new Observation(o.probe(), o.outcome(), o.summary() + " (redirected to " + oneLine(target) + ", not followed)",
        o.values(), o.texts(), o.millis());
  }

  private static Observation succeeded(Recorder r, SiteCollectionResponse sites) {
    Map<String, String> values = r.answerValues();
    if (r.bodyBroken != null) {
      return brokeOff(r, values);
    }
    if (sites == null) {
      return Observation.collected(ID, "HTTP " + r.status + " with no list of sites", values);
    }
    int count = sites.getValue() == null ? 0 : sites.getValue().size();
    values.put("sites-count", Integer.toString(count));
    String more = sites.getOdataNextLink() != null ? " (first page; more follow)" : "";
    return Observation.collected(ID, count + (count == 1 ? " site" : " sites") + " listed" + more, values);
  }

  private static Observation odataError(Recorder r, ODataError e) {
    Map<String, String> values = r.answerValues(e.getResponseStatusCode());
    MainError error = e.getError();
    String code = error == null ? null : error.getCode();
    String message = error == null ? null : error.getMessage();
    if (code != null && !code.isBlank()) {
      values.put("odata-code", code);
    }
    List<String> texts = new ArrayList<>();
    if (message != null && !message.isBlank()) {
      texts.add(message.strip());
    }
    r.wwwAuthenticate().ifPresent(texts::add);
    StringBuilder summary = new StringBuilder().append(values.get("http-status"));
    if (code != null) {
      summary.append(' ').append(code);
    }
    if (message != null && !message.isBlank()) {
      summary.append(": ").append(oneLine(message));
    } else if (code == null) {
      summary.append(" with an error Graph did not explain");
    }
    r.retryAfter().ifPresent(s -> summary.append(" (retry after ").append(s).append(" s)"));
    return Observation.collected(ID, summary.toString(), values, texts);
  }

  private static Observation apiError(Recorder r, ApiException e) {
    Map<String, String> values = r.answerValues(e.getResponseStatusCode());
    List<String> texts = new ArrayList<>();
    r.wwwAuthenticate().ifPresent(texts::add);
    if (!Shape.JSON.label().equals(values.get("shape")) && values.containsKey("shape")
        && !Shape.EMPTY.label().equals(values.get("shape"))) {
      return notJson(r, values);
    }
    StringBuilder summary = new StringBuilder().append(values.get("http-status"));
    if (Shape.EMPTY.label().equals(values.get("shape")) || !values.containsKey("shape")) {
      summary.append(" with no body");
    } else {
      summary.append(" with an error Graph did not explain");
    }
    r.wwwAuthenticate().ifPresent(w -> summary.append(" (WWW-Authenticate: ").append(oneLine(w)).append(')'));
    r.retryAfter().ifPresent(s -> summary.append(" (retry after ").append(s).append(" s)"));
    return Observation.collected(ID, summary.toString(), values, texts);
  }

  private static Observation unexpected(Recorder r, RuntimeException e, Duration limit) {
    if (!r.answered()) {
      Map<String, String> values = new LinkedHashMap<>();
      NetFailure failure = r.proxyStatus != 0 ? proxyFailure(r.proxyStatus) : NetFailure.classify(e);
      if ("timeout".equals(failure.kind())) {
        failure = new NetFailure("timeout", "nothing within " + limit.toMillis() + " ms; " + failure.detail());
      }
      values.put("net-error", failure.kind());
      return Observation.failed(ID, "no answer from Microsoft Graph: " + failure.kind() + " (" + failure.detail() + ")",
          values);
    }
    Map<String, String> values = r.answerValues();
    String shape = values.get("shape");
    if (shape != null && !Shape.JSON.label().equals(shape) && !Shape.EMPTY.label().equals(shape)) {
      return notJson(r, values);
    }
    if (r.bodyBroken != null) {
      return brokeOff(r, values);
    }
    String what = Shape.JSON.label().equals(shape) ? "unreadable JSON" : "the Graph SDK could not read the answer";
    return Observation.failed(ID, "HTTP " + r.status + ": " + what + " (" + NetFailure.classify(e).detail() + ")",
        values);
  }

  private static Observation brokeOff(Recorder r, Map<String, String> values) {
    return Observation.failed(ID, "HTTP " + r.status + ": the answer broke off before it was complete ("
        + NetFailure.classify(r.bodyBroken).detail() + ")", values);
  }

  private static Observation notJson(Recorder r, Map<String, String> values) {
    String shape = values.get("shape");
    List<String> texts = new ArrayList<>();
    String why;
    if (Shape.HTML.label().equals(shape)) {
      r.htmlTitle().ifPresent(texts::add);
      why = r.status >= 500 ? "HTML page instead of JSON (an error page from a proxy or gateway?)"
          : r.status >= 300 && r.status < 400 ? "HTML page instead of JSON (a redirect to a sign-in or block page?)"
          : "HTML page instead of JSON (captive portal or rewritten DNS?)";
    } else if (Shape.XML.label().equals(shape)) {
      why = "XML instead of JSON (something other than Graph answered?)";
    } else {
      why = "plain text instead of JSON (something other than Graph answered?)";
    }
    String title = texts.isEmpty() ? "" : " titled \"" + texts.get(0) + "\"";
    return Observation.collected(ID, "HTTP " + r.status + ": " + why + title, values, texts);
  }

  private static NetFailure proxyFailure(int status) {
    String detail = "the proxy answered " + status + " to CONNECT";
    return new NetFailure(status == 407 ? "proxy-auth" : "proxy", detail);
  }

  private static boolean hasInterruption(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InterruptedException || t instanceof InterruptedIOException && "interrupted".equals(t.getMessage())) {
        return true;
      }
    }
    return false;
  }

  private static String oneLine(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() > 200 ? one.substring(0, 200) + "…" : one;
  }

  /** Hands the SDK the token already acquired, and only for the Graph host. */
  private static final class StaticToken implements AccessTokenProvider {
    private final String token;
    private final AllowedHostsValidator hosts;

    StaticToken(String token, String host) {
      this.token = token;
      this.hosts = new AllowedHostsValidator(host);
    }

    @Override
    public String getAuthorizationToken(URI uri, Map<String, Object> additional) {
      return hosts.isUrlHostValid(uri) ? token : "";
    }

    @Override
    public AllowedHostsValidator getAllowedHostsValidator() {
      return hosts;
    }

    @Override
    public String toString() {
      return "StaticToken[hidden]";
    }
  }

  /**
   * What came back on the wire, recorded before the SDK reads it: the last response's status and
   * a few headers, the first bytes of its body, and the proxy's refusal of CONNECT. Never the
   * request's headers (they carry the token).
   */
  private static final class Recorder implements Interceptor {
    private final Clock clock;
    volatile int status;
    volatile String date;
    volatile String retryAfterHeader;
    volatile String wwwAuthenticate;
    volatile String location;
    volatile String head;
    volatile Shape shape;
    volatile Instant midpoint;
    volatile IOException bodyBroken;
    volatile int proxyStatus;
    private final String proxyAuthorization;

    Recorder(Clock clock, String proxyAuthorization) {
      this.clock = clock;
      this.proxyAuthorization = proxyAuthorization;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
      Instant sent = clock.instant();
      Response response = chain.proceed(chain.request());
      Instant received = clock.instant();
      midpoint = sent.plus(Duration.between(sent, received).dividedBy(2));
      status = response.code();
      date = response.header("Date");
      retryAfterHeader = response.header("Retry-After");
      wwwAuthenticate = response.header("WWW-Authenticate");
      location = response.header("Location");
      try {
        head = response.peekBody(PEEK_BYTES).string();
        shape = Shape.of(head);
        bodyBroken = null;
      } catch (IOException e) {
        // the body broke off; the SDK will meet the same failure when it reads
        bodyBroken = e;
        shape = null;
      }
      return response;
    }

    /**
     * OkHttp's proxy authenticator: with the profile's proxy credentials, send them with the
     * CONNECT (once); without them, or when the proxy refuses them, note the refusal and give up.
     */
    Request proxyRefused(Route route, Response response) {
      boolean preemptive = "OkHttp-Preemptive".equalsIgnoreCase(response.header("Proxy-Authenticate"));
      if (proxyAuthorization != null && response.request().header("Proxy-Authorization") == null) {
        return response.request().newBuilder().header("Proxy-Authorization", proxyAuthorization).build();
      }
      if (preemptive) {
        return null; // OkHttp asks before every CONNECT, with a made-up 407: not the proxy's answer
      }
      proxyStatus = response.code();
      return null;
    }

    boolean answered() {
      return status != 0;
    }

    Map<String, String> answerValues() {
      return answerValues(0);
    }

    Map<String, String> answerValues(int fallbackStatus) {
      Map<String, String> values = new LinkedHashMap<>();
      int code = status != 0 ? status : fallbackStatus;
      if (status == 0) {
        status = code;
      }
      if (code != 0) {
        values.put("http-status", Integer.toString(code));
      }
      if (shape != null) {
        values.put("shape", shape.label());
      }
      skewSeconds().ifPresent(s -> values.put("date-skew-seconds", Long.toString(s)));
      retryAfter().ifPresent(s -> values.put("retry-after", Long.toString(s)));
      return values;
    }

    Optional<Long> skewSeconds() {
      return HttpDates.parse(date).map(d -> Duration.between(midpoint, d).toSeconds());
    }

    Optional<Long> retryAfter() {
      return HttpDates.retryAfterSeconds(retryAfterHeader, HttpDates.parse(date).orElse(midpoint));
    }

    Optional<String> wwwAuthenticate() {
      return Optional.ofNullable(wwwAuthenticate).filter(s -> !s.isBlank()).map(String::strip);
    }

    Optional<String> htmlTitle() {
      if (head == null) {
        return Optional.empty();
      }
      Matcher m = TITLE.matcher(head);
      return m.find() ? Optional.of(oneLine(m.group(1))).filter(s -> !s.isEmpty())
          : Optional.empty();
    }
  }
}
