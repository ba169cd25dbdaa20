package dev.spdoctor.scan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * An Aho-Corasick automaton compiled to a dense DFA over bytes, for finding any of a set of
 * literals in raw log bytes without decoding them.
 *
 * <p>Matching folds ASCII letters to lower case and reads every run of white space (space, tab,
 * CR, LF) as one space, so a literal {@code "was not found"} is found in {@code "was  NOT\nfound"};
 * the quotes {@code ' " `} are read as one.
 * Literals are UTF-8; bytes outside ASCII are compared as they are.
 *
 * <p>Why our own: the libraries measured (see docs/scan.md) work on Java strings, so every byte
 * of a gigabyte log would first be decoded to UTF-16, which alone costs more than this whole
 * automaton; and none folds white space. The hot loop here is one table look-up per byte.
 */
public final class ByteAutomaton {
  private static final int WS = 1;

  private final int classes;
  private final byte[] classOf = new byte[256];
  /** Transitions, pre-multiplied by {@link #classes}; negative (bitwise not) where the target accepts. */
  private final int[] delta;
  private final int states;
  /** For each state, the indices (in the order given) of the literals that end there. */
  private final int[][] outputs;

  /** Builds the automaton for {@code literals} (lower case, single spaces, none empty). */
  public ByteAutomaton(Collection<String> literals) {
    List<byte[]> words = new ArrayList<>();
    List<List<Integer>> ends = new ArrayList<>();
    for (String l : literals) {
      if (l.isEmpty()) {
        throw new IllegalArgumentException("empty literal");
      }
      words.add(l.getBytes(StandardCharsets.UTF_8));
    }
    // Byte classes: 0 = any byte no literal uses, 1 = white space, then one per byte used.
    int next = 2;
    int[] cls = new int[256];
    for (byte[] w : words) {
      for (byte b : w) {
        int u = b & 0xff;
        if (u == ' ') {
          continue;
        }
        if (cls[u] == 0) {
          cls[u] = next++;
        }
      }
    }
    for (int u = 'A'; u <= 'Z'; u++) {
      cls[u] = cls[u + ('a' - 'A')];
    }
    for (int q : new int[] {'"', '`'}) {
      cls[q] = cls['\''] != 0 ? cls['\''] : 0;
    }
    cls[' '] = WS;
    cls['\t'] = WS;
    cls['\r'] = WS;
    cls['\n'] = WS;
    cls[0x0b] = WS;
    cls[0x0c] = WS;
    if (next > 127) {
      throw new IllegalArgumentException("too many distinct bytes in the literals: " + next);
    }
    classes = next;
    for (int u = 0; u < 256; u++) {
      classOf[u] = (byte) cls[u];
    }

    // Trie.
    List<int[]> go = new ArrayList<>();
    List<Boolean> accept = new ArrayList<>();
    List<Boolean> afterSpace = new ArrayList<>();
    go.add(newRow());
    accept.add(false);
    afterSpace.add(false);
    for (int wi = 0; wi < words.size(); wi++) {
      byte[] w = words.get(wi);
      int s = 0;
      for (byte b : w) {
        int c = cls[b & 0xff];
        if (go.get(s)[c] <= 0) {
          go.get(s)[c] = go.size();
          go.add(newRow());
          accept.add(false);
          afterSpace.add(c == WS);
        }
        s = go.get(s)[c];
      }
      accept.set(s, true);
      while (ends.size() <= s) {
        ends.add(null);
      }
      if (ends.get(s) == null) {
        ends.set(s, new ArrayList<>());
      }
      ends.get(s).add(wi);
    }
    states = go.size();
    while (ends.size() < states) {
      ends.add(null);
    }

    // Failure links, breadth first, filling in the full DFA.
    int[] fail = new int[states];
    boolean[] acc = new boolean[states];
    for (int s = 0; s < states; s++) {
      acc[s] = accept.get(s);
    }
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    int[] root = go.get(0);
    for (int c = 0; c < classes; c++) {
      if (root[c] > 0) {
        fail[root[c]] = 0;
        queue.add(root[c]);
      } else {
        root[c] = 0;
      }
    }
    List<Integer> order = new ArrayList<>();
    while (!queue.isEmpty()) {
      int s = queue.poll();
      order.add(s);
      acc[s] |= acc[fail[s]];
      int[] row = go.get(s);
      for (int c = 0; c < classes; c++) {
        int t = row[c];
        if (t > 0) {
          fail[t] = go.get(fail[s])[c];
          queue.add(t);
        } else {
          row[c] = go.get(fail[s])[c];
        }
      }
    }
    outputs = new int[states][];
    outputs[0] = new int[0];
    for (int s : order) {
      List<Integer> own = ends.get(s) != null ? ends.get(s) : List.of();
      int[] inherited = outputs[fail[s]];
      int[] all = new int[own.size() + inherited.length];
      for (int k = 0; k < own.size(); k++) {
        all[k] = own.get(k);
      }
      System.arraycopy(inherited, 0, all, own.size(), inherited.length);
      outputs[s] = all;
    }
    // A run of white space reads as one: after a space, more space keeps the state.
    for (int s = 1; s < states; s++) {
      if (afterSpace.get(s)) {
        go.get(s)[WS] = s;
      }
    }
    delta = new int[states * classes];
    for (int s = 0; s < states; s++) {
      int[] row = go.get(s);
      for (int c = 0; c < classes; c++) {
        int t = row[c];
        delta[s * classes + c] = acc[t] ? ~(t * classes) : t * classes;
      }
    }
  }

  private int[] newRow() {
    int[] row = new int[128];
    Arrays.fill(row, -1);
    return row;
  }

  /**
   * Adds to {@code found} the index of every literal in {@code buf[from, to)}, reading from the
   * start state, and returns the state it ends in.
   */
  public int collect(byte[] buf, int from, int to, java.util.BitSet found) {
    final int[] d = delta;
    final byte[] cl = classOf;
    int s = 0;
    for (int i = from; i < to; i++) {
      s = d[s + cl[buf[i] & 0xff]];
      if (s < 0) {
        s = ~s;
        for (int l : outputs[s / classes]) {
          found.set(l);
        }
      }
    }
    return s;
  }

  /** Number of states, for tests and measurements. */
  public int states() {
    return states;
  }

  /** The state after reading {@code buf[from, to)} from the start state, hits ignored (a warm-up, not the hot loop). */
  public int state(byte[] buf, int from, int to) {
    return collect(buf, from, to, new java.util.BitSet());
  }

  /**
   * Finds lines of {@code buf[from, to)} that hold a literal, and calls {@code hits} with the
   * position where each found literal ends. After a hit the rest of that line is skipped: one hit
   * per line is all a caller needs.
   *
   * @param state the state to start in: 0, or what {@link #state} or an earlier scan returned
   * @return the state at {@code to}
   */
  public int scan(byte[] buf, int from, int to, int state, Hits hits) {
    final int[] d = delta;
    final byte[] cl = classOf;
    int s = state;
    for (int i = from; i < to; i++) {
      s = d[s + cl[buf[i] & 0xff]];
      if (s < 0) {
        hits.hit(i);
        int nl = i + 1;
        while (nl < to && buf[nl] != '\n') {
          nl++;
        }
        i = nl; // the newline itself
        s = 0;
      }
    }
    return s;
  }

  /** Receives hit positions. */
  @FunctionalInterface
  public interface Hits {
    void hit(int end);
  }
}
