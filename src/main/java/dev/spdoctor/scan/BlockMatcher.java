package dev.spdoctor.scan;

import dev.spdoctor.engine.SignatureMatcher;
import dev.spdoctor.text.TextNormalizer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the signature matches of one block of a log: the prefilter marks candidate lines, each
 * with a window of lines around it, overlapping windows are merged, and each window goes through
 * the engine's own {@link SignatureMatcher} after {@link TextNormalizer}, exactly as a pasted text
 * would (only the signatures whose literals are in the window, see {@link Prefilter}). Stateless
 * apart from its configuration: blocks are matched in parallel.
 *
 * <p>A block sees the end of the block before it and the start of the one after it, so a window
 * can cross either boundary. A match belongs to the block its first line starts in; a block also
 * looks for candidates in the first lines of the next block, whose windows can reach back into it.
 */
final class BlockMatcher {
  /** Lines before and after a candidate line that its window holds. */
  static final int BEFORE = 3;
  static final int AFTER = 4;
  /** Bytes a window reaches at most on either side of its candidate line, and the longest line read. */
  static final int REACH = 16 * 1024;
  static final int MAX_LINE = 64 * 1024;
  /** Bytes of the block before that the automaton reads to enter this block in the right state. */
  private static final int WARM = 512;
  /** Lines in one merged window at most; a longer run of candidates is cut into overlapping windows. */
  private static final int MAX_WINDOW_LINES = 400;
  /** Lines looked back for a time when a hit's own lines have none (event exports put it a dozen lines up). */
  private static final int STAMP_LINES = 24;
  private static final int MAX_STAMP_LINE = 256;
  /** Marks where a line starts in a window's text while it is normalised (a private-use character). */
  private static final char MARK = '\uE000';

  /** A match found in a block. Lines are relative to the block: 0 is the line holding its first byte. */
  record Hit(String signature, int relLine, int relEndLine, int column, String text,
      java.util.Map<String, String> captures, List<String> lines, String context, Timestamps.Stamp stamp) {}

  /** What a block yields: its matches in order, its newline count, and its transcript time marks. */
  record Result(List<Hit> hits, int newlines, int candidates, List<Mark> marks, int bytes) {}

  /** A PowerShell transcript header line: the time that applies to the lines after it. */
  record Mark(int relLine, Timestamps.Stamp stamp) {}

  private final Prefilter prefilter;

  BlockMatcher(Prefilter prefilter) {
    this.prefilter = prefilter;
  }

  /** Bytes of three consecutive blocks, seen from the middle one (positions relative to its start). */
  static final class View {
    final byte[] prev;
    final int prevLen;
    final byte[] cur;
    final int curLen;
    final byte[] next;
    final int nextLen;

    View(byte[] prev, int prevLen, byte[] cur, int curLen, byte[] next, int nextLen) {
      this.prev = prev;
      this.prevLen = prev == null ? 0 : prevLen;
      this.cur = cur;
      this.curLen = curLen;
      this.next = next;
      this.nextLen = next == null ? 0 : nextLen;
    }

    int lo() {
      return -prevLen;
    }

    int hi() {
      return curLen + nextLen;
    }

    byte at(int p) {
      if (p < 0) {
        return prev[prevLen + p];
      }
      if (p < curLen) {
        return cur[p];
      }
      return next[p - curLen];
    }

    /** Start of the line holding {@code p} (not further back than {@code limit}). */
    int lineStart(int p, int limit) {
      int lo = Math.max(lo(), limit);
      int q = p;
      while (q > lo && at(q - 1) != '\n') {
        q--;
      }
      return q;
    }

    /** Position of the newline ending the line holding {@code p}, or the end of what is visible. */
    int lineEnd(int p, int limit) {
      int hi = Math.min(hi(), limit);
      int q = p;
      while (q < hi && at(q) != '\n') {
        q++;
      }
      return q;
    }

    String text(int from, int to) {
      int end = Math.min(to, from + MAX_LINE);
      byte[] b = new byte[end - from];
      for (int i = from; i < end; i++) {
        b[i - from] = at(i);
      }
      int n = b.length;
      if (n > 0 && b[n - 1] == '\r') {
        n--;
      }
      return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    /** Newlines in {@code [from, to)}. */
    int newlines(int from, int to) {
      int n = 0;
      for (int i = from; i < to; i++) {
        if (at(i) == '\n') {
          n++;
        }
      }
      return n;
    }
  }

