package dev.spdoctor.probe.net;

import dev.spdoctor.profile.SecretSource;
import dev.spdoctor.profile.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * How probes reach the services: the proxy, and the certificate authorities trusted (the JDK's,
 * plus the profile's {@code network.trust-store} for a TLS-inspecting proxy or a private CA).
 * Every HTTP client (the JDK's, msal4j's, the Graph SDK's OkHttp) is configured from here, so
 * they all go the same way.
 */
public final class Connections {
  private final Optional<Proxy> proxy;
  private final X509TrustManager trustManager;
  private final SSLContext sslContext;
  private final int extraAuthorities;
  private final Optional<PasswordAuthentication> proxyCredentials;

  private Connections(Optional<Proxy> proxy, X509TrustManager trustManager, SSLContext sslContext, int extra,
      Optional<PasswordAuthentication> proxyCredentials) {
    this.proxy = proxy;
    this.trustManager = trustManager;
    this.sslContext = sslContext;
    this.extraAuthorities = extra;
    this.proxyCredentials = proxyCredentials;
  }

  /**
   * The connections a profile asks for, with the proxy credentials it names read from their
   * secret source.
   *
   * @throws IllegalArgumentException when the proxy URL or the trust store cannot be used
   * @throws IllegalStateException when the proxy password cannot be read; the message says where it was looked for
   */
  public static Connections of(Profile.Network network, SecretSource secrets) {
    Connections base = of(network);
    if (network.proxyUser() == null) {
      return base;
    }
    char[] password = network.proxyPassword() == null ? new char[0]
        : secrets.read(network.proxyPassword(), "proxy password");
    PasswordAuthentication creds = new PasswordAuthentication(network.proxyUser(), password);
    java.util.Arrays.fill(password, '\0');
    return new Connections(base.proxy, base.trustManager, base.sslContext, base.extraAuthorities, Optional.of(creds));
  }

  /** The proxy's user name and password, when the profile names a proxy user. Never print the password. */
  public Optional<PasswordAuthentication> proxyCredentials() {
    return proxyCredentials;
  }

  /** The {@code Proxy-Authorization} header value for Basic authentication, when there are credentials. */
  public Optional<String> proxyAuthorization() {
    return proxyCredentials.map(c -> "Basic " + java.util.Base64.getEncoder().encodeToString(
        (c.getUserName() + ":" + new String(c.getPassword())).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /**
   * An authenticator that answers only a proxy's challenge, with the profile's proxy credentials;
   * empty without them. Servers never get them.
   */
  public Optional<Authenticator> proxyAuthenticator() {
    return proxyCredentials.map(c -> new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return getRequestorType() == RequestorType.PROXY ? c : null;
      }
    });
  }

  /**
   * The connections a profile asks for.
   *
   * @throws IllegalArgumentException when the proxy URL or the trust store cannot be used; the message says why
   */
  public static Connections of(Profile.Network network) {
    Optional<Proxy> proxy = Optional.empty();
    if (network.proxy() != null) {
      URI u;
      try {
        u = URI.create(network.proxy());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("network.proxy is not a URL: " + network.proxy());
      }
      if (u.getHost() == null || !"http".equalsIgnoreCase(u.getScheme())) {
        throw new IllegalArgumentException("network.proxy must look like http://proxy.example:8080, not "
            + network.proxy());
      }
      int port = u.getPort() == -1 ? 80 : u.getPort();
      proxy = Optional.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(u.getHost(), port)));
    }
    List<X509Certificate> extra = network.trustStore() == null ? List.of() : readAuthorities(network.trustStore());
    try {
      X509TrustManager trust = trustManager(extra);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, new TrustManager[] {trust}, null);
      return new Connections(proxy, trust, ssl, extra.size(), Optional.empty());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** The proxy to use, if any. */
  public Optional<Proxy> proxy() {
    return proxy;
  }

  /** The proxy as a {@link ProxySelector}, for the JDK and OkHttp clients. */
  public ProxySelector proxySelector() {
    return proxy.<ProxySelector>map(p -> ProxySelector.of((InetSocketAddress) p.address()))
        .orElse(HttpClient.Builder.NO_PROXY);
  }

  public SSLContext sslContext() {
    return sslContext;
  }

  public X509TrustManager trustManager() {
    return trustManager;
  }

  /** How many certificate authorities the profile's trust store added. */
  public int extraAuthorities() {
    return extraAuthorities;
  }

  /** A JDK HTTP client going through the proxy and trusting what this trusts; redirects are not followed. */
  public HttpClient httpClient(java.time.Duration connectTimeout) {
    HttpClient.Builder b = HttpClient.newBuilder()
        .sslContext(sslContext)
        .proxy(proxySelector())
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER);
    proxyAuthenticator().ifPresent(b::authenticator);
    return b.build();
  }

  private static X509TrustManager trustManager(List<X509Certificate> extra) throws GeneralSecurityException {
    TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    defaults.init((KeyStore) null);
    X509TrustManager jdk = firstX509(defaults.getTrustManagers());
    if (extra.isEmpty()) {
      return jdk;
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    for (X509Certificate c : jdk.getAcceptedIssuers()) {
      store.setCertificateEntry("jdk-" + store.size(), c);
    }
    for (X509Certificate c : extra) {
      store.setCertificateEntry("extra-" + store.size(), c);
    }
    TrustManagerFactory both = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    both.init(store);
    return firstX509(both.getTrustManagers());
  }

  private static X509TrustManager firstX509(TrustManager[] managers) {
    for (TrustManager m : managers) {
      if (m instanceof X509TrustManager x) {
        return x;
      }
    }
    throw new IllegalStateException("no X.509 trust manager");
  }

  /** Reads CA certificates from a PEM bundle or a PKCS#12/JKS store without a password. */
  static List<X509Certificate> readAuthorities(Path file) {
    byte[] bytes;
    try {
      bytes = dev.spdoctor.io.BoundedFiles.read(file, dev.spdoctor.io.BoundedFiles.CERTIFICATE);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException("network.trust-store: cannot read " + file + ": no such file");
    } catch (java.nio.file.AccessDeniedException e) {
      throw new IllegalArgumentException("network.trust-store: cannot read " + file + ": permission denied");
    } catch (IOException e) {
      throw new IllegalArgumentException("network.trust-store: cannot read " + file + ": " + e.getMessage());
    }
    List<X509Certificate> out = new ArrayList<>();
    String head = new String(bytes, 0, Math.min(bytes.length, 64), java.nio.charset.StandardCharsets.ISO_8859_1);
    try {
      if (head.contains("-----BEGIN")) {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
          for (var c : cf.generateCertificates(in)) {
            out.add((X509Certificate) c);
          }
        }
      } else {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
          ks.load(in, new char[0]);
        }
        for (String alias : java.util.Collections.list(ks.aliases())) {
          if (ks.getCertificate(alias) instanceof X509Certificate x) {
            out.add(x);
          }
        }
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("network.trust-store: " + file
          + " is neither a PEM bundle of certificates nor a PKCS#12 store without a password (" + e.getMessage() + ")");
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("network.trust-store: " + file + " holds no certificates");
    }
    return out;
  }
}
