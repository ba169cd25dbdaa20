package dev.spdoctor.scan;

import dev.spdoctor.engine.PatternLiterals;
import dev.spdoctor.engine.SignatureMatcher;
import dev.spdoctor.kb.Signature;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The byte-level prefilter of a scan: one automaton over the literals of every signature pattern
 * (see {@link PatternLiterals}). A line that holds none of them cannot hold a match whose literal
 * is on it; only lines that do, and the lines around them, are matched, and only by the
 * signatures whose literals are in that window. The window is matched by the engine's own
 * {@link SignatureMatcher} (restricted to those signatures), so recognition stays the engine's.
 */
public final class Prefilter {
  private final ByteAutomaton automaton;
  private final List<String> literals;
  /** For each literal, the signatures (by index) it stands for. */
  private final int[][] owners;
  private final SignatureMatcher matcher;
  private final Map<String, Integer> index = new java.util.HashMap<>();
  private final BitSet unfiltered = new BitSet();
  private final List<String> unfilteredPatterns = new ArrayList<>();

  private Prefilter(List<Signature> signatures) {
    Map<String, BitSet> owner = new LinkedHashMap<>();
    for (int i = 0; i < signatures.size(); i++) {
      Signature s = signatures.get(i);
      index.put(s.id(), i);
      for (String p : s.patterns()) {
        Set<String> l = PatternLiterals.of(p);
        if (l == null) {
          unfiltered.set(i);
          unfilteredPatterns.add(s.id() + ": " + p);
        } else {
          for (String x : l) {
            owner.computeIfAbsent(x, k -> new BitSet()).set(i);
          }
        }
      }
    }
    literals = List.copyOf(owner.keySet());
    owners = new int[literals.size()][];
    for (int i = 0; i < literals.size(); i++) {
      owners[i] = owner.get(literals.get(i)).stream().toArray();
    }
    automaton = new ByteAutomaton(literals);
    matcher = new SignatureMatcher(signatures);
  }

  /** The prefilter for {@code signatures}. */
  public static Prefilter of(List<Signature> signatures) {
    return new Prefilter(signatures);
  }

  public ByteAutomaton automaton() {
    return automaton;
  }

  /** Every literal, lower case. */
  public List<String> literals() {
    return literals;
  }

  /** Patterns no literal set could be derived for: while there is one, every line is a candidate. */
  public List<String> unfiltered() {
    return List.copyOf(unfilteredPatterns);
  }

  /** Whether every line must be treated as a candidate. */
  public boolean everyLine() {
    return !unfiltered.isEmpty();
  }

  /** The place of signature {@code id} in the list given. */
  int indexOf(String id) {
    return index.get(id);
  }

  /** The engine's matcher over every signature (restricted by {@link #signaturesFor} per window). */
  SignatureMatcher matcher() {
    return matcher;
  }

  /**
   * The signatures (their places in the list given) whose literals are in {@code window[from, to)},
   * and those without literals.
   */
  BitSet signaturesFor(byte[] window, int from, int to) {
    BitSet found = new BitSet(literals.size());
    automaton.collect(window, from, to, found);
    BitSet sigs = (BitSet) unfiltered.clone();
    for (int l = found.nextSetBit(0); l >= 0; l = found.nextSetBit(l + 1)) {
      for (int s : owners[l]) {
        sigs.set(s);
      }
    }
    return sigs;
  }
}
