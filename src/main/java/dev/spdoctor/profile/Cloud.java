package dev.spdoctor.profile;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The national clouds of Microsoft Entra ID, with their sign-in, Graph and SharePoint hosts.
 */
public enum Cloud {
  GLOBAL("global", "https://login.microsoftonline.com", "https://graph.microsoft.com", "sharepoint.com"),
  US_GOVERNMENT("us-government", "https://login.microsoftonline.us", "https://graph.microsoft.us", "sharepoint.us"),
  CHINA("china", "https://login.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn", "sharepoint.cn");

  private final String id;
  private final String login;
  private final String graph;
  private final String sharePointSuffix;

  Cloud(String id, String login, String graph, String sharePointSuffix) {
    this.id = id;
    this.login = login;
    this.graph = graph;
    this.sharePointSuffix = sharePointSuffix;
  }

  /** The name used in profiles: {@code global}, {@code us-government}, {@code china}. */
  public String id() {
    return id;
  }

  public String login() {
    return login;
  }

  public String graph() {
    return graph;
  }

  /**
   * The {@code cloud_instance_name} Entra ID reports in a tenant's OpenID configuration for this
   * cloud ({@code microsoftonline.com}, {@code microsoftonline.us}, {@code partner.microsoftonline.cn}).
   */
  public String instanceName() {
    return switch (this) {
      case GLOBAL -> "microsoftonline.com";
      case US_GOVERNMENT -> "microsoftonline.us";
      case CHINA -> "partner.microsoftonline.cn";
    };
  }

  /** The DNS suffix of SharePoint Online sites in this cloud, such as {@code sharepoint.com}. */
  public String sharePointSuffix() {
    return sharePointSuffix;
  }

  /** The cloud with this profile name, or null. */
  public static Cloud byId(String id) {
    for (Cloud c : values()) {
      if (c.id.equals(id)) {
        return c;
      }
    }
    return null;
  }

  /** The profile names of all clouds, in declaration order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(Cloud::id).toList();
  }

  /**
   * The cloud whose SharePoint Online suffix {@code host} is under, or null. The US Department of
   * Defense's {@code sharepoint-mil.us} counts as {@link #US_GOVERNMENT}.
   */
  public static Cloud ofSharePointHost(String host) {
    if (host == null) {
      return null;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    for (Cloud c : values()) {
      if (h.endsWith("." + c.sharePointSuffix)) {
        return c;
      }
    }
    return h.endsWith(".sharepoint-mil.us") ? US_GOVERNMENT : null;
  }
}
