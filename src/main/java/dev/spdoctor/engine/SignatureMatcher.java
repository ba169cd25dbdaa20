package dev.spdoctor.engine;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.spdoctor.kb.Signature;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds every knowledge-base signature in normalised text, in linear time (RE2J). */
public final class SignatureMatcher {
  /** A signature found in one input text, with its named captures. */
  public record Found(String signature, int input, int start, int end, String text, Map<String, String> captures) {}

  private record Compiled(String signature, Pattern pattern, List<String> groups, RequiredLiteral.Literal literal) {}

  private final List<Compiled> compiled = new ArrayList<>();

  public SignatureMatcher(List<Signature> signatures) {
    this(signatures, true);
  }

  /** With {@code prefilter} false every pattern runs on every text (tests compare the two). */
  SignatureMatcher(List<Signature> signatures, boolean prefilter) {
    for (Signature signature : signatures) {
      for (String p : signature.patterns()) {
        Pattern pattern = Pattern.compile(p);
        compiled.add(new Compiled(signature.id(), pattern, List.copyOf(pattern.namedGroups().keySet()),
            prefilter ? RequiredLiteral.of(p) : null));
      }
    }
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
}
