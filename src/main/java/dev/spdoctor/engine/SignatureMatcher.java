package dev.spdoctor.engine;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.spdoctor.kb.Signature;
import java.util.ArrayList;
import java.util.BitSet;
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
 *
 * <p>Fast: one pass of a {@link LiteralGate} over the text finds which literals the patterns
 * require are there ({@link PatternLiterals#conjuncts}); a pattern runs only where each of its
 * required sets has a member in the text, and a message's fragment is looked for only where its
 * beginning is. The gate is conservative, so what is found is what running every pattern finds.
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

  /** A message's literal beginning; {@code head} is the gate's literal for its first characters (-1: none). */
  private record Lead(String signature, int index, String text, int head) {}

  private final List<Lead> leads = new ArrayList<>();

  /**
   * A pattern; {@code index} is its signature's place in the list given. {@code required} holds,
   * for each set of literals the pattern requires, the gate's indices of its members (null: no gate).
   * The pattern is compiled when a text first gets past the gate (the knowledge base's loader has
   * already checked that it compiles): a one-shot diagnosis compiles the few patterns it needs.
   */
  private static final class Compiled {
    final String signature;
    final int index;
    final String regex;
    final boolean named;
    final int[][] required;
    /** Gate literals one of which starts at most {@link #leadBefore} characters into every match (null: none). */
    int[] lead;
    int leadBefore;
    /** Gate literals one of which ends at most {@link #trailAfter} characters before every match's end (null: none). */
    int[] trail;
    int trailAfter;
    private volatile Pattern pattern;
    private volatile List<String> groups;

    Compiled(String signature, int index, String regex, boolean named, int[][] required) {
      this.signature = signature;
      this.index = index;
      this.regex = regex;
      this.named = named;
      this.required = required;
    }

    boolean in(int[] set, int literal) {
      for (int l : set) {
        if (l == literal) {
          return true;
        }
      }
      return false;
    }

    Pattern pattern() {
      Pattern p = pattern;
      if (p == null) {
        p = Pattern.compile(regex);
        groups = named ? List.copyOf(p.namedGroups().keySet()) : List.of();
        pattern = p;
      }
      return p;
    }

    List<String> groups() {
      pattern();
      return groups;
    }
  }

  private final List<Compiled> compiled = new ArrayList<>();
  private final LiteralGate gate;
  /** The gate literals whose places a search needs (leads and trails), by index. */
  private final boolean[] tracked;
  /** Each gate literal's length. */
  private final int[] length;

  public SignatureMatcher(List<Signature> signatures) {
    this(signatures, true);
  }

  /** With {@code prefilter} false every pattern runs on every text (tests compare the two). */
  SignatureMatcher(List<Signature> signatures, boolean prefilter) {
    Map<String, Integer> literals = new LinkedHashMap<>();
    for (int index = 0; index < signatures.size(); index++) {
      Signature signature = signatures.get(index);
      for (String p : signature.patterns()) {
        String tolerant = p.startsWith("(?i)") ? p : "(?i)" + p;
        compiled.add(compile(signature.id(), index, tolerant, true, prefilter, literals));
      }
      for (Signature.Localized l : signature.localized()) {
        compiled.add(compile(signature.id(), index, l.pattern(), false, prefilter, literals));
      }
      List<String> messages = new ArrayList<>();
      messages.add(signature.message());
      for (Signature.Localized l : signature.localized()) {
        messages.add(l.text());
      }
      for (String message : messages) {
        String lead = lead(message);
        if (lead != null) {
          int head = prefilter ? literal(LiteralGate.normalise(lead.substring(0, FRAGMENT_MIN)), literals) : -1;
          leads.add(new Lead(signature.id(), index, lead, head));
        }
      }
    }
    gate = prefilter ? new LiteralGate(List.copyOf(literals.keySet())) : null;
    tracked = new boolean[literals.size()];
    length = new int[literals.size()];
    for (Map.Entry<String, Integer> e : literals.entrySet()) {
      length[e.getValue()] = e.getKey().length();
    }
    for (Compiled c : compiled) {
      for (int[] set : new int[][] {c.lead, c.trail}) {
        for (int l : set != null ? set : new int[0]) {
          tracked[l] = true;
        }
      }
    }
  }

  private static Compiled compile(String id, int index, String regex, boolean named, boolean prefilter,
      Map<String, Integer> literals) {
    if (!prefilter) {
      return new Compiled(id, index, regex, named, null);
    }
    PatternLiterals.Analysis a = PatternLiterals.analyse(regex);
    int[][] required = new int[a.conjuncts().size()][];
    for (int k = 0; k < required.length; k++) {
      required[k] = indices(a.conjuncts().get(k), literals);
    }
    Compiled c = new Compiled(id, index, regex, named, required);
    if (!ascii(a.anchors().lead()) || !ascii(a.anchors().trail())) {
      return c; // a literal's length is then not surely the text's (lower-casing can lengthen); search plainly
    }
    if (a.anchors().lead() != null) {
      c.lead = indices(a.anchors().lead(), literals);
      c.leadBefore = a.anchors().leadBefore();
    }
    if (a.anchors().trail() != null) {
      c.trail = indices(a.anchors().trail(), literals);
      c.trailAfter = a.anchors().trailAfter();
    }
    return c;
  }

  private static boolean ascii(java.util.Set<String> set) {
    for (String x : set != null ? set : java.util.Set.<String>of()) {
      for (int k = 0; k < x.length(); k++) {
        if (x.charAt(k) >= 128) {
          return false;
        }
      }
    }
    return true;
  }

  private static int[] indices(java.util.Set<String> set, Map<String, Integer> literals) {
    java.util.Set<Integer> members = new java.util.LinkedHashSet<>();
    for (String x : set) {
      members.add(literal(LiteralGate.normalise(x), literals));
    }
    int[] out = new int[members.size()];
    int j = 0;
    for (int m : members) {
      out[j++] = m;
    }
    return out;
  }

  /** The gate's index of {@code literal}, added if new. */
  private static int literal(String literal, Map<String, Integer> literals) {
    Integer at = literals.get(literal);
    if (at == null) {
      at = literals.size();
      literals.put(literal, at);
    }
    return at;
  }

  private static boolean possible(int[][] required, BitSet present) {
    for (int[] anyOf : required) {
      boolean one = false;
      for (int l : anyOf) {
        if (present.get(l)) {
          one = true;
          break;
        }
      }
      if (!one) {
        return false;
      }
    }
    return true;
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
    int end = m.length();
    while (end > 0 && " \t\n\u000b\f\r.'\"".indexOf(m.charAt(end - 1)) >= 0) {
      end--; // as replaceFirst("[\\s.'\"]+$", ""), without compiling a pattern per message
    }
    m = m.substring(0, end).toLowerCase(java.util.Locale.ROOT);
    return m.length() >= FRAGMENT_MIN ? m : null;
  }

  /**
   * Every match in {@code text}, ordered by position. Where two patterns of one signature match
   * overlapping text, the earlier (then longer) match is kept.
   */
  public List<Found> find(int input, String text) {
    return find(input, text, null);
  }

  /**
   * As {@link #find(int, String)}, for the signatures in {@code only} alone (by their place in the
   * list this matcher was made with; null: all).
   */
  public List<Found> find(int input, String text, BitSet only) {
    List<Found> all = new ArrayList<>();
    LiteralGate.Found hits = gate != null ? gate.collect(text, tracked) : null;
    BitSet present = hits != null ? hits.literals() : null;
    for (Compiled c : compiled) {
      if (only != null && !only.get(c.index)) {
        continue;
      }
      if (present != null && !possible(c.required, present)) {
        continue; // the pattern cannot match text without one of each of its required literals
      }
      if (hits != null && hits.regular() && c.lead != null) {
        anchored(c, input, text, hits, all);
        continue;
      }
      Matcher m = c.pattern().matcher(text);
      while (m.find()) {
        all.add(found(c, input, m));
        if (m.end() == m.start() && m.end() >= text.length()) {
          break;
        }
      }
    }
    fragments(input, text, present, only, all);
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

  private static Found found(Compiled c, int input, Matcher m) {
    Map<String, String> captures = new LinkedHashMap<>();
    for (String group : c.groups()) {
      String value = m.group(group);
      if (value != null) {
        captures.put(group, value);
      }
    }
    return new Found(c.signature, input, m.start(), m.end(), m.group(), captures);
  }

  /**
   * The matches of {@code c} in {@code text}, the same as {@code while (m.find())} gives, with RE2J
   * run only where a match can be. Every match starts at most {@code leadBefore} characters before
   * one of its lead literals, so each search starts there ({@code find(int)} still sees the
   * character before, for {@code \b}); and every match ends at most {@code trailAfter} characters
   * after one of its trail literals, so the search reads no further than the last of them (and one
   * character more, for what an assertion at the end looks at). A match found there that does not
   * end at that limit is the one the whole text gives; one that does is looked for again in the
   * whole text. Offsets of literals are exact because the text's white space is single characters.
   */
  private void anchored(Compiled c, int input, String text, LiteralGate.Found hits, List<Found> all) {
    int n = text.length();
    int count = hits.count();
    int maxLead = 0;
    for (int l : c.lead) {
      maxLead = Math.max(maxLead, length[l]);
    }
    int limit = n;
    int lastTrailEnd = -1;
    if (c.trail != null) {
      for (int k = 0; k < count; k++) {
        if (c.in(c.trail, hits.literal(k))) {
          lastTrailEnd = Math.max(lastTrailEnd, hits.end(k));
        }
      }
      limit = Math.min(n, lastTrailEnd + c.trailAfter + 1);
    }
    Matcher whole = null;
    Matcher cut = null;
    int from = 0;
    int k = 0;
    while (from <= n) {
      // the first lead literal starting at or after `from`
      while (k < count && hits.end(k) < from) {
        k++;
      }
      int first = -1;
      for (int j = k; j < count; j++) {
        int end = hits.end(j);
        if (first >= 0 && end - maxLead >= first) {
          break; // later ones start later
        }
        int l = hits.literal(j);
        int start = end - length[l];
        if (start >= from && (first < 0 || start < first) && c.in(c.lead, l)) {
          first = start;
        }
      }
      if (first < 0) {
        return; // a match after `from` would hold a lead literal after it
      }
      int start = Math.max(from, first - c.leadBefore);
      if (c.trail != null && lastTrailEnd <= start) {
        return; // nor would it hold a trail literal, which ends after the match starts
      }
      Matcher m;
      if (limit < n) {
        cut = cut != null ? cut : c.pattern().matcher(text.substring(0, limit));
        if (!cut.find(start)) {
          return;
        }
        m = cut;
        if (cut.end() >= limit) {
          whole = whole != null ? whole : c.pattern().matcher(text);
          if (!whole.find(start)) {
            return;
          }
          m = whole;
        }
      } else {
        whole = whole != null ? whole : c.pattern().matcher(text);
        if (!whole.find(start)) {
          return;
        }
        m = whole;
      }
      all.add(found(c, input, m));
      from = m.end() > m.start() ? m.end() : m.end() + 1;
    }
  }

  /**
   * Leading fragments of messages cut off: the paste holds the first {@value #FRAGMENT_MIN} or more
   * characters of a message's literal beginning and then ends, or goes on with an ellipsis or a
   * closing quote, where the whole message would go on. A fragment inside a whole match of the same
   * signature adds nothing.
   */
  private void fragments(int input, String text, BitSet present, BitSet only, List<Found> all) {
    String lower = null;
    for (Lead lead : leads) {
      if (only != null && !only.get(lead.index()) || present != null && !present.get(lead.head())) {
        continue;
      }
      lower = lower != null ? lower : text.toLowerCase(java.util.Locale.ROOT);
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