  Result match(View v) {
    // 1. candidate positions: this block, plus the first lines of the next (their windows reach back here)
    IntList cand = new IntList();
    if (prefilter.everyLine()) {
      everyLine(v, cand);
    } else {
      ByteAutomaton a = prefilter.automaton();
      // enter this block in the state the end of the last one left: a literal may cross the boundary
      int state = v.prev != null ? a.state(v.prev, Math.max(0, v.prevLen - WARM), v.prevLen) : 0;
      state = a.scan(v.cur, 0, v.curLen, state, cand::add);
      if (v.next != null) {
        int limit = Math.min(v.nextLen, REACH);
        int lines = 0;
        for (int i = 0; i < limit; i++) {
          if (v.next[i] == '\n' && ++lines >= BEFORE) {
            limit = i;
            break;
          }
        }
        final int base = v.curLen;
        a.scan(v.next, 0, limit, state, end -> cand.add(base + end));
      }
    }
    // 2. windows around candidate lines, merged where they overlap
    List<int[]> windows = new ArrayList<>();
    int lastLineStart = Integer.MIN_VALUE;
    for (int i = 0; i < cand.size; i++) {
      int p = cand.data[i];
      int ls = v.lineStart(p, p - MAX_LINE);
      if (ls == lastLineStart) {
        continue;
      }
      lastLineStart = ls;
      int ws = ls;
      for (int k = 0; k < BEFORE && ws > v.lo() && ls - ws < REACH; k++) {
        ws = v.lineStart(ws - 1, ls - REACH);
      }
      int we = v.lineEnd(p, p + MAX_LINE);
      for (int k = 0; k < AFTER && we < v.hi() && we - p < REACH; k++) {
        we = v.lineEnd(we + 1, p + REACH);
      }
      if (!windows.isEmpty()) {
        int[] last = windows.get(windows.size() - 1);
        if (ws <= last[1] + 1 && last[2] < MAX_WINDOW_LINES) {
          last[1] = Math.max(last[1], we);
          last[2]++;
          continue;
        }
      }
      windows.add(new int[] {ws, we, 1});
    }
    // 3. match each window; keep matches whose first line starts in this block, each once
    List<Hit> hits = new ArrayList<>();
    List<Mark> marks = new ArrayList<>();
    Lines lines = new Lines(v);
    for (int[] w : windows) {
      matchWindow(v, lines, w[0], w[1], hits, marks);
    }
    hits.sort(java.util.Comparator.comparingInt(Hit::relLine).thenComparingInt(Hit::column));
    List<Hit> unique = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Hit h : hits) {
      if (seen.add(h.signature() + "@" + h.relLine() + ":" + h.column())) {
        unique.add(h);
      }
    }
    return new Result(unique, lines.total(), cand.size, marks, v.curLen);
  }

  /** Line numbers relative to the block, counted forward from the last position asked (windows come in order). */
  private static final class Lines {
    private final View v;
    private int pos;
    private int count;

    Lines(View v) {
      this.v = v;
    }

    int rel(int p) {
      if (p < 0) {
        return -v.newlines(p, 0);
      }
      if (p > v.curLen) {
        return total() + v.newlines(v.curLen, p);
      }
      if (p < pos) {
        pos = 0;
        count = 0;
      }
      count += countNewlines(v.cur, pos, p);
      pos = p;
      return count;
    }

    /** Newlines in the whole block. */
    int total() {
      if (pos < v.curLen) {
        count += countNewlines(v.cur, pos, v.curLen);
        pos = v.curLen;
      }
      return count;
    }
  }

  private void everyLine(View v, IntList cand) {
    int p = 0;
    while (p < v.curLen) {
      cand.add(p);
      while (p < v.curLen && v.cur[p] != '\n') {
        p++;
      }
      p++;
    }
  }

