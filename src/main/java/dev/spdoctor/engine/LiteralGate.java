package dev.spdoctor.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Finds which of a set of literals a text holds, in one pass over the text whatever their number:
 * an Aho-Corasick automaton (a trie with failure links; built in a few milliseconds, so that a
 * one-shot diagnosis does not pay for a dense table it would hardly use).
 *
 * <p>Reading is tolerant so that the answer is never "absent" where a case-insensitive pattern
 * could match: each character is folded ({@link #fold}: upper case, then lower case, so that
 * {@code K}, {@code k} and the Kelvin sign read alike), and every run of white space reads as one
 * space. A literal is found wherever the text, read so, holds it; it may be found where a pattern
 * would not match (that only costs a pattern run), never the other way round.
 */
public final class LiteralGate {
  private static final int WS = 1;
  /** {@link #fold} of the ASCII characters; others are folded as they come (they are rare in logs). */
  private static final char[] ASCII = new char[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII[c] = slowFold(c);
    }
  }

  private final int classes;
  /** Class of each folded character (0: no literal uses it, {@link #WS}: white space). */
  private final char[] classOf = new char[65536];
  /** Transitions from the start state, by class. */
  private final int[] rootNext;
  /** Trie edges other than the start state's: key state * classes + class, open addressing. */
  private final int[] edgeKey;
  private final int[] edgeTo;
  private final int edgeMask;
  private final int[] fail;
  /** Whether a state was entered by a space: more white space keeps it. */
  private final boolean[] afterSpace;
  /** For each state, the literals (indices in the order given) that end there, or null. */
  private final int[][] outputs;
  private final int size;

  /** The gate for {@code literals} (any case; none empty). */
  public LiteralGate(List<String> literals) {
    size = literals.size();
    List<String> words = new ArrayList<>();
    int chars = 0;
    for (String l : literals) {
      String w = normalise(l);
      if (w.isEmpty()) {
        throw new IllegalArgumentException("empty literal");
      }
      words.add(w);
      chars += w.length();
    }
    // classes: 0 = any character no literal uses, 1 = white space, then one per folded character used
    int next = 2;
    classOf[' '] = WS;
    for (String w : words) {
      for (int k = 0; k < w.length(); k++) {
        char c = w.charAt(k);
        if (classOf[c] == 0) {
          classOf[c] = (char) next++;
        }
      }
    }
    classes = next;

    // trie
    int cap = Integer.highestOneBit(Math.max(16, chars * 2)) * 2;
    edgeKey = new int[cap];
    edgeTo = new int[cap];
    java.util.Arrays.fill(edgeKey, -1);
    edgeMask = cap - 1;
    rootNext = new int[classes];
    List<Boolean> space = new ArrayList<>();
    List<List<Integer>> ends = new ArrayList<>();
    List<List<int[]>> children = new ArrayList<>();
    space.add(false);
    ends.add(null);
    children.add(new ArrayList<>());
    int states = 1;
    for (int wi = 0; wi < words.size(); wi++) {
      String w = words.get(wi);
      int s = 0;
      for (int k = 0; k < w.length(); k++) {
        int c = classOf[w.charAt(k)];
        int t = s == 0 ? (rootNext[c] > 0 ? rootNext[c] : -1) : edge(s, c);
        if (t < 0) {
          t = states++;
          space.add(c == WS);
          ends.add(null);
          children.add(new ArrayList<>());
          children.get(s).add(new int[] {c, t});
          if (s == 0) {
            rootNext[c] = t;
          } else {
            putEdge(s, c, t);
          }
        }
        s = t;
      }
      if (ends.get(s) == null) {
        ends.set(s, new ArrayList<>());
      }
      ends.get(s).add(wi);
    }

    // failure links and outputs, breadth first
    fail = new int[states];
    afterSpace = new boolean[states];
    outputs = new int[states][];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int[] e : children.get(0)) {
      queue.add(e[1]);
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      afterSpace[s] = space.get(s);
      List<Integer> own = ends.get(s) != null ? ends.get(s) : List.of();
      int[] inherited = outputs[fail[s]];
      int n = own.size() + (inherited == null ? 0 : inherited.length);
      if (n > 0) {
        int[] all = new int[n];
        for (int k = 0; k < own.size(); k++) {
          all[k] = own.get(k);
        }
        if (inherited != null) {
          System.arraycopy(inherited, 0, all, own.size(), inherited.length);
        }
        outputs[s] = all;
      }
      for (int[] e : children.get(s)) {
        int c = e[0];
        int t = e[1];
        int f = fail[s];
        int g;
        while ((g = child(f, c)) < 0 && f != 0) {
          f = fail[f];
        }
        fail[t] = g > 0 && g != t ? g : 0;
        queue.add(t);
      }
    }
  }

  private int slot(int s, int c) {
    int key = s * classes + c;
    int h = (key * 0x9E3779B1) >>> 7 & edgeMask;
    while (edgeKey[h] != -1 && edgeKey[h] != key) {
      h = (h + 1) & edgeMask;
    }
    return h;
  }

  private void putEdge(int s, int c, int t) {
    int h = slot(s, c);
    edgeKey[h] = s * classes + c;
    edgeTo[h] = t;
  }

  private int edge(int s, int c) {
    int h = slot(s, c);
    return edgeKey[h] == -1 ? -1 : edgeTo[h];
  }

  /** The trie child of {@code s} on class {@code c}, or -1 (from the start state: 0 when none). */
  private int child(int s, int c) {
    if (s == 0) {
      return rootNext[c];
    }
    return edge(s, c);
  }

  /** {@code c} as the gate reads it: white space as a space, else upper-cased then lower-cased. */
  public static char fold(char c) {
    return c < 128 ? ASCII[c] : slowFold(c);
  }

  private static char slowFold(char c) {
    return isSpace(c) ? ' ' : Character.toLowerCase(Character.toUpperCase(c));
  }

  /** {@code s} as the gate reads it: each character folded, runs of white space as one space. */
  public static String normalise(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int k = 0; k < s.length(); k++) {
      char f = fold(s.charAt(k));
      if (f != ' ' || b.length() == 0 || b.charAt(b.length() - 1) != ' ') {
        b.append(f);
      }
    }
    return b.toString();
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }

  /** Number of literals. */
  public int size() {
    return size;
  }

  /** Number of states, for measurements. */
  public int states() {
    return outputs.length;
  }

  /** The literals (their indices) that {@code text} holds. */
  public BitSet collect(CharSequence text) {
    return collect(text, null).literals();
  }

  /**
   * What {@link #collect(CharSequence, boolean[])} found: the literals, where the tracked ones end
   * (exclusive end offsets, in text order, with the literal of each), and whether the text's white
   * space is single characters only (then an occurrence of a literal spans exactly its length).
   */
  public static final class Found {
    private final BitSet literals;
    private int[] ends = new int[8];
    private int[] which = new int[8];
    private int count;
    private boolean regular = true;

    Found(int size) {
      literals = new BitSet(size);
    }

    public BitSet literals() {
      return literals;
    }

    public int count() {
      return count;
    }

    public int end(int k) {
      return ends[k];
    }

    public int literal(int k) {
      return which[k];
    }

    public boolean regular() {
      return regular;
    }

    private void add(int end, int literal) {
      if (count == ends.length) {
        ends = java.util.Arrays.copyOf(ends, count * 2);
        which = java.util.Arrays.copyOf(which, count * 2);
      }
      ends[count] = end;
      which[count++] = literal;
    }
  }

  /** The literals {@code text} holds, and where those {@code tracked} (by index; null: none) end. */
  public Found collect(CharSequence text, boolean[] tracked) {
    Found found = new Found(size);
    final BitSet lits = found.literals;
    final char[] ascii = ASCII;
    final char[] cl = classOf;
    int s = 0;
    boolean space = false;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char ch = text.charAt(i);
      int c = cl[ch < 128 ? ascii[ch] : slowFold(ch)];
      if (c == WS) {
        if (space) {
          found.regular = false;
        }
        space = true;
        if (afterSpace[s]) {
          continue;
        }
      } else {
        space = false;
        if (c == 0) {
          s = 0; // no literal holds this character
          continue;
        }
      }
      int t;
      while ((t = child(s, c)) < 0) {
        s = fail[s];
      }
      s = t;
      int[] out = outputs[s];
      if (out != null) {
        for (int l : out) {
          lits.set(l);
          if (tracked != null && tracked[l]) {
            found.add(i + 1, l);
          }
        }
      }
    }
    return found;
  }
}
