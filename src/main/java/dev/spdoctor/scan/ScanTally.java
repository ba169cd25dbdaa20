package dev.spdoctor.scan;

import dev.spdoctor.text.Redactor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds up the matches of a scan, in log order, in memory bounded by the number of distinct
 * messages (at most {@link #MAX_TEXTS}; further distinct texts of a signature are counted under its
 * last slot), never by the size of the log.
 */
public final class ScanTally implements LogScanner.Hits {
  /** Distinct (signature, matched text) pairs kept apart. */
  public static final int MAX_TEXTS = 4096;
  /** Example lines kept per distinct text. */
  public static final int EXAMPLES = 3;
  /** Characters of an example line kept. */
  public static final int EXAMPLE_CHARS = 400;

  /** Where a hit is: source, line (1-based) and its time, when the log gives one. */
  public record Place(String source, long line, Timestamps.Stamp stamp) {}

  /** An example: where, and the line(s) as written (secrets redacted, control characters shown as {@code ?}). */
  public record Example(String source, long line, String text) {}

  /** The tally of one distinct matched text of a signature. */
  public static final class Entry {
    final String signature;
    final String text;
    long count;
    Place first;
    Place last;
    Timestamps.Stamp earliest;
    Timestamps.Stamp latest;
    final List<Example> examples = new ArrayList<>();
    final java.util.Set<String> alsoMatched = new java.util.LinkedHashSet<>();
    String context;

    Entry(String signature, String text) {
      this.signature = signature;
      this.text = text;
    }

    public String signature() {
      return signature;
    }

    public String text() {
      return text;
    }

    public long count() {
      return count;
    }

    public Place first() {
      return first;
    }

    public Place last() {
      return last;
    }

    public Timestamps.Stamp earliest() {
      return earliest;
    }

    public Timestamps.Stamp latest() {
      return latest;
    }

    public List<Example> examples() {
      return examples;
    }

    /** Other signatures that matched the same lines (counted here once, not again under their own id). */
    public java.util.Set<String> alsoMatched() {
      return java.util.Collections.unmodifiableSet(alsoMatched);
    }

    /** The text of the lines of its first occurrence, as matched (normalised, ULS pieces joined): what the diagnosis reads. */
    public String context() {
      return context;
    }
  }

  /** Totals for one source. */
  public record SourceTotals(String name, long bytes, long lines, boolean compressed) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final List<SourceTotals> sources = new ArrayList<>();
  private LogSource source;
  private long lineBase;
  private long bytes;
  private long candidates;
  private long hits;
  private Timestamps.Stamp mark;

  @Override
  public void startSource(LogSource s) {
    source = s;
    lineBase = 0;
    bytes = 0;
    mark = null;
  }

  @Override
  public void block(BlockMatcher.Result r) {
    int m = 0;
    candidates += r.candidates();
    // in line order (a block's matcher yields them signature by signature); a stable sort keeps the
    // signatures' order among hits on the same line
    List<BlockMatcher.Hit> hits = new ArrayList<>(r.hits());
    hits.sort(java.util.Comparator.comparingInt(BlockMatcher.Hit::relLine));
    Entry lineOwner = null;
    int ownerLine = -1;
    for (BlockMatcher.Hit h : hits) {
      while (m < r.marks().size() && r.marks().get(m).relLine() < h.relLine()) {
        mark = r.marks().get(m++).stamp();
      }
      if (lineOwner != null && h.relLine() == ownerLine) {
        // a second signature on a line already counted: one message in the log, listed once
        if (!h.signature().equals(lineOwner.signature)) {
          lineOwner.alsoMatched.add(h.signature());
        }
        continue;
      }
      Timestamps.Stamp stamp = h.stamp() != null ? h.stamp() : mark;
      lineOwner = add(h, new Place(source.name(), lineBase + h.relLine() + 1, stamp));
      ownerLine = h.relLine();
    }
    if (!r.marks().isEmpty()) {
      mark = r.marks().get(r.marks().size() - 1).stamp();
    }
    lineBase += r.newlines();
    bytes += r.bytes();
  }

  private Entry add(BlockMatcher.Hit h, Place place) {
    hits++;
    String key = h.signature() + '\u0000' + h.text();
    Entry e = entries.get(key);
    if (e == null) {
      if (entries.size() >= MAX_TEXTS) {
        key = h.signature() + '\u0000' + "\u0000other";
        e = entries.computeIfAbsent(key, k -> new Entry(h.signature(), h.text()));
      } else {
        e = new Entry(h.signature(), h.text());
        entries.put(key, e);
      }
    }
    e.count++;
    if (e.first == null) {
      e.first = place;
      e.context = Redactor.redact(h.context()); // the diagnosis prints parts of it (URLs, identifiers)
    }
    e.last = place;
    if (place.stamp() != null) {
      if (e.earliest == null || place.stamp().compareTo(e.earliest) < 0) {
        e.earliest = place.stamp();
      }
      if (e.latest == null || place.stamp().compareTo(e.latest) > 0) {
        e.latest = place.stamp();
      }
    }
    if (e.examples.size() < EXAMPLES) {
      e.examples.add(new Example(place.source(), place.line(), safe(String.join(" ", h.lines()))));
    }
    return e;
  }

  @Override
  public void endSource(boolean compressed) {
    sources.add(new SourceTotals(source.name(), bytes, lineBase, compressed));
  }

  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  public List<SourceTotals> sources() {
    return List.copyOf(sources);
  }

  /** Lines the prefilter let through to the signatures. */
  public long candidates() {
    return candidates;
  }

  /** Matches counted. */
  public long hits() {
    return hits;
  }

  /** {@code text} with secrets redacted and control characters shown as {@code ?}, cut to {@link #EXAMPLE_CHARS}. */
  static String safe(String text) {
    String r = Redactor.redact(text);
    StringBuilder b = new StringBuilder(Math.min(r.length(), EXAMPLE_CHARS + 1));
    for (int i = 0; i < r.length() && b.length() < EXAMPLE_CHARS; i++) {
      char c = r.charAt(i);
      if (c == '\t') {
        b.append(' ');
      } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
          || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
        b.append('?');
      } else {
        b.append(c);
      }
    }
    if (b.length() >= EXAMPLE_CHARS && r.length() > EXAMPLE_CHARS) {
      b.append('…');
    }
    return b.toString();
  }
}
