package dev.spdoctor.text;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.spdoctor.facts.Mention;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Finds what a paste names that gives context: URLs, accounts, Entra ID error codes. */
public final class MentionExtractor {
  private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s'\"<>()\\[\\]{}`,;]+");
  private static final Pattern UPN =
      Pattern.compile("\\b[A-Za-z0-9._%+-]+@((?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,})\\b");
  private static final Pattern DOMAIN_ACCOUNT =
      Pattern.compile("(?:^|[\\s'\"(=:])([A-Za-z][A-Za-z0-9-]{0,14}\\\\[A-Za-z0-9][A-Za-z0-9._-]{0,63})(?:$|[\\s'\")\\].,;:])");
  private static final Pattern AADSTS = Pattern.compile("\\bAADSTS([0-9]{4,8})\\b");

  private MentionExtractor() {}

  /** Every distinct mention in the normalised text, in order of first appearance. */
  public static List<Mention> extract(String text) {
    Set<Mention> found = new LinkedHashSet<>();
    Matcher m = URL.matcher(text);
    while (m.find()) {
      String url = m.group().replaceAll("[.]+$", "");
      found.add(url(url));
    }
    m = UPN.matcher(text);
    while (m.find()) {
      found.add(new Mention("upn", m.group(), m.group(1), -1));
    }
    m = DOMAIN_ACCOUNT.matcher(text);
    while (m.find()) {
      found.add(new Mention("domain-account", m.group(1), "", -1));
    }
    m = AADSTS.matcher(text);
    while (m.find()) {
      found.add(new Mention("aadsts", m.group(), "", -1));
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
