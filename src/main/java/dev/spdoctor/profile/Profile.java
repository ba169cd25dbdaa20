package dev.spdoctor.profile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A connection as the SharePoint connection wizard captures it, read from a profile file
 * (docs/profile.md). Every field but {@code deployment} may be null: a field nobody gave is
 * "not collected", and the probes that need it say so.
 *
 * <p>Secrets are never held here as text: a {@link SecretRef} says where to read them from.
 *
 * @param source the file the profile was read from (relative paths inside resolve against its folder)
 * @param name a label for reports, or null
 * @param deployment {@code online} or {@code on-premises}
 * @param sharePoint the URLs of the farm or tenant
 * @param registration {@code automatic} or {@code manual}, or null
 * @param applicationAccount the dedicated application account, or null
 * @param clientId the Client ID as entered, or null
 * @param tenantId the Tenant ID as entered (a GUID or a domain), or null
 * @param certificate the app's certificate, or null
 * @param legacyAuth legacy authentication settings, or null
 * @param mfa {@code enabled}, {@code disabled} or null when not known
 * @param securityDefaults {@code enabled}, {@code disabled} or null when not known
 * @param cloud the national cloud; never null ({@link Cloud#GLOBAL} by default)
 * @param endpoints overrides of the cloud's hosts; never null (fields null when not overridden)
 * @param network proxy, resolver, extra trust and time limits; never null
 * @param client the program the connection is made with (knowledge-base/tables/clients.yaml), or null
 */
public record Profile(
    Path source,
    String name,
    String deployment,
    SharePoint sharePoint,
    String registration,
    String applicationAccount,
    String clientId,
    String tenantId,
    Certificate certificate,
    LegacyAuth legacyAuth,
    String mfa,
    String securityDefaults,
    Cloud cloud,
    Endpoints endpoints,
    Network network,
    String client) {

  /** A profile that does not name its client. */
  public Profile(Path source, String name, String deployment, SharePoint sharePoint, String registration,
      String applicationAccount, String clientId, String tenantId, Certificate certificate, LegacyAuth legacyAuth,
      String mfa, String securityDefaults, Cloud cloud, Endpoints endpoints, Network network) {
    this(source, name, deployment, sharePoint, registration, applicationAccount, clientId, tenantId, certificate,
        legacyAuth, mfa, securityDefaults, cloud, endpoints, network, null);
  }

  public Profile {
    if (deployment == null) {
      throw new NullPointerException("deployment == null");
    }
    if (cloud == null) {
      throw new NullPointerException("cloud == null");
    }
    if (endpoints == null) {
      throw new NullPointerException("endpoints == null");
    }
    if (network == null) {
      throw new NullPointerException("network == null");
    }
  }

  public boolean online() {
    return "online".equals(deployment);
  }

  /** The login host to use: the override, or the cloud's. */
  public String loginBase() {
    return endpoints.login() != null ? endpoints.login() : cloud.login();
  }

  /** The Microsoft Graph base to use: the override, or the cloud's. */
  public String graphBase() {
    return endpoints.graph() != null ? endpoints.graph() : cloud.graph();
  }

  /**
   * The SharePoint URLs.
   *
   * @param url the SharePoint server URL (online: {@code https://contoso.sharepoint.com})
   * @param adminUrl the admin center URL (online), or null
   * @param centralAdminUrl the Central Administration URL with its port (on-premises), or null
   */
  public record SharePoint(String url, String adminUrl, String centralAdminUrl) {}

  /**
   * The certificate of the app registration.
   *
   * @param file a .pfx/.p12 file, or a PEM file with the certificate (and perhaps the key)
   * @param keyFile a separate PEM private key, or null
   * @param password where the file's or key's password comes from, or null for none
   * @param thumbprint the SHA-1 thumbprint entered in the wizard, or null
   */
  public record Certificate(Path file, Path keyFile, SecretRef password, String thumbprint) {}

  /**
   * Legacy (user name and password) authentication.
   *
   * @param enabled whether the wizard has it switched on, or null when not known
   * @param account the account, or null
   * @param password where its password comes from, or null
   */
  public record LegacyAuth(Boolean enabled, String account, SecretRef password) {}

  /**
   * Hosts that replace the cloud's: for a private endpoint, a test stub, or a cloud spdoctor does
   * not know. Each is a base URL such as {@code https://login.microsoftonline.com}.
   */
  public record Endpoints(String login, String graph) {
    public static final Endpoints NONE = new Endpoints(null, null);
  }

  /**
   * How to reach the services.
   *
   * @param proxy an HTTP proxy URL ({@code http://proxy.corp:8080}), or null for a direct connection
   * @param proxyUser the proxy account, or null
   * @param proxyPassword where the proxy password comes from, or null
   * @param dnsServer the resolver to ask ({@code host} or {@code host:port}), or null for the system's
   * @param trustStore extra certificate authorities (PEM or PKCS#12), trusted besides the JDK's, or null
   * @param timeout the limit for one probe
   * @param deadline the limit for the whole probe run
   */
  public record Network(
      String proxy,
      String proxyUser,
      SecretRef proxyPassword,
      String dnsServer,
      Path trustStore,
      Duration timeout,
      Duration deadline) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(90);
    public static final Network DEFAULTS =
        new Network(null, null, null, null, null, DEFAULT_TIMEOUT, DEFAULT_DEADLINE);

    public Network {
      if (timeout == null) {
        throw new NullPointerException("timeout == null");
      }
      if (deadline == null) {
        throw new NullPointerException("deadline == null");
      }
    }

    public Optional<String> proxyUrl() {
      return Optional.ofNullable(proxy);
    }
  }
}
