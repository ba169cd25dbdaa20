package dev.spdoctor.engine;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.spdoctor.facts.Mention;
import dev.spdoctor.text.Redactor;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds what a paste names that gives context: URLs, accounts, Entra ID error codes, and the
 * detail a service attached to an error ({@code error_description}, {@code x-ms-diagnostics}).
 */
public final class MentionExtractor {
  private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s'\"<>()\\[\\]{}`,;]+");
  private static final Pattern UPN =
      Pattern.compile("\\b[A-Za-z0-9._%+-]+@((?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,})\\b");
  private static final Pattern DOMAIN_ACCOUNT =
      Pattern.compile("(?:^|[\\s'\"(=:])([A-Za-z][A-Za-z0-9-]{0,14}\\\\[A-Za-z0-9][A-Za-z0-9._-]{0,63})(?:$|[\\s'\")\\].,;:])");
  private static final Pattern AADSTS = Pattern.compile("\\bAADSTS([0-9]{4,8})\\b");
  private static final Pattern ERROR_DETAIL =
      Pattern.compile("(?i)\"error_description\"\\s*:\\s*\"([^\"]{3,300})\"|x-ms-diagnostics:\\s*([^\\n]{3,300})"
          + "|'error_description'\\s*:\\s*'([^']{3,300})'");

  private MentionExtractor() {}

  /** Every distinct mention in the normalised text, in order of first appearance. */
  public static List<Mention> extract(String text) {
    Set<Mention> found = new LinkedHashSet<>();
    // Each pattern runs only on text holding the character or word it cannot match without.
    Matcher m = URL.matcher(text.contains("://") ? text : "");
    while (m.find()) {
      String url = m.group().replaceAll("[.]+$", "");
      if (url.indexOf('@') >= 0 || text.startsWith(Redactor.MARK, m.end())) {
        continue; // a URL with user:password@ is a proxy or a connection string, never the server
      }
      found.add(url(url));
    }
    m = UPN.matcher(text.indexOf('@') >= 0 ? text : "");
    while (m.find()) {
      found.add(new Mention("upn", m.group(), m.group(1), -1));
    }
    m = DOMAIN_ACCOUNT.matcher(text.indexOf('\\') >= 0 ? text : "");
    while (m.find()) {
      found.add(new Mention("domain-account", m.group(1), "", -1));
    }
    m = AADSTS.matcher(text.contains("AADSTS") ? text : "");
    while (m.find()) {
      found.add(new Mention("aadsts", m.group(), "", -1));
    }
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    m = ERROR_DETAIL.matcher(lower.contains("error_description") || lower.contains("x-ms-diagnostics") ? text : "");
    while (m.find()) {
      String detail = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      found.add(new Mention("error-detail", detail, "", -1));
    }
    return new ArrayList<>(found);
  }

  private static Mention url(String url) {
    try {
      URI uri = URI.create(url);
      return new Mention("url", url, uri.getHost(), uri.getPort());
    } catch (IllegalArgumentException e) {
      return new Mention("url", url, "", -1);
    }
  }
}
