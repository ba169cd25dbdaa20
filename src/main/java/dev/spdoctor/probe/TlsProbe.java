package dev.spdoctor.probe;

import dev.spdoctor.probe.net.Names;
import dev.spdoctor.probe.net.NetFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Who answers TLS for the sign-in host: a handshake (through the proxy's CONNECT when there is
 * one) that records the certificate presented, whether the trusted authorities accept it and
 * whether it names the host. Nothing is sent over the connection (docs/probes.md, {@code tls}).
 */
public final class TlsProbe implements Probe {
  public static final String ID = "tls";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "TLS of the sign-in host (on-premises: of the server)";
  }

  /**
   * The endpoint whose TLS is checked: Microsoft's sign-in host online; on-premises the SharePoint
   * server when its URL is https, else none.
   */
  private static URI target(dev.spdoctor.profile.Profile p) {
    if (p.online()) {
      return Names.url(p.loginBase());
    }
    URI server = p.sharePoint() == null ? null : Names.url(p.sharePoint().url());
    return server != null && "https".equalsIgnoreCase(server.getScheme()) ? server : null;
  }

  @Override
  public List<PlannedRequest> plan(ProbeContext context) {
    URI login = target(context.profile());
    if (login == null) {
      return List.of();
    }
    String via = context.profile().network().proxy() == null ? "" : " through " + context.profile().network().proxy();
    return List.of(new PlannedRequest(ID, "TLS", login.getHost(), "handshake on port " + port(login) + via
        + ": who presents which certificate"));
  }

  private static int port(URI u) {
    return u.getPort() == -1 ? 443 : u.getPort();
  }

  @Override
  public Observation run(ProbeContext ctx) throws InterruptedException {
    URI login = target(ctx.profile());
    if (login == null) {
      return Observation.notCollected(ID, ctx.profile().online()
          ? "the sign-in endpoint is not a URL: " + ctx.profile().loginBase()
          : "on-premises with an http server URL: no TLS to check");
    }
    String host = login.getHost();
    int port = port(login);
    int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, ctx.timeout().toMillis()));
    Map<String, String> values = new LinkedHashMap<>();
    values.put("host", host);
    values.put("proxy", ctx.profile().network().proxy() == null ? "none" : ctx.profile().network().proxy());
    Recorder recorder = new Recorder(ctx.connections().trustManager());
    Throwable error = null;
    try (Socket raw = new Socket()) {
      if (ctx.connections().proxy().isPresent()) {
        InetSocketAddress p = (InetSocketAddress) ctx.connections().proxy().get().address();
        raw.connect(new InetSocketAddress(p.getHostString(), p.getPort()), millis);
        raw.setSoTimeout(millis);
        int status = connect(raw, host, port, ctx.connections().proxyAuthorization());
        if (status != 200) {
          values.put("proxy-status", Integer.toString(status));
          values.put("net-error", status == 407 ? "proxy-auth" : "proxy");
          return Observation.failed(ID, "the proxy refused CONNECT " + host + ":" + port + " with HTTP " + status, values);
        }
      } else {
        raw.connect(new InetSocketAddress(host, port), millis);
        raw.setSoTimeout(millis);
      }
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, new TrustManager[] {recorder}, null);
      try (SSLSocket s = (SSLSocket) ssl.getSocketFactory().createSocket(raw, host, port, true)) {
        s.setSoTimeout(millis);
        s.startHandshake();
      }
    } catch (IOException e) {
      error = e;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
    }
    X509Certificate[] chain = recorder.chain;
    if (chain == null || chain.length == 0) {
      NetFailure f = NetFailure.classify(error == null ? new IOException("no certificate presented") : error);
      values.put("net-error", f.kind());
      return Observation.failed(ID, "no TLS handshake with " + host + ": " + f.kind() + " (" + f.detail() + ")", values);
    }
    X509Certificate leaf = chain[0];
    values.put("trusted", recorder.trusted ? "yes" : "no");
    values.put("issuer", leaf.getIssuerX500Principal().getName());
    boolean matches = hostnameMatches(leaf, host);
    values.put("hostname-matches", matches ? "yes" : "no");
    String summary = host + " presented a certificate issued by " + values.get("issuer")
        + (recorder.trusted ? ", trusted" : ", NOT trusted (a TLS-inspecting proxy or a private CA?)")
        + (matches ? "" : ", not naming " + host);
    return Observation.collected(ID, summary, values);
  }

  /** Sends CONNECT and reads the proxy's answer head; returns its status. */
  private static int connect(Socket raw, String host, int port, Optional<String> auth) throws IOException {
    OutputStream out = raw.getOutputStream();
    out.write(("CONNECT " + host + ":" + port + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
        + auth.map(a -> "Proxy-Authorization: " + a + "\r\n").orElse("") + "\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = raw.getInputStream();
    StringBuilder head = new StringBuilder();
    int c;
    while (head.length() < 16384 && (c = in.read()) >= 0) {
      head.append((char) c);
      if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    String first = head.toString().lines().findFirst().orElse("");
    String[] parts = first.split(" ");
    if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
      throw new IOException("the proxy did not answer CONNECT with HTTP: " + first);
    }
    return Integer.parseInt(parts[1]);
  }

  /** Whether the certificate names the host: DNS names (one wildcard label), IP addresses, else the CN. */
  static boolean hostnameMatches(X509Certificate cert, String host) {
    String h = host.toLowerCase(Locale.ROOT);
    List<String> dns = new ArrayList<>();
    try {
      if (cert.getSubjectAlternativeNames() != null) {
        for (List<?> san : cert.getSubjectAlternativeNames()) {
          int type = (Integer) san.get(0);
          String v = String.valueOf(san.get(1)).toLowerCase(Locale.ROOT);
          if (type == 2) {
            dns.add(v);
          } else if (type == 7 && Names.isIpLiteral(h) && v.equals(h)) {
            return true;
          }
        }
      }
    } catch (CertificateParsingException e) {
      return false;
    }
    if (Names.isIpLiteral(h)) {
      return false;
    }
    if (dns.isEmpty()) {
      try {
        for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
          if ("CN".equalsIgnoreCase(rdn.getType())) {
            dns.add(String.valueOf(rdn.getValue()).toLowerCase(Locale.ROOT));
          }
        }
      } catch (InvalidNameException e) {
        return false;
      }
    }
    for (String name : dns) {
      if (name.equals(h)) {
        return true;
      }
      if (name.startsWith("*.") && h.indexOf('.') > 0 && h.substring(h.indexOf('.')).equals(name.substring(1))) {
        return true;
      }
    }
    return false;
  }

  /** Accepts every chain (the handshake is only looked at), recording it and the trust managers' verdict. */
  private static final class Recorder extends X509ExtendedTrustManager {
    private final X509TrustManager delegate;
    volatile X509Certificate[] chain;
    volatile boolean trusted;

    Recorder(X509TrustManager delegate) {
      this.delegate = delegate;
    }

    private void record(X509Certificate[] presented, String authType) {
      chain = presented == null ? null : presented.clone();
      try {
        delegate.checkServerTrusted(presented, authType);
        trusted = true;
      } catch (CertificateException | IllegalArgumentException e) {
        trusted = false;
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] c, String authType) {
      record(c, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] c, String authType, Socket socket) {
      record(c, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] c, String authType, SSLEngine engine) {
      record(c, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] c, String authType) throws CertificateException {
      throw new CertificateException("not a server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] c, String authType, Socket socket) throws CertificateException {
      throw new CertificateException("not a server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] c, String authType, SSLEngine engine) throws CertificateException {
      throw new CertificateException("not a server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return delegate.getAcceptedIssuers();
    }
  }
}
