package dev.spdoctor.facts;

import java.util.Locale;

/**
 * Something named anywhere in the text that gives context: a URL, a user principal name, a
 * {@code DOMAIN\\user} account, an AADSTS code.
 *
 * @param kind {@code url}, {@code upn}, {@code domain-account}, {@code aadsts} or {@code error-detail}
 * @param value the text as found
 * @param host for a URL, its host in lower case; for a UPN, its domain; otherwise empty
 * @param port for a URL, its explicit port, or -1
 */
public record Mention(String kind, String value, String host, int port) {
  public Mention {
    host = host == null ? "" : host.toLowerCase(Locale.ROOT);
  }

  /** Whether the host is a SharePoint Online host (any cloud). */
  public boolean isSharePointOnline() {
    return host.endsWith(".sharepoint.com")
        || host.endsWith(".sharepoint.us")
        || host.endsWith(".sharepoint.cn")
        || host.endsWith(".sharepoint-mil.us");
  }

  /**
   * Whether the URL looks like an intranet server: an explicit port on a host that is not a
   * Microsoft cloud host, a single-label host name, or a private top-level domain.
   */
  public boolean isIntranet() {
    if (!"url".equals(kind) || host.isEmpty() || isMicrosoftCloud()) {
      return false;
    }
    if (port > 0 && port != 443 && port != 80) {
      return true;
    }
    if (host.indexOf('.') < 0) {
      return !"localhost".equals(host);
    }
    String tld = host.substring(host.lastIndexOf('.') + 1);
    return switch (tld) {
      case "local", "lan", "corp", "internal", "intranet", "intra", "home", "ad" -> true;
      default -> false;
    };
  }

  /** Whether the host is a Microsoft cloud service host (sign-in, Graph, Microsoft 365). */
  public boolean isMicrosoftCloud() {
    return isSharePointOnline()
        || host.endsWith(".onmicrosoft.com")
        || host.endsWith("login.microsoftonline.com")
        || host.endsWith("graph.microsoft.com")
        || host.endsWith("microsoftonline.us")
        || host.endsWith("chinacloudapi.cn")
        || host.endsWith(".microsoft.com")
        || host.endsWith(".office.com")
        || host.endsWith(".office365.com");
  }
}
