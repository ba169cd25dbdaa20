package dev.spdoctor.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Derives from an RE2 pattern sets of lower-case literals such that every match of the pattern
 * contains at least one member of each set: {@link #conjuncts} (all of them, for the engine's
 * literal gate, see {@link LiteralGate}) and {@link #of} (the one most selective set, made robust
 * to line wraps, that a byte prefilter over a log looks for).
 *
 * <p>The pattern is parsed into concatenations, alternations, groups and quantified atoms. A node
 * has an exact set (every string it can match, when that set is finite and small) and a list of
 * required any-of sets (a conjunction). Concatenations multiply exact sets and require each run of
 * them and each part's own sets; alternations require the union of each branch's most selective
 * set; an optional part requires nothing. Anything not understood
 * (classes, {@code .}, {@code \S}, back references) is a non-literal atom, which only makes the
 * result weaker, never wrong. A pattern with no usable set yields {@code null}: the caller must
 * then treat every line as a candidate for it.
 *
 * <p>Each literal is then made robust to how logs print messages: every quote character becomes
 * {@code '} (the automaton reads all quotes as one), and a long literal is halved at a space so
 * that a message wrapped at any one place still leaves one half whole on a line.
 */
public final class PatternLiterals {
  private static final int MAX_EXACT = 24;
  private static final int MAX_EXACT_LENGTH = 80;
  private static final int MIN_PIECE = 3;
  private static final int HALVE_FROM = 20;
  private static final int MIN_HALF = 8;
  /** Words so common in logs that a literal made only of them selects almost every line. */
  private static final Set<String> COMMON = Set.of("http", "https", "status", "error", "failed", "access", "denied",
      "request", "token", "the", "code", "message", "exception", "to", "a", "of", "is", "not", "found", "in", "for",
      "client", "site", "url", "server", "from", "with", "and", "on", "at", "by", "be", "has", "have", "was", "been",
      "this", "that", "or", "an", "as", "get", "list", "web", "id",
      // host names of the services every SharePoint or Entra log names on most lines
      "microsoft", "microsoftonline", "sharepoint", "graph", "login", "com", "net", "us", "cn", "windows", "www",
      "partner", "chinacloudapi", "microsoftgraph", "onmicrosoft", "accesscontrol", "accounts", "api", "sites");

  private PatternLiterals() {}

  /**
   * Every any-of set {@code pattern} requires (lower case, white space runs as one space): each
   * match of the pattern, read in lower case with white space runs as one space, contains a member
   * of every set. Sets with a member shorter than {@value #MIN_PIECE} characters are left out (they
   * select nothing); empty when nothing is certain or the pattern is not understood.
   */
  public static List<Set<String>> conjuncts(String pattern) {
    return analyse(pattern).conjuncts();
  }

  /**
   * Where literals sit in every match of a pattern. {@code lead}: a set one of whose members every
   * match holds starting at most {@code leadBefore} characters after the match's start (null: none
   * known). {@code trail}: a set one of whose members every match holds ending at most
   * {@code trailAfter} characters before the match's end (null: none known). Members are as in
   * {@link #conjuncts}; each stands for exactly as many characters of the text as it has, in text
   * whose white space is single spaces.
   */
  public record Anchors(Set<String> lead, int leadBefore, Set<String> trail, int trailAfter) {
    static final Anchors NONE = new Anchors(null, -1, null, -1);
  }

  /** The {@link Anchors} of {@code pattern}: from its top-level sequence of parts, or none. */
  public static Anchors anchors(String pattern) {
    return analyse(pattern).anchors();
  }

  /** What one parse of a pattern tells: its {@link #conjuncts} and its {@link #anchors}. */
  public record Analysis(List<Set<String>> conjuncts, Anchors anchors) {}

  /** {@link #conjuncts} and {@link #anchors} of {@code pattern} from one parse. */
  public static Analysis analyse(String pattern) {
    Node n;
    try {
      n = new Parser(pattern).parseAll();
    } catch (RuntimeException e) {
      return new Analysis(List.of(), Anchors.NONE); // not understood: nothing is certain
    }
    List<Set<String>> all = new ArrayList<>(n.all);
    if (n.exact != null) {
      all.add(n.exact);
    }
    List<Set<String>> out = new ArrayList<>();
    for (Set<String> set : all) {
      if (usable(set) && !out.contains(set)) {
        out.add(Set.copyOf(set));
      }
    }
    Anchors anchors = Anchors.NONE;
    if (n.anchors != null) {
      anchors = n.anchors;
    } else if (n.exact != null && usable(n.exact)) {
      anchors = new Anchors(n.exact, 0, n.exact, 0);
    }
    return new Analysis(out, anchors);
  }

  private static boolean usable(Set<String> set) {
    if (set == null || set.isEmpty()) {
      return false;
    }
    for (String x : set) {
      if (x.strip().length() < MIN_PIECE) {
        return false;
      }
    }
    return true;
  }

  /**
   * The most selective required set of {@code pattern} for a byte prefilter over logs (lower case,
   * single spaces, quotes as {@code '}, long literals halved at a space), or null when none is usable.
   */
  public static Set<String> of(String pattern) {
    Set<String> best = null;
    for (Set<String> set : conjuncts(pattern)) {
      if (score(set) > 0 && (best == null || score(set) > score(best))) {
        best = set;
      }
    }
    if (best == null) {
      return null;
    }
    Set<String> pieces = new LinkedHashSet<>();
    for (String s : best) {
      String cut = quotes(s);
      if (cut.strip().length() < MIN_PIECE) {
        return null;
      }
      if (cut.length() >= HALVE_FROM) {
        int space = nearestSpace(cut, cut.length() / 2);
        if (space > 0) {
          String a = cut.substring(0, space);
          String b = cut.substring(space + 1);
          if (score(Set.of(a)) >= MIN_HALF && score(Set.of(b)) >= MIN_HALF) {
            pieces.add(a);
            pieces.add(b);
            continue;
          }
        }
      }
      pieces.add(cut);
    }
    return pieces;
  }

  /** Every quote character as {@code '}: the automaton reads them as one. */
  static String quotes(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      b.append(c == '"' || c == '`' || c == '\u2018' || c == '\u2019' || c == '\u201c' || c == '\u201d' ? '\'' : c);
    }
    return b.toString();
  }

  private static int nearestSpace(String s, int mid) {
    for (int d = 0; d < s.length(); d++) {
      if (mid - d >= 0 && s.charAt(mid - d) == ' ') {
        return mid - d;
      }
      if (mid + d < s.length() && s.charAt(mid + d) == ' ') {
        return mid + d;
      }
    }
    return -1;
  }

  /** How selective an any-of set is: its weakest member's length, less for common words; 0 or less is unusable. */
  static int score(Set<String> set) {
    if (set.isEmpty()) {
      return 0;
    }
    int min = Integer.MAX_VALUE;
    for (String s : set) {
      String t = s.strip();
      int v = t.length();
      boolean allCommon = true;
      int w = 0;
      for (int k = 0; k <= t.length() && allCommon; k++) {
        char c = k < t.length() ? t.charAt(k) : ' ';
        if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
          if (k > w && !COMMON.contains(t.substring(w, k))) {
            allCommon = false;
          }
          w = k + 1;
        }
      }
      if (allCommon) {
        v = v / 3;
      }
      if (t.length() < MIN_PIECE) {
        v = 0;
      }
      min = Math.min(min, v);
    }
    return min - (set.size() - 1) / 4;
  }

  /** A parsed node: what it can match exactly (if small), and the any-of sets every match of it contains. */
  private static final class Node {
    final Set<String> exact;
    /** Each set is required (a conjunction); a match holds one member of each. */
    final List<Set<String>> all;
    List<Node> parts;
    /** The most characters a match can have, or -1 when unbounded. */
    int max = -1;
    /** For a concatenation: where its literals sit (see {@link Anchors}), or null. */
    Anchors anchors;

    Node(Set<String> exact, List<Set<String>> all) {
      this.exact = exact;
      this.all = all;
    }

    static Node literal(String s, int length) {
      Set<String> e = new LinkedHashSet<>();
      e.add(s);
      return new Node(e, List.of()).max(length);
    }

    /** One character of a kind not understood (a class, {@code .}, {@code \\d}); up to two UTF-16 units. */
    static Node opaque() {
      return new Node(null, List.of()).max(2);
    }

    /** Any number of anything. */
    static Node unbounded() {
      return new Node(null, List.of());
    }

    Node max(int m) {
      max = m;
      return this;
    }

    /** Its most selective set: the exact set if known, else the best-scoring required set (null if none). */
    Set<String> best() {
      if (exact != null) {
        return exact;
      }
      Set<String> best = null;
      for (Set<String> set : all) {
        best = better(best, set);
      }
      return best;
    }

    /** What any match of it requires, its exact set included. */
    List<Set<String>> required() {
      if (exact == null) {
        return all;
      }
      List<Set<String>> out = new ArrayList<>(all);
      out.add(exact);
      return out;
    }

    /** This node followed by {@code tail}, to be flattened into the concatenation holding it. */
    Node then(Node tail) {
      Node pair = new Node(null, tail.required());
      pair.parts = List.of(this, tail);
      return pair;
    }
  }

  private static Set<String> better(Set<String> current, Set<String> candidate) {
    if (candidate == null || candidate.isEmpty() || score(candidate) <= 0) {
      return current;
    }
    if (current == null || score(candidate) > score(current)) {
      return candidate;
    }
    return current;
  }

  private static final class Parser {
    private final String p;
    private int i;

    Parser(String pattern) {
      this.p = pattern;
    }

    Node parseAll() {
      Node n = alternation();
      if (i < p.length()) {
        throw new IllegalArgumentException("unbalanced ) at " + i);
      }
      return n;
    }

    private Node alternation() {
      List<Node> alts = new ArrayList<>();
      alts.add(concatenation());
      while (i < p.length() && p.charAt(i) == '|') {
        i++;
        alts.add(concatenation());
      }
      if (alts.size() == 1) {
        return alts.get(0);
      }
      Set<String> exact = new LinkedHashSet<>();
      Set<String> union = new LinkedHashSet<>();
      for (Node a : alts) {
        if (exact != null) {
          if (a.exact == null) {
            exact = null;
          } else {
            exact.addAll(a.exact);
          }
        }
        if (union != null) {
          Set<String> b = a.best();
          if (b == null) {
            union = null;
          } else {
            union.addAll(b);
          }
        }
      }
      if (exact != null && exact.size() > MAX_EXACT) {
        exact = null;
      }
      int max = 0;
      for (Node a : alts) {
        max = a.max < 0 || max < 0 ? -1 : Math.max(max, a.max);
      }
      return new Node(exact, union == null ? List.of() : List.of(union)).max(max);
    }

    private Node concatenation() {
      List<Node> items = new ArrayList<>();
      while (i < p.length() && p.charAt(i) != '|' && p.charAt(i) != ')') {
        Node atom = atom();
        if (atom == null) {
          continue; // zero-width or flags
        }
        Node q = quantified(atom);
        if (q.parts != null) {
          items.addAll(q.parts);
        } else {
          items.add(q);
        }
      }
      // Each maximal run of exact parts is required as the product of their sets; so is every set a
      // part that is not exact requires.
      Set<String> product = Set.of("");
      List<Set<String>> all = new ArrayList<>();
      boolean allExact = true;
      // runs of exact parts: items [first, end) of each, to know the most characters before and after it
      List<Set<String>> runs = new ArrayList<>();
      List<int[]> spans = new ArrayList<>();
      int first = 0;
      for (int k = 0; k < items.size(); k++) {
        Node n = items.get(k);
        if (n.exact != null) {
          Set<String> next = multiply(product, n.exact);
          if (next != null) {
            product = next;
            continue;
          }
        }
        allExact = false;
        all.add(product);
        all.addAll(n.all);
        runs.add(product);
        spans.add(new int[] {first, k});
        first = n.exact != null ? k : k + 1;
        product = n.exact != null ? n.exact : Set.of("");
      }
      runs.add(product);
      spans.add(new int[] {first, items.size()});
      if (!allExact) {
        all.add(product);
      }
      int[] before = new int[items.size() + 1];
      for (int k = 0; k < items.size(); k++) {
        before[k + 1] = add(before[k], items.get(k).max);
      }
      int[] after = new int[items.size() + 1];
      for (int k = items.size() - 1; k >= 0; k--) {
        after[k] = add(after[k + 1], items.get(k).max);
      }
      Node out = allExact ? new Node(product, List.of()) : new Node(null, all);
      out.max(before[items.size()]);
      Set<String> lead = null;
      int leadBefore = -1;
      for (int k = 0; k < runs.size() && lead == null; k++) {
        if (usable(runs.get(k)) && before[spans.get(k)[0]] >= 0) {
          lead = runs.get(k);
          leadBefore = before[spans.get(k)[0]];
        }
      }
      Set<String> trail = null;
      int trailAfter = -1;
      for (int k = runs.size() - 1; k >= 0 && trail == null; k--) {
        if (usable(runs.get(k)) && after[spans.get(k)[1]] >= 0) {
          trail = runs.get(k);
          trailAfter = after[spans.get(k)[1]];
        }
      }
      out.anchors = new Anchors(lead, leadBefore, trail, trailAfter);
      return out;
    }

    private static int add(int a, int b) {
      return a < 0 || b < 0 ? -1 : a + b;
    }

    private static Set<String> multiply(Set<String> a, Set<String> b) {
      if ((long) a.size() * b.size() > MAX_EXACT) {
        return null;
      }
      Set<String> out = new LinkedHashSet<>();
      for (String x : a) {
        for (String y : b) {
          String s = x + y;
          if (s.length() > MAX_EXACT_LENGTH) {
            return null;
          }
          out.add(s);
        }
      }
      return out;
    }

    private Node quantified(Node atom) {
      if (i >= p.length()) {
        return atom;
      }
      char c = p.charAt(i);
      Node out;
      if (c == '?' || c == '*') {
        i++;
        Set<String> e = null;
        if (c == '?' && atom.exact != null) {
          e = new LinkedHashSet<>(atom.exact);
          e.add("");
        }
        out = new Node(e, List.of()).max(c == '?' ? atom.max : -1);
      } else if (c == '+') {
        i++;
        if (atom.exact != null) {
          // X+ is X*X: nothing known, then X (so X can join the literal that follows)
          skipLazy();
          return Node.unbounded().then(atom);
        }
        out = new Node(null, atom.required()).max(-1);
      } else if (c == '{' && p.indexOf('}', i) > i && isRange(p.substring(i + 1, p.indexOf('}', i)))) {
        String range = p.substring(i + 1, p.indexOf('}', i));
        i = p.indexOf('}', i) + 1;
        int min = Integer.parseInt(range.split(",", -1)[0]);
        String upper = range.contains(",") ? range.substring(range.indexOf(',') + 1) : range;
        int max = upper.isEmpty() || atom.max < 0 || upper.length() > 6 ? -1 : Integer.parseInt(upper) * atom.max;
        if (min == 0) {
          out = new Node(null, List.of()).max(max);
        } else if (range.equals("1")) {
          out = atom;
        } else {
          out = new Node(null, atom.required()).max(max);
        }
      } else {
        return atom;
      }
      skipLazy();
      return out;
    }

    /** Whether {@code r} is what RE2 reads as a repetition range: {@code n}, {@code n,} or {@code n,m}. */
    private static boolean isRange(String r) {
      int comma = r.indexOf(',');
      String min = comma < 0 ? r : r.substring(0, comma);
      String max = comma < 0 ? "" : r.substring(comma + 1);
      return !min.isEmpty() && digits(min) && digits(max);
    }

    private static boolean digits(String s) {
      for (int k = 0; k < s.length(); k++) {
        if (s.charAt(k) < '0' || s.charAt(k) > '9') {
          return false;
        }
      }
      return true;
    }

    private void skipLazy() {
      if (i < p.length() && (p.charAt(i) == '?' || p.charAt(i) == '+')) {
        i++; // lazy or possessive marker
      }
    }

    /** One atom, or null for something that matches no text (anchors, \b, flags). */
    private Node atom() {
      char c = p.charAt(i);
      switch (c) {
        case '(' -> {
          i++;
          if (p.startsWith("?", i)) {
            if (p.startsWith("?P<", i) || p.startsWith("?<", i)) {
              i = p.indexOf('>', i) + 1;
            } else {
              int j = i + 1;
              while (j < p.length() && p.charAt(j) != ':' && p.charAt(j) != ')') {
                j++;
              }
              if (j < p.length() && p.charAt(j) == ')') {
                i = j + 1; // flags only, e.g. (?i)
                return null;
              }
              i = j + 1;
            }
          }
          Node inner = alternation();
          if (i >= p.length() || p.charAt(i) != ')') {
            throw new IllegalArgumentException("missing )");
          }
          i++;
          return inner;
        }
        case '[' -> {
          return charClass();
        }
        case '.' -> {
          i++;
          return Node.opaque();
        }
        case '^', '$' -> {
          i++;
          return null;
        }
        case '\\' -> {
          return escape();
        }
        default -> {
          // a run of plain characters at once, but not the last one before a quantifier (it applies to that one)
          int j = i + 1;
          if (!special(c)) {
            while (j < p.length() && !special(p.charAt(j)) && !(j + 1 < p.length() && quantifier(p.charAt(j + 1)))) {
              j++;
            }
          }
          String run = p.substring(i, j);
          i = j;
          return Node.literal(fold(run), run.length());
        }
      }
    }

    private static boolean special(char c) {
      return "\\()[]{}.*+?|^$".indexOf(c) >= 0;
    }

    private static boolean quantifier(char c) {
      return c == '?' || c == '*' || c == '+' || c == '{';
    }

    private Node escape() {
      if (i + 1 >= p.length()) {
        throw new IllegalArgumentException("trailing \\");
      }
      char e = p.charAt(i + 1);
      i += 2;
      if (e == 'b' || e == 'B' || e == 'A' || e == 'z') {
        return null;
      }
      if (e == 'x' || e == 'p' || e == 'P') {
        if (i < p.length() && p.charAt(i) == '{') {
          i = p.indexOf('}', i) + 1;
        } else {
          i += e == 'x' ? 2 : 1;
        }
        return Node.opaque();
      }
      if (e == 'Q') {
        int end = p.indexOf("\\E", i);
        String lit = end < 0 ? p.substring(i) : p.substring(i, end);
        i = end < 0 ? p.length() : end + 2;
        return Node.literal(fold(lit), lit.length());
      }
      if (Character.isLetterOrDigit(e)) {
        if (e == 'n' || e == 't' || e == 'r') {
          return Node.literal(" ", 1);
        }
        return Node.opaque(); // \s \S \d \w ...
      }
      return Node.literal(fold(String.valueOf(e)), 1);
    }

    private Node charClass() {
      int start = i;
      i++;
      boolean negated = i < p.length() && p.charAt(i) == '^';
      Set<String> members = new LinkedHashSet<>();
      boolean simple = !negated;
      if (i < p.length() && p.charAt(i) == ']') {
        members.add("]");
        i++;
      }
      while (i < p.length() && p.charAt(i) != ']') {
        char c = p.charAt(i);
        if (c == '\\') {
          char e = i + 1 < p.length() ? p.charAt(i + 1) : 0;
          if (Character.isLetterOrDigit(e)) {
            simple = false;
          } else {
            members.add(fold(String.valueOf(e)));
          }
          i += 2;
        } else if (c == '[' && p.startsWith("[:", i)) {
          simple = false;
          i = p.indexOf(":]", i) + 2;
        } else if (i + 2 < p.length() && p.charAt(i + 1) == '-' && p.charAt(i + 2) != ']') {
          char to = p.charAt(i + 2);
          if (to - c > 3) {
            simple = false;
          } else {
            for (char x = c; x <= to; x++) {
              members.add(fold(String.valueOf(x)));
            }
          }
          i += 3;
        } else {
          members.add(fold(String.valueOf(c)));
          i++;
        }
      }
      if (i >= p.length()) {
        throw new IllegalArgumentException("unclosed [ at " + start);
      }
      i++;
      if (!simple || members.isEmpty() || members.size() > 4) {
        return Node.opaque();
      }
      return new Node(members, List.of()).max(2);
    }

    private static String fold(char c) {
      return Character.isWhitespace(c) ? " " : String.valueOf(c).toLowerCase(Locale.ROOT);
    }

    private static String fold(String s) {
      StringBuilder b = new StringBuilder(s.length());
      for (int k = 0; k < s.length(); k++) {
        char c = s.charAt(k);
        if (!Character.isWhitespace(c)) {
          b.append(c);
        } else if (b.length() == 0 || b.charAt(b.length() - 1) != ' ' || !Character.isWhitespace(s.charAt(k - 1))) {
          b.append(' ');
        }
      }
      return b.toString().toLowerCase(Locale.ROOT);
    }
  }
}
