package dev.spdoctor.probe.net;

import dev.spdoctor.text.Identifiers;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** Host names and identifiers as the network probes read them from a profile. */
public final class Names {
  public static final Pattern GUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  /** Labels of at most 63 letters, digits and inner hyphens, no trailing dot (a URL path takes the name as written). */
  private static final Pattern DOMAIN = Pattern.compile("(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private Names() {}

  /** A GUID, as the one identifier classifier ({@link Identifiers}) judges it. */
  public static boolean isGuid(String s) {
    return s != null && GUID.matcher(s.strip()).matches() && Identifiers.isGuid(s);
  }

  /**
   * A domain name, as the one identifier classifier judges it, at most 253 characters and without
   * a trailing dot: the profile probe and the tenant probe accept the same names.
   */
  public static boolean isDomain(String s) {
    return s != null && s.strip().length() <= 253 && Identifiers.classify(s) == Identifiers.Kind.DOMAIN
        && DOMAIN.matcher(s.strip()).matches();
  }

  /** The URL, or null when it is missing or not an absolute http(s) URL with a host. */
  public static URI url(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      URI u = new URI(s.strip());
      if (u.getHost() == null || u.getScheme() == null
          || !("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()))) {
        return null;
      }
      return u;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  /** The host of a URL, lower case, without IPv6 brackets; or null. */
  public static String host(String url) {
    URI u = url(url);
    if (u == null) {
      return null;
    }
    String h = u.getHost().toLowerCase(Locale.ROOT);
    return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
  }

  public static boolean isIpLiteral(String host) {
    return IPV4.matcher(host).matches() || host.contains(":");
  }

  /** The URL without a trailing slash, with this path appended. */
  public static URI under(String base, String path) {
    String b = base.strip();
    while (b.endsWith("/")) {
      b = b.substring(0, b.length() - 1);
    }
    return URI.create(b + path);
  }
}
