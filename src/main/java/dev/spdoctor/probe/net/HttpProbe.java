package dev.spdoctor.probe.net;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One HTTP request for a probe, with the JDK client from {@link Connections} (proxy, trust), and
 * the values every HTTP probe records (docs/probes.md): {@code http-status}, {@code shape},
 * {@code date-skew-seconds}, {@code retry-after}, {@code body-truncated}, or {@code net-error}.
 *
 * <p>The whole exchange, body included, is bounded by the context's time limit, and at most
 * {@link #BODY_CAP} bytes of the body are read. A body the connection cut short is kept as far as
 * it came. Requests go out as HTTP/1.1, which every service spdoctor talks to speaks.
 */
public final class HttpProbe {
  /** The most of a body read; the rest is dropped and the body marked truncated. */
  public static final int BODY_CAP = 256 * 1024;

  private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (a, c) -> true);

  private HttpProbe() {}

  /**
   * What came back.
   *
   * @param status the HTTP status, or -1 when no answer came
   * @param headers the response headers (empty when no answer came)
   * @param body the body as text (UTF-8), at most {@link #BODY_CAP} bytes of it; empty when none
   * @param truncated whether the body was longer than the cap or cut short by the connection
   * @param skewSeconds the server's {@code Date} minus the local clock at the request's midpoint, if a Date came
   * @param failure why no answer came, or null when one did
   */
  public record Result(
      int status, HttpHeaders headers, String body, boolean truncated, Long skewSeconds, NetFailure failure) {

    public boolean answered() {
      return failure == null;
    }

    public Shape shape() {
      return Shape.of(body);
    }

    /** The first value of a header, if any. */
    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    /** Every value of a header, in order. */
    public List<String> headers(String name) {
      return headers.allValues(name);
    }

    /** Seconds from {@code Retry-After} (a number or an HTTP date), if given. */
    public Optional<Long> retryAfterSeconds() {
      return HttpDates.retryAfterSeconds(header("Retry-After").orElse(null),
          header("Date").flatMap(HttpDates::parse).orElse(null));
    }

    /**
     * Adds the common values: {@code http-status}, {@code shape}, {@code date-skew-seconds},
     * {@code retry-after} (on 429), {@code body-truncated}; or {@code net-error} when no answer came.
     */
    public void record(Map<String, String> values) {
      if (!answered()) {
        values.put("net-error", failure.kind());
        return;
      }
      values.put("http-status", Integer.toString(status));
      values.put("shape", shape().label());
      if (skewSeconds != null) {
        values.put("date-skew-seconds", Long.toString(skewSeconds));
      }
      if (status == 429) {
        retryAfterSeconds().ifPresent(s -> values.put("retry-after", Long.toString(s)));
      }
      if (truncated) {
        values.put("body-truncated", "yes");
      }
    }

    /** A short description of the answer or the failure, for summaries. */
    public String describe() {
      if (!answered()) {
        return failure.kind() + " (" + failure.detail() + ")";
      }
      return "HTTP " + status + ", " + shape().label() + " body" + (truncated ? " (cut short)" : "");
    }
  }

  /** Sends a GET with these headers through these connections, within the time limit. */
  public static Result get(Connections connections, Clock clock, Duration timeout, URI uri, Map<String, String> headers)
      throws InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(timeout).version(HttpClient.Version.HTTP_1_1);
    headers.forEach(b::header);
    return send(connections.httpClient(timeout), b.build(), clock, timeout);
  }

  static Result send(HttpClient client, HttpRequest request, Clock clock, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    AtomicReference<Instant> headersAt = new AtomicReference<>();
    Instant sent = clock.instant();
    CompletableFuture<HttpResponse<CappedBody>> future;
    try {
      future = client.sendAsync(request, info -> {
        headersAt.set(clock.instant());
        return new CappedBody(BODY_CAP);
      });
    } catch (IllegalArgumentException e) {
      return failure(e);
    }
    HttpResponse<CappedBody> response;
    try {
      response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    } catch (TimeoutException e) {
      future.cancel(true);
      return timedOut(timeout);
    } catch (ExecutionException e) {
      return failure(e.getCause() == null ? e : e.getCause());
    } catch (CancellationException e) {
      return failure(e);
    }
    if (response.body() == null) {
      // the JDK hands back a proxy's refusal of CONNECT as the response, without a body
      String kind = response.statusCode() == 407 ? "proxy-auth" : "proxy";
      return new Result(-1, NO_HEADERS, "", false, null,
          new NetFailure(kind, "the proxy refused CONNECT with HTTP " + response.statusCode()));
    }
    Body body;
    try {
      body = response.body().result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      response.body().cancel();
      throw e;
    } catch (TimeoutException e) {
      response.body().cancel();
      return timedOut(timeout);
    } catch (ExecutionException e) {
      return failure(e.getCause() == null ? e : e.getCause());
    }
    Instant received = headersAt.get() == null ? clock.instant() : headersAt.get();
    Instant midpoint = sent.plus(Duration.between(sent, received).dividedBy(2));
    Long skew = response.headers().firstValue("Date").flatMap(HttpDates::parse)
        .map(d -> Math.round((Duration.between(midpoint, d).toMillis() + 500) / 1000.0))
        .orElse(null);
    return new Result(response.statusCode(), response.headers(), body.text(), body.truncated(), skew, null);
  }

  private static Result timedOut(Duration timeout) {
    return new Result(-1, NO_HEADERS, "", false, null,
        new NetFailure("timeout", "no complete answer within " + timeout.toMillis() + " ms"));
  }

  private static Result failure(Throwable e) {
    return new Result(-1, NO_HEADERS, "", false, null, NetFailure.classify(e));
  }

  /** A body as read: at most the cap, and whether it is all of it. */
  record Body(byte[] bytes, boolean truncated) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /**
   * Collects at most {@code cap} bytes, then cancels; a body the connection breaks off ends with
   * what came, marked truncated, instead of failing. It hands itself over as soon as the headers
   * are in (as the JDK's input-stream handler does), so a broken body never costs the status.
   */
  private static final class CappedBody implements HttpResponse.BodySubscriber<CappedBody> {
    private final int cap;
    private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;

    CappedBody(int cap) {
      this.cap = cap;
    }

    @Override
    public CompletionStage<CappedBody> getBody() {
      return CompletableFuture.completedFuture(this);
    }

    void cancel() {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      this.subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> buffers) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer buf : buffers) {
        int take = Math.min(buf.remaining(), cap - out.size());
        byte[] chunk = new byte[take];
        buf.get(chunk);
        out.write(chunk, 0, take);
        if (buf.hasRemaining()) {
          result.complete(new Body(out.toByteArray(), true));
          cancel();
          return;
        }
      }
    }

    @Override
    public synchronized void onError(Throwable error) {
      result.complete(new Body(out.toByteArray(), true));
    }

    @Override
    public synchronized void onComplete() {
      result.complete(new Body(out.toByteArray(), false));
    }
  }
}
