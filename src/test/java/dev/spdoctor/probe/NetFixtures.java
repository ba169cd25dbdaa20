package dev.spdoctor.probe;

import dev.spdoctor.probe.net.Connections;
import dev.spdoctor.probe.testing.Stubs;
import dev.spdoctor.profile.Cloud;
import dev.spdoctor.profile.Profile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Profiles and contexts for the network probe tests. */
public final class NetFixtures {
  private NetFixtures() {}

  public static ProbeContext context(Profile p) {
    return context(p, Clock.systemUTC());
  }

  public static ProbeContext context(Profile p, Clock clock) {
    return new ProbeContext(p, Connections.of(p.network()), (ref, what) -> {
      throw new IllegalStateException("no secrets in network probe tests");
    }, clock);
  }

  public static Profile withTenant(Profile p, String tenantId) {
    return new Profile(p.source(), p.name(), p.deployment(), p.sharePoint(), p.registration(), p.applicationAccount(),
        p.clientId(), tenantId, p.certificate(), p.legacyAuth(), p.mfa(), p.securityDefaults(), p.cloud(),
        p.endpoints(), p.network());
  }

  public static Profile withNetwork(Profile p, Profile.Network n) {
    return new Profile(p.source(), p.name(), p.deployment(), p.sharePoint(), p.registration(), p.applicationAccount(),
        p.clientId(), p.tenantId(), p.certificate(), p.legacyAuth(), p.mfa(), p.securityDefaults(), p.cloud(),
        p.endpoints(), n);
  }

  public static Profile withSharePoint(Profile p, String deployment, Profile.SharePoint sp) {
    return new Profile(p.source(), p.name(), deployment, sp, p.registration(), p.applicationAccount(),
        p.clientId(), p.tenantId(), p.certificate(), p.legacyAuth(), p.mfa(), p.securityDefaults(), p.cloud(),
        p.endpoints(), p.network());
  }

  /** An on-premises profile for sp.corp.example (the stub certificate covers *.corp.example). */
  public static Profile onPrem(Profile p, String server, String centralAdmin) {
    return withSharePoint(p, "on-premises", new Profile.SharePoint(server, null, centralAdmin));
  }

  public static Profile.Network network(String proxy, String dnsServer, Path trust, Duration timeout) {
    return new Profile.Network(proxy, null, null, dnsServer, trust, timeout, Duration.ofSeconds(30));
  }

  public static Profile withTimeout(Profile p, Duration timeout) {
    Profile.Network n = p.network();
    return withNetwork(p, new Profile.Network(n.proxy(), n.proxyUser(), n.proxyPassword(), n.dnsServer(),
        n.trustStore(), timeout, n.deadline()));
  }

  public static Profile withDnsServer(Profile p, String server) {
    Profile.Network n = p.network();
    return withNetwork(p, new Profile.Network(n.proxy(), n.proxyUser(), n.proxyPassword(), server,
        n.trustStore(), n.timeout(), n.deadline()));
  }

  /** An online profile for contoso (as {@link Stubs#profile()}) with these network settings. */
  public static Profile contoso(Profile.Network n) {
    return new Profile(Path.of("test-profile.yaml"), "contoso", "online",
        new Profile.SharePoint("https://contoso.sharepoint.com", "https://contoso-admin.sharepoint.com", null),
        "manual", null, Stubs.CLIENT_ID, Stubs.TENANT_ID, null, null, null, null, Cloud.GLOBAL, Profile.Endpoints.NONE, n);
  }

  public static Profile withLogin(Profile p, String login) {
    return new Profile(p.source(), p.name(), p.deployment(), p.sharePoint(), p.registration(), p.applicationAccount(),
        p.clientId(), p.tenantId(), p.certificate(), p.legacyAuth(), p.mfa(), p.securityDefaults(), p.cloud(),
        new Profile.Endpoints(login, p.endpoints().graph()), p.network());
  }
}
