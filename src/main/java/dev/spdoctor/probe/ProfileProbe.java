package dev.spdoctor.probe;

import dev.spdoctor.probe.net.Names;
import dev.spdoctor.profile.Cloud;
import dev.spdoctor.profile.Profile;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The profile's own values, judged without the network: is the Client ID a GUID, is the Tenant ID
 * a GUID or a domain, do the URLs have the shapes SharePoint needs, is the SharePoint host in the
 * cloud the profile names. Keys and values are those of docs/probes.md's {@code profile} table.
 *
 * <p>Online profiles get the Entra and SharePoint Online keys; on-premises profiles get
 * {@code central-admin-url-shape}. The legacy-authentication, MFA and security-defaults keys come
 * from either when given.
 */
public final class ProfileProbe implements Probe.Offline {
  /** The probe id. */
  public static final String ID = "profile";

  private static final Pattern PLAIN_USER = Pattern.compile("[A-Za-z0-9._-]*");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Profile values";
  }

  @Override
  public Observation run(ProbeContext context) {
    if (context == null) {
      throw new NullPointerException("context == null");
    }
    return observe(context.profile());
  }

  /** The observation for {@code profile} (what {@link #run} returns). */
  public Observation observe(Profile profile) {
    if (profile == null) {
      throw new NullPointerException("profile == null");
    }
    Map<String, String> values = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    Profile.SharePoint sp = profile.sharePoint();
    String url = sp == null ? null : sp.url();
    if (profile.online()) {
      online(profile, url, sp == null ? null : sp.adminUrl(), values, problems);
    } else {
      values.put("sharepoint-url-shape", onPremisesUrlShape(url));
      explain(values.get("sharepoint-url-shape"), problems);
      String ca = centralAdminShape(sp == null ? null : sp.centralAdminUrl());
      values.put("central-admin-url-shape", ca);
      switch (ca) {
        case "missing" -> problems.add("no Central Administration URL");
        case "not-a-url" -> problems.add("the Central Administration URL is not a URL");
        case "no-port" -> problems.add("the Central Administration URL has no port");
        default -> { }
      }
    }
    Profile.LegacyAuth legacy = profile.legacyAuth();
    if (legacy != null && legacy.enabled() != null) {
      values.put("legacy-auth-enabled", legacy.enabled() ? "yes" : "no");
    }
    if (legacy != null && legacy.account() != null && !legacy.account().isBlank()) {
      String user = userName(legacy.account());
      boolean special = !PLAIN_USER.matcher(user).matches();
      values.put("legacy-account-special-characters", yesNo(special));
      values.put("legacy-account-hyphen-or-underscore", yesNo(user.indexOf('-') >= 0 || user.indexOf('_') >= 0));
      if (special) {
        problems.add("the legacy account's user name has special characters");
      }
    }
    if (profile.mfa() != null) {
      values.put("mfa", profile.mfa());
    }
    if (profile.securityDefaults() != null) {
      values.put("security-defaults", profile.securityDefaults());
    }
    String summary = problems.isEmpty() ? "profile looks well-formed" : String.join("; ", problems);
    return Observation.collected(ID, summary, values);
  }

  private static void online(Profile profile, String url, String adminUrl, Map<String, String> values,
      List<String> problems) {
    boolean manual = !"automatic".equals(profile.registration());
    String client = clientIdFormat(profile.clientId());
    values.put("client-id-format", client);
    if ("not-guid".equals(client)) {
      problems.add("the Client ID is not a GUID");
    } else if ("missing".equals(client) && manual) {
      problems.add("no Client ID");
    }
    String tenant = tenantIdFormat(profile.tenantId());
    values.put("tenant-id-format", tenant);
    if ("not-valid".equals(tenant)) {
      problems.add("the Tenant ID is neither a GUID nor a domain");
    } else if ("missing".equals(tenant) && manual) {
      problems.add("no Tenant ID");
    }

    String shape = onlineUrlShape(url);
    values.put("sharepoint-url-shape", shape);
    explain(shape, problems);

    String admin = adminUrlShape(adminUrl, url);
    values.put("admin-url-shape", admin);
    switch (admin) {
      case "not-a-url" -> problems.add("the admin center URL is not a URL");
      case "not-admin" -> problems.add("the admin center URL is not a -admin host");
      case "other-organisation" -> problems.add("the admin center URL belongs to another organisation");
      default -> { }
    }

    URI u = parse(url);
    if (u != null) {
      Cloud hostCloud = Cloud.ofSharePointHost(u.getHost());
      values.put("sharepoint-cloud", hostCloud == null ? "unknown" : hostCloud.id());
      if (profile.endpoints().login() == null) {
        values.put("cloud-instance-expected", profile.cloud().instanceName());
      }
      if (hostCloud != null) {
        boolean matches = hostCloud == profile.cloud();
        values.put("cloud-matches", yesNo(matches));
        if (!matches) {
          problems.add("the SharePoint host is in the " + hostCloud.id() + " cloud, the profile says "
              + profile.cloud().id());
        }
      }
    }
  }

  private static void explain(String shape, List<String> problems) {
    switch (shape) {
      case "missing" -> problems.add("no SharePoint URL");
      case "not-a-url" -> problems.add("the SharePoint URL is not a URL");
      case "not-https" -> problems.add("the SharePoint URL is not https");
      case "not-sharepoint-online" -> problems.add("the SharePoint URL is not a SharePoint Online host");
      case "admin-url" -> problems.add("the SharePoint URL is the admin center's");
      case "site-path" -> problems.add("the SharePoint URL has a site path");
      default -> { }
    }
  }

  static String clientIdFormat(String id) {
    if (id == null || id.isBlank()) {
      return "missing";
    }
    return Names.isGuid(id) ? "guid" : "not-guid";
  }

  static String tenantIdFormat(String id) {
    if (id == null || id.isBlank()) {
      return "missing";
    }
    if (Names.isGuid(id)) {
      return "guid";
    }
    return Names.isDomain(id) ? "domain" : "not-valid";
  }

  static String onlineUrlShape(String url) {
    if (url == null || url.isBlank()) {
      return "missing";
    }
    URI u = parse(url);
    if (u == null) {
      return "not-a-url";
    }
    String host = u.getHost().toLowerCase(Locale.ROOT);
    if (Cloud.ofSharePointHost(host) == null) {
      return "not-sharepoint-online";
    }
    if (firstLabel(host).endsWith("-admin")) {
      return "admin-url";
    }
    if (!"https".equalsIgnoreCase(u.getScheme())) {
      return "not-https";
    }
    return hasPath(u) ? "site-path" : "ok";
  }

  static String onPremisesUrlShape(String url) {
    if (url == null || url.isBlank()) {
      return "missing";
    }
    URI u = parse(url);
    if (u == null) {
      return "not-a-url";
    }
    return hasPath(u) ? "site-path" : "ok";
  }

  static String adminUrlShape(String adminUrl, String serverUrl) {
    if (adminUrl == null || adminUrl.isBlank()) {
      return "missing";
    }
    URI a = parse(adminUrl);
    if (a == null) {
      return "not-a-url";
    }
    String host = a.getHost().toLowerCase(Locale.ROOT);
    String label = firstLabel(host);
    if (!label.endsWith("-admin") || label.length() == "-admin".length() || Cloud.ofSharePointHost(host) == null) {
      return "not-admin";
    }
    URI s = parse(serverUrl);
    if (s != null) {
      String server = s.getHost().toLowerCase(Locale.ROOT);
      String organisation = firstLabel(server).replaceFirst("-admin$", "");
      String expected = organisation + "-admin" + server.substring(firstLabel(server).length());
      if (!host.equals(expected)) {
        return "other-organisation";
      }
    }
    return "ok";
  }

  static String centralAdminShape(String url) {
    if (url == null || url.isBlank()) {
      return "missing";
    }
    URI u = parse(url);
    if (u == null) {
      return "not-a-url";
    }
    return u.getPort() < 0 ? "no-port" : "ok";
  }

  /** An http or https URL with a host, or null. */
  private static URI parse(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      URI u = new URI(url.strip());
      String scheme = u.getScheme();
      if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
        return null;
      }
      return u.getHost() == null ? null : u;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static boolean hasPath(URI u) {
    String path = u.getRawPath();
    return path != null && !path.isEmpty() && !"/".equals(path);
  }

  private static String firstLabel(String host) {
    int dot = host.indexOf('.');
    return dot < 0 ? host : host.substring(0, dot);
  }

  /** The user-name part of an account: before the {@code @} of a UPN, after the {@code \} of DOMAIN\\user. */
  private static String userName(String account) {
    String a = account.strip();
    int at = a.lastIndexOf('@');
    if (at >= 0) {
      return a.substring(0, at);
    }
    int slash = a.indexOf('\\');
    return slash >= 0 ? a.substring(slash + 1) : a;
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }
}
