package dev.spdoctor.probe.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The challenges of {@code WWW-Authenticate} headers (RFC 9110 §11.6.1): several headers, several
 * challenges in one header, parameters as tokens or quoted strings, or a token68.
 */
public final class WwwAuthenticate {
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
  private static final Pattern PARAM_START = Pattern.compile("([A-Za-z0-9!#$%&'*+.^_`|~-]+)[ \\t]*=(?!=)[ \\t]*");
  private static final Pattern TOKEN68 = Pattern.compile("[A-Za-z0-9._~+/-]+=*");

  private WwwAuthenticate() {}

  /**
   * One challenge.
   *
   * @param scheme the scheme as sent, such as {@code Bearer} or {@code NTLM}
   * @param params the parameters, names in lower case
   * @param token68 the token68 form's value, or null
   */
  public record Challenge(String scheme, Map<String, String> params, String token68) {
    public Optional<String> param(String name) {
      return Optional.ofNullable(params.get(name.toLowerCase(Locale.ROOT)));
    }
  }

  /** Every challenge in these header values, in order; what cannot be read is skipped. */
  public static List<Challenge> parse(List<String> headerValues) {
    List<Challenge> out = new ArrayList<>();
    for (String h : headerValues) {
      parseOne(h, out);
    }
    return out;
  }

  /** The schemes offered, each once, in order. */
  public static List<String> schemes(List<Challenge> challenges) {
    LinkedHashSet<String> s = new LinkedHashSet<>();
    for (Challenge c : challenges) {
      s.add(c.scheme());
    }
    return List.copyOf(s);
  }

  private static void parseOne(String h, List<Challenge> out) {
    int i = 0;
    int n = h.length();
    while (i < n) {
      i = skip(h, i, " \t,");
      Matcher scheme = TOKEN.matcher(h).region(i, n);
      if (!scheme.lookingAt()) {
        return;
      }
      String name = scheme.group();
      i = skip(h, scheme.end(), " \t");
      Map<String, String> params = new LinkedHashMap<>();
      String token68 = null;
      Matcher t68 = TOKEN68.matcher(h).region(i, n);
      if (!PARAM_START.matcher(h).region(i, n).lookingAt() && t68.lookingAt() && endsChallenge(h, t68.end())) {
        token68 = t68.group();
        i = t68.end();
      } else {
        while (i < n) {
          Matcher p = PARAM_START.matcher(h).region(i, n);
          if (!p.lookingAt()) {
            break;
          }
          int[] end = new int[1];
          String value = value(h, p.end(), end);
          params.put(p.group(1).toLowerCase(Locale.ROOT), value);
          i = skip(h, end[0], " \t");
          if (i < n && h.charAt(i) == ',') {
            int next = skip(h, i + 1, " \t,");
            if (PARAM_START.matcher(h).region(next, n).lookingAt()) {
              i = next;
              continue;
            }
            i = next;
          }
          break;
        }
      }
      out.add(new Challenge(name, java.util.Collections.unmodifiableMap(params), token68));
    }
  }

  private static String value(String h, int i, int[] end) {
    if (i < h.length() && h.charAt(i) == '"') {
      StringBuilder sb = new StringBuilder();
      int j = i + 1;
      while (j < h.length() && h.charAt(j) != '"') {
        if (h.charAt(j) == '\\' && j + 1 < h.length()) {
          j++;
        }
        sb.append(h.charAt(j));
        j++;
      }
      end[0] = Math.min(j + 1, h.length());
      return sb.toString();
    }
    int j = i;
    while (j < h.length() && h.charAt(j) != ',' && h.charAt(j) != ' ' && h.charAt(j) != '\t') {
      j++;
    }
    end[0] = j;
    return h.substring(i, j);
  }

  private static boolean endsChallenge(String h, int i) {
    int j = skip(h, i, " \t");
    return j == h.length() || h.charAt(j) == ',';
  }

  private static int skip(String h, int i, String chars) {
    while (i < h.length() && chars.indexOf(h.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }
}
