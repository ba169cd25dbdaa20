package dev.spdoctor.probe.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.spdoctor.profile.Cloud;
import dev.spdoctor.profile.Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The loopback stand-ins for Microsoft's services, shared by the probe tests: one WireMock server
 * over HTTPS (its certificate, signed by the test CA in {@code src/test/resources/pki}, names the
 * real hosts) and a {@link ConnectProxy} that tunnels every host to it. A profile built by
 * {@link #profile} goes through the proxy and trusts the test CA, exactly as a user behind a
 * TLS-inspecting proxy would configure it; WireMock tells services apart by the Host header.
 *
 * <p>In a test class: {@code @RegisterExtension static final Stubs stubs = Stubs.start();} starts
 * them once for the class, resets them before each test and stops them after the last.
 */
public final class Stubs implements AutoCloseable, AfterAllCallback, BeforeEachCallback {
  public static final String TENANT_ID = "3c8a7f12-6b4e-4d91-a0c5-e27f1b9d8a64";
  public static final String CLIENT_ID = "9d3e5f71-0a2b-4c6d-8e9f-a1b2c3d4e5f6";
  public static final String PASSWORD_ENV = "SPDOCTOR_TEST_CERT_PASSWORD";
  public static final String CERT_PASSWORD = "test-password";

  private final WireMockServer server;
  private final ConnectProxy proxy;

  private Stubs(String keystore) throws IOException {
    server = new WireMockServer(wireMockConfig()
        .bindAddress("127.0.0.1")
        .httpDisabled(true)
        .dynamicHttpsPort()
        .keystorePath(pki(keystore).toString())
        .keystorePassword("changeit")
        .keyManagerPassword("changeit")
        .keystoreType("PKCS12"));
    server.start();
    proxy = new ConnectProxy(server.httpsPort());
  }

  /** Stubs whose certificate the test CA signed. */
  public static Stubs start() {
    try {
      return new Stubs("server.p12");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stubs with a self-signed certificate nobody trusts, as a TLS-inspecting proxy would present. */
  public static Stubs startUntrusted() {
    try {
      return new Stubs("untrusted.p12");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public WireMockServer wireMock() {
    return server;
  }

  public ConnectProxy proxy() {
    return proxy;
  }

  public void reset() {
    server.resetAll();
    proxy.clear();
    proxy.requireAuth(false);
  }

  /** A file of the test PKI. */
  public static Path pki(String name) {
    try {
      return Path.of(Stubs.class.getResource("/pki/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Network settings that reach the stubs: through the proxy, trusting the test CA. */
  public Profile.Network network() {
    return new Profile.Network(proxy.url(), null, null, null, pki("ca.pem"), Duration.ofSeconds(5),
        Duration.ofSeconds(30));
  }

  /**
   * An online profile for contoso with a 2048-bit certificate whose password comes from
   * {@link #PASSWORD_ENV}, reaching the stubs.
   */
  public Profile profile() {
    return new Profile(Path.of("test-profile.yaml"), "contoso", "online",
        new Profile.SharePoint("https://contoso.sharepoint.com", "https://contoso-admin.sharepoint.com", null),
        "manual", null, CLIENT_ID, TENANT_ID,
        new Profile.Certificate(pki("app-2048.pfx"), null,
            new dev.spdoctor.profile.SecretRef(PASSWORD_ENV, null, false), null),
        null, null, null, Cloud.GLOBAL, Profile.Endpoints.NONE, network());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    reset();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    close();
  }

  @Override
  public void close() throws IOException {
    proxy.close();
    server.stop();
  }
}
