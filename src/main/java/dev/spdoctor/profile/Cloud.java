package dev.spdoctor.profile;

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
}