  private void matchWindow(View v, Lines lines, int from, int to, List<Hit> hits, List<Mark> marks) {
    int end = Math.min(v.hi(), to + 1);
    byte[] bytes = new byte[end - from];
    for (int i = from; i < end; i++) {
      bytes[i - from] = v.at(i);
    }
    java.util.BitSet signatures = prefilter.signaturesFor(bytes, 0, bytes.length);
    if (signatures.isEmpty()) {
      return;
    }
    // lines of the window with their relative line numbers
    List<String> raw = new ArrayList<>();
    List<Integer> rel = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    int relLine = lines.rel(from);
    int p = 0;
    while (p < bytes.length) {
      int e = p;
      while (e < bytes.length && bytes[e] != '\n') {
        e++;
      }
      int len = Math.min(e - p, MAX_LINE);
      if (len > 0 && bytes[p + len - 1] == '\r') {
        len--;
      }
      raw.add(new String(bytes, p, len, StandardCharsets.UTF_8));
      rel.add(relLine++);
      starts.add(from + p);
      p = e + 1;
    }
    // One text for the window, normalised once as the engine normalises a paste. Each line starts
    // after a marker the normaliser keeps (it is not white space); the markers are then taken out
    // and their places remembered. A glued continuation (ULS) joins the line before it unmarked.
    StringBuilder joined = new StringBuilder();
    int[] owner = new int[raw.size()];
    String prevPiece = null;
    for (int i = 0; i < raw.size(); i++) {
      String line = raw.get(i);
      if (Timestamps.isTranscriptHeader(line) && starts.get(i) >= 0 && starts.get(i) < v.curLen) {
        marks.add(new Mark(rel.get(i), Timestamps.of(line)));
      }
      LogLines.Piece piece = LogLines.piece(line);
      if (piece.glued() && prevPiece != null) {
        joined.setLength(joined.length() - prevPiece.length());
        joined.append(LogLines.beforeGlue(prevPiece)).append(piece.text());
        owner[i] = owner[i - 1];
        prevPiece = piece.text();
        continue;
      }
      joined.append('\n').append(MARK).append(' ');
      joined.append(piece.text());
      owner[i] = i;
      prevPiece = piece.text();
    }
    String normalised = TextNormalizer.normalize(joined.toString());
    StringBuilder out = new StringBuilder(normalised.length());
    int[] pieceStart = new int[raw.size()];
    int line = -1;
    for (int i = 0; i < normalised.length(); i++) {
      char c = normalised.charAt(i);
      if (c == MARK) {
        do {
          line++;
        } while (line + 1 < raw.size() && owner[line] != line);
        if (line < raw.size()) {
          pieceStart[line] = out.length();
        }
        if (i + 1 < normalised.length() && normalised.charAt(i + 1) == ' ' && (out.length() == 0
            || out.charAt(out.length() - 1) == ' ')) {
          i++;
        }
        continue;
      }
      out.append(c);
    }
    for (int i = 1; i < raw.size(); i++) {
      if (owner[i] != i) {
        pieceStart[i] = pieceStart[i - 1];
      }
    }
    String text = out.toString();
    List<SignatureMatcher.Found> found = new ArrayList<>(prefilter.matcher().find(0, text, signatures));
    // in the order of the signatures, as matching them one by one gave
    found.sort(java.util.Comparator.comparingInt(f -> prefilter.indexOf(f.signature())));
    for (SignatureMatcher.Found f : found) {
      int first = owner[lineOf(pieceStart, f.start())];
      int last = lineOf(pieceStart, Math.max(f.start(), f.end() - 1));
      int start = starts.get(first);
      if (start < 0 || start >= v.curLen) {
        continue; // its first line belongs to the block before or after
      }
      Timestamps.Stamp stamp = null;
      for (int i = first; i >= 0 && stamp == null; i--) {
        stamp = Timestamps.of(raw.get(i).stripLeading());
      }
      if (stamp == null) {
        stamp = stampBefore(v, from);
      }
      int contextEnd = text.length();
      for (int i = last + 1; i < raw.size(); i++) {
        if (owner[i] == i) {
          contextEnd = Math.max(pieceStart[i], f.end());
          break;
        }
      }
      hits.add(new Hit(f.signature(), rel.get(first), rel.get(last), f.start() - pieceStart[first], f.text(),
          f.captures(), List.copyOf(raw.subList(first, last + 1)), text.substring(pieceStart[first], contextEnd).strip(),
          stamp));
    }
  }

  /** The time of the nearest line before {@code p} that has one, looking back {@link #STAMP_LINES} lines at most. */
  private static Timestamps.Stamp stampBefore(View v, int p) {
    int end = p;
    for (int k = 0; k < STAMP_LINES && end > v.lo(); k++) {
      int start = v.lineStart(end - 1, end - 1 - MAX_STAMP_LINE);
      Timestamps.Stamp s = Timestamps.of(v.text(start, Math.min(end - 1, start + MAX_STAMP_LINE)).stripLeading());
      if (s != null) {
        return s;
      }
      end = start;
    }
    return null;
  }

  private static int lineOf(int[] pieceStart, int offset) {
    int lo = 0;
    int hi = pieceStart.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (pieceStart[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

  /** Newlines in {@code b[from, to)}, eight bytes at a time (a byte equal to '\n' becomes a zero byte, counted exactly). */
  static int countNewlines(byte[] b, int from, int to) {
    int n = 0;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long x = (long) LONGS.get(b, i) ^ NEWLINES;
      n += Long.bitCount(~(((x & LOW7) + LOW7) | x | LOW7));
    }
    for (; i < to; i++) {
      if (b[i] == '\n') {
        n++;
      }
    }
    return n;
  }

  /** A growable list of ints. */
  static final class IntList {
    int[] data = new int[64];
    int size;

    void add(int v) {
      if (size == data.length) {
        data = Arrays.copyOf(data, size * 2);
      }
      data[size++] = v;
    }
  }
}
