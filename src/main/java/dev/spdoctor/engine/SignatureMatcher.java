package dev.spdoctor.engine;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.spdoctor.kb.Signature;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every knowledge-base signature in normalised text, in linear time (RE2J). Tolerant: every
 * pattern matches in any case (normalisation already made white space, line wraps and JSON/HTML
 * escaping irrelevant), and a message cut off after a distinctive leading fragment of at least
 * {@value #FRAGMENT_MIN} characters (at the end of the paste, or before an ellipsis or a closing
 * quote) is found as a fragment, which the engine weighs less than the whole message.
 */
public final class SignatureMatcher {
  /** The shortest leading fragment of a message that counts as the message cut off. */
  static final int FRAGMENT_MIN = 35;

  /** A signature found in one input text, with its named captures; {@code fragment} if cut off. */
  public record Found(String signature, int input, int start, int end, String text, Map<String, String> captures,
      boolean fragment) {
    public Found(String signature, int input, int start, int end, String text, Map<String, String> captures) {
      this(signature, input, start, end, text, captures, false);
    }
  }

  private record Lead(String signature, String text) {}

  private final List<Lead> leads = new ArrayList<>();

  private record Compiled(String signature, Pattern pattern, List<String> groups, RequiredLiteral.Literal literal) {}

  private final List<Compiled> compiled = new ArrayList<>();

  public SignatureMatcher(List<Signature> signatures) {
    this(signatures, true);
  }

  /** With {@code prefilter} false every pattern runs on every text (tests compare the two). */
  SignatureMatcher(List<Signature> signatures, boolean prefilter) {
    for (Signature signature : signatures) {
      for (String p : signature.patterns()) {
        String tolerant = p.startsWith("(?i)") ? p : "(?i)" + p;
        Pattern pattern = Pattern.compile(tolerant);
        compiled.add(new Compiled(signature.id(), pattern, List.copyOf(pattern.namedGroups().keySet()),
            prefilter ? RequiredLiteral.of(tolerant) : null));
      }
      for (Signature.Localized l : signature.localized()) {
        Pattern pattern = Pattern.compile(l.pattern());
        compiled.add(new Compiled(signature.id(), pattern, List.of(), prefilter ? RequiredLiteral.of(l.pattern()) : null));
      }
      List<String> messages = new ArrayList<>();
      messages.add(signature.message());
      signature.localized().forEach(l -> messages.add(l.text()));
      for (String message : messages) {
        String lead = lead(message);
        if (lead != null) {
          leads.add(new Lead(signature.id(), lead));
        }
      }
    }
  }

  /**
   * The literal beginning of a signature's message (up to its first placeholder such as
   * {@code <Client ID>}), in lower case, or null when shorter than a fragment.
   */
  static String lead(String message) {
    if (message == null) {
      return null;
    }
    String m = dev.spdoctor.text.TextNormalizer.normalize(message);
    int placeholder = m.indexOf('<');
    if (placeholder >= 0) {
      m = m.substring(0, placeholder);
    }
    m = m.replaceFirst("[\\s.'\"]+$", "").toLowerCase(java.util.Locale.ROOT);
    return m.length() >= FRAGMENT_MIN ? m : null;
  }

  /**
   * Every match in {@code text}, ordered by position. Where two patterns of one signature match
   * overlapping text, the earlier (then longer) match is kept.
   */
  public List<Found> find(int input, String text) {
    List<Found> all = new ArrayList<>();
    String lower = null;
    for (Compiled c : compiled) {
      RequiredLiteral.Literal literal = c.literal();
      if (literal != null) {
        if (literal.ignoreCase()) {
          lower = lower != null ? lower : text.toLowerCase(java.util.Locale.ROOT);
        }
        if ((literal.ignoreCase() ? lower : text).indexOf(literal.text()) < 0) {
          continue; // the pattern cannot match text without its required literal
        }
      }
      Matcher m = c.pattern().matcher(text);
      while (m.find()) {
        Map<String, String> captures = new LinkedHashMap<>();
        for (String group : c.groups()) {
          String value = m.group(group);
          if (value != null) {
            captures.put(group, value);
          }
        }
        all.add(new Found(c.signature(), input, m.start(), m.end(), m.group(), captures));
        if (m.end() == m.start() && m.end() >= text.length()) {
          break;
        }
      }
    }
    fragments(input, text, lower != null ? lower : text.toLowerCase(java.util.Locale.ROOT), all);
    all.sort(Comparator.comparingInt(Found::start)
        .thenComparing(Comparator.comparingInt(Found::end).reversed())
        .thenComparing(Found::signature));
    Map<String, Integer> reachedBySignature = new LinkedHashMap<>();
    List<Found> kept = new ArrayList<>();
    for (Found f : all) {
      Integer reached = reachedBySignature.get(f.signature());
      if (reached == null || f.start() >= reached) {
        kept.add(f);
        reachedBySignature.put(f.signature(), f.end());
      }
    }
    return kept;
  }

  /**
   * Leading fragments of messages cut off: the paste holds the first {@value #FRAGMENT_MIN} or more
   * characters of a message's literal beginning and then ends, or goes on with an ellipsis or a
   * closing quote, where the whole message would go on. A fragment inside a whole match of the same
   * signature adds nothing.
   */
  private void fragments(int input, String text, String lower, List<Found> all) {
    for (Lead lead : leads) {
      String head = lead.text().substring(0, FRAGMENT_MIN);
      int from = 0;
      int at;
      while ((at = lower.indexOf(head, from)) >= 0) {
        int k = FRAGMENT_MIN;
        while (k < lead.text().length() && at + k < lower.length() && lower.charAt(at + k) == lead.text().charAt(k)) {
          k++;
        }
        int end = at + k;
        from = end;
        if (k >= lead.text().length()) {
          continue; // the whole literal beginning is there: the patterns decide
        }
        String rest = lower.substring(end, Math.min(lower.length(), end + 4)).strip();
        boolean cut = rest.isEmpty() || rest.startsWith("…") || rest.startsWith("...") || rest.startsWith("\"")
            || rest.startsWith("'") || rest.startsWith("`");
        final int s = at;
        boolean inside = all.stream().anyMatch(f -> f.signature().equals(lead.signature()) && f.start() <= s && s < f.end());
        if (cut && !inside) {
          all.add(new Found(lead.signature(), input, at, end, text.substring(at, end), Map.of(), true));
        }
      }
    }
  }
}
