package dev.spdoctor.scan;

import dev.spdoctor.engine.Diagnosis;
import dev.spdoctor.engine.DiagnosisRequest;
import dev.spdoctor.engine.Engine;
import dev.spdoctor.kb.Signature;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code spdoctor scan} as a use case: streams logs through the prefilter and the signatures,
 * groups the matches by signature and by the causes the engine concludes for each, then runs one
 * diagnosis over the distinct hits (the same report {@code diagnose} prints).
 */
public final class LogScan {
  /** Texts the final diagnosis reads at most (one per group, the first occurrence's lines). */
  public static final int MAX_DIAGNOSIS_TEXTS = 200;

  /**
   * Hits of one signature whose lines lead to the same causes.
   *
   * @param signature signature id
   * @param message the message as the knowledge base prints it
   * @param seen the matched words as the log has them (first occurrence; secrets redacted, controls shown as ?)
   * @param alsoMatched other signatures that matched the same lines (not counted again)
   * @param causes the causes the engine concludes from these lines alone (empty: none on their own)
   * @param count matches counted
   * @param first where the first match is
   * @param last where the last match is
   * @param earliest earliest time of a match, or null when the log gives none
   * @param latest latest time of a match, or null
   * @param examples the first few occurrences
   * @param texts distinct matched texts in the group
   */
  public record Group(String signature, String message, String seen, List<String> alsoMatched, List<String> causes,
      long count, ScanTally.Place first, ScanTally.Place last, Timestamps.Stamp earliest, Timestamps.Stamp latest,
      List<ScanTally.Example> examples, int texts) {}

  /**
   * What a scan found.
   *
   * @param sources each source read, in order
   * @param candidates lines the prefilter passed to the signatures
   * @param millis wall time of the scan (reading and matching), in milliseconds
   * @param groups hits grouped, in order of first appearance
   * @param diagnosis the one diagnosis over the distinct hits
   * @param threads worker threads used
   */
  public record Outcome(List<ScanTally.SourceTotals> sources, long candidates, long millis, List<Group> groups,
      Diagnosis diagnosis, int threads) {
    public long bytes() {
      return sources.stream().mapToLong(ScanTally.SourceTotals::bytes).sum();
    }

    public long lines() {
      return sources.stream().mapToLong(ScanTally.SourceTotals::lines).sum();
    }

    public long hits() {
      return groups.stream().mapToLong(Group::count).sum();
    }
  }

  private LogScan() {}

  /**
   * Scans {@code sources} and diagnoses what they hold. The scan needs only the signatures of
   * {@code kb}; the rule engine, which takes a while to load, is built by {@code engine} on another
   * thread meanwhile.
   */
  public static Outcome run(dev.spdoctor.kb.KnowledgeBase kb, java.util.concurrent.Callable<Engine> engine,
      List<LogSource> sources, InputStream stdin, Map<String, String> answers, LocalDate day, int threads,
      LogScanner.Progress progress) throws IOException {
    java.util.concurrent.FutureTask<Engine> loading = new java.util.concurrent.FutureTask<>(engine);
    Thread loader = new Thread(loading, "spdoctor-engine");
    loader.setDaemon(true);
    loader.start();
    LogScanner scanner = new LogScanner(kb.signatures(), threads);
    ScanTally tally = new ScanTally();
    long t0 = System.nanoTime();
    scanner.scan(sources, stdin, tally, progress);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    Engine e;
    try {
      e = loading.get();
    } catch (InterruptedException x) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", x);
    } catch (java.util.concurrent.ExecutionException x) {
      if (x.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(x.getCause());
    }
    return summarise(e, tally, answers, day, millis, threads);
  }

  static Outcome summarise(Engine engine, ScanTally tally, Map<String, String> answers, LocalDate day, long millis,
      int threads) {
    Map<String, String> messages = new HashMap<>();
    for (Signature s : engine.knowledgeBase().signatures()) {
      messages.put(s.id(), s.message());
    }
    // causes per distinct text, from the lines of its first occurrence alone
    Map<String, List<ScanTally.Entry>> byGroup = new LinkedHashMap<>();
    Map<String, List<String>> causesOf = new HashMap<>();
    Map<String, List<String>> cache = new HashMap<>();
    for (ScanTally.Entry e : tally.entries()) {
      List<String> causes = cache.computeIfAbsent(e.context(), c -> engine.diagnose(
          new DiagnosisRequest(List.of(c), answers, day)).causes().stream().map(r -> r.cause().id()).toList());
      String key = e.signature() + "|" + String.join(",", causes);
      byGroup.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
      causesOf.put(key, causes);
    }
    List<Group> groups = new ArrayList<>();
    for (Map.Entry<String, List<ScanTally.Entry>> g : byGroup.entrySet()) {
      List<ScanTally.Entry> es = g.getValue();
      ScanTally.Entry head = es.get(0);
      long count = 0;
      ScanTally.Place first = null;
      ScanTally.Place last = null;
      Timestamps.Stamp earliest = null;
      Timestamps.Stamp latest = null;
      List<ScanTally.Example> examples = new ArrayList<>();
      Set<String> also = new LinkedHashSet<>();
      for (ScanTally.Entry e : es) {
        also.addAll(e.alsoMatched());
        count += e.count();
        first = first == null || before(e.first(), first, tally) ? e.first() : first;
        last = last == null || before(last, e.last(), tally) ? e.last() : last;
        earliest = min(earliest, e.earliest());
        latest = max(latest, e.latest());
        examples.addAll(e.examples());
      }
      List<String> order = tally.sources().stream().map(ScanTally.SourceTotals::name).toList();
      examples.sort(Comparator.comparingInt((ScanTally.Example x) -> order.indexOf(x.source()))
          .thenComparingLong(ScanTally.Example::line));
      groups.add(new Group(head.signature(), messages.getOrDefault(head.signature(), head.text()),
          ScanTally.safe(head.text()), List.copyOf(also), causesOf.get(g.getKey()), count, first, last, earliest, latest,
          List.copyOf(examples.subList(0, Math.min(ScanTally.EXAMPLES, examples.size()))), es.size()));
    }
    groups.sort(Comparator.comparing((Group g) -> g.first(), (a, b) -> before(a, b, tally) ? -1 : before(b, a, tally) ? 1 : 0));
    // one diagnosis over the distinct hits: the lines of each group's first occurrence
    Set<String> texts = new LinkedHashSet<>();
    for (Group g : groups) {
      for (ScanTally.Entry e : byGroup.get(g.signature() + "|" + String.join(",", g.causes()))) {
        if (texts.size() < MAX_DIAGNOSIS_TEXTS) {
          texts.add(e.context());
        }
        break;
      }
    }
    Diagnosis diagnosis = engine.diagnose(new DiagnosisRequest(List.copyOf(texts), answers, day));
    return new Outcome(tally.sources(), tally.candidates(), millis, List.copyOf(groups), diagnosis, threads);
  }

  private static boolean before(ScanTally.Place a, ScanTally.Place b, ScanTally tally) {
    if (!a.source().equals(b.source())) {
      List<String> order = tally.sources().stream().map(ScanTally.SourceTotals::name).toList();
      return order.indexOf(a.source()) < order.indexOf(b.source());
    }
    return a.line() < b.line();
  }

  private static Timestamps.Stamp min(Timestamps.Stamp a, Timestamps.Stamp b) {
    return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
  }

  private static Timestamps.Stamp max(Timestamps.Stamp a, Timestamps.Stamp b) {
    return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
  }
}
