package dev.spdoctor.authoring;

import dev.spdoctor.authoring.Corpus.Figures;
import dev.spdoctor.authoring.Corpus.Outcome;
import dev.spdoctor.kb.ErrorCodeDef;
import dev.spdoctor.kb.KnowledgeBase;
import dev.spdoctor.kb.Signature;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the knowledge base recognises, per code family and per language: codes tabled, from the
 * public reference, and mapped to a message or causes; signatures with a localized message, and how
 * the corpus/ pastes of each language fare (never held-out/).
 */
public record RecognitionCoverage(Map<String, Family> families, Map<String, Language> languages) {
  /** One code family. */
  public record Family(int codes, int reference, int mapped) {}

  /** One language: signatures localized into it, and corpus/ pastes in it (right = first or quiet). */
  public record Language(int signatures, int corpusCases, int corpusRight) {}

  /** Counts from the knowledge base and, when given, the corpus/ figures. */
  public static RecognitionCoverage of(KnowledgeBase kb, Figures corpus) {
    Map<String, int[]> fam = new TreeMap<>();
    for (ErrorCodeDef d : kb.codes().values()) {
      int[] n = fam.computeIfAbsent(d.family(), f -> new int[3]);
      n[0]++;
      n[1] += d.reference() ? 1 : 0;
      n[2] += d.signature() != null || !d.causes().isEmpty() ? 1 : 0;
    }
    Map<String, Family> families = new TreeMap<>();
    fam.forEach((f, n) -> families.put(f, new Family(n[0], n[1], n[2])));
    Map<String, int[]> lang = new TreeMap<>();
    lang.put("en", new int[3]);
    lang.get("en")[0] = kb.signatures().size();
    for (Signature s : kb.signatures()) {
      s.localized().stream().map(Signature.Localized::language).distinct()
          .forEach(l -> lang.computeIfAbsent(l, k -> new int[3])[0]++);
    }
    if (corpus != null) {
      for (Outcome o : corpus.outcomes()) {
        int[] n = lang.computeIfAbsent(o.language() == null ? "?" : o.language(), k -> new int[3]);
        n[1]++;
        n[2] += o.right() ? 1 : 0;
      }
    }
    Map<String, Language> languages = new TreeMap<>();
    lang.forEach((l, n) -> languages.put(l, new Language(n[0], n[1], n[2])));
    return new RecognitionCoverage(families, languages);
  }
}
