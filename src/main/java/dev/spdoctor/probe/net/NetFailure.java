package dev.spdoctor.probe.net;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Why a connection failed, in the few kinds that lead to different causes. Works on the
 * exceptions of the JDK client, msal4j (which wraps them in its own exception, often only as
 * text) and OkHttp, by walking the causes and reading their messages.
 *
 * @param kind one of {@code unknown-host}, {@code refused}, {@code timeout}, {@code tls-untrusted},
 *     {@code tls-hostname}, {@code tls-handshake}, {@code proxy-auth}, {@code proxy},
 *     {@code closed}, {@code io}
 * @param detail the innermost message, one line, for the report
 */
public record NetFailure(String kind, String detail) {

  /** Classifies a failure; never null. */
  public static NetFailure classify(Throwable error) {
    String detail = innermostMessage(error);
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("407") || m.contains("proxy authentication required")
          || m.contains("failed to authenticate with proxy")) {
        return new NetFailure("proxy-auth", detail);
      }
      if (m.contains("unable to tunnel through proxy") || m.contains("unexpected response code for connect")) {
        return new NetFailure("proxy", detail);
      }
      if (t instanceof SSLPeerUnverifiedException || m.contains("no name matching") || m.contains("no subject alternative")
          || m.contains("hostname") && m.contains("not verified")) {
        return new NetFailure("tls-hostname", detail);
      }
      if (m.contains("pkix path") || m.contains("unable to find valid certification path")
          || m.contains("trust anchor")) {
        return new NetFailure("tls-untrusted", detail);
      }
    }
    // A name that does not resolve often arrives wrapped in a ConnectException (the JDK client), so
    // it is looked for along the whole chain before "refused".
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (t instanceof UnknownHostException || t instanceof java.nio.channels.UnresolvedAddressException
          || m.contains("unknownhostexception") || m.contains("unresolved address")) {
        return new NetFailure("unknown-host", detail);
      }
    }
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (t instanceof HttpConnectTimeoutException || t instanceof HttpTimeoutException
          || t instanceof SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException
          || m.contains("timed out") || m.contains("timeout")) {
        return new NetFailure("timeout", detail);
      }
      if (t instanceof ConnectException || t instanceof NoRouteToHostException || m.contains("connection refused")) {
        return new NetFailure("refused", detail);
      }
      if (t instanceof SSLHandshakeException || t instanceof SSLException || m.contains("sslhandshakeexception")) {
        return new NetFailure("tls-handshake", detail);
      }
    }
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (t instanceof java.io.EOFException || m.contains("eof") || m.contains("connection reset")
          || m.contains("closed") || m.contains("received no bytes")) {
        return new NetFailure("closed", detail);
      }
    }
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException) {
        return new NetFailure("io", detail);
      }
    }
    return new NetFailure("io", detail);
  }

  private static String innermostMessage(Throwable error) {
    String last = error.getClass().getSimpleName();
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        last = t.getClass().getSimpleName() + ": " + t.getMessage();
      }
    }
    String oneLine = last.replaceAll("\\s+", " ").strip();
    return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
  }
}
