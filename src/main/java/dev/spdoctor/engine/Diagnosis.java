package dev.spdoctor.engine;

import dev.spdoctor.facts.ProbeRun;
import dev.spdoctor.kb.Cause;
import dev.spdoctor.kb.Question;
import dev.spdoctor.kb.Step;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one diagnosis: ranked causes, one ordered list of steps, what is still unknown.
 *
 * @param asOf the day dated facts were judged against
 * @param causes causes in play, best first
 * @param steps the plan's remediation steps in order (numbered as in the plan); a step shared by several
 *     causes appears once
 * @param openQuestions facts nobody gave that would confirm or rule out a cause in play
 * @param ruledOut causes that had evidence for them but were ruled out, with the reason
 * @param unexplained recognised messages no cause was concluded for
 * @param context what the rules concluded about the setting (deployment), with the basis
 * @param stated the facts that were stated, by key, each with where it came from
 * @param noCause why no cause was established; null when one was
 * @param trace every rule that fired, in order (filled in always; shown with --explain)
 * @param codes error codes found in the text, each marked whether a cause explains it
 * @param identifiers trace id, correlation id, timestamp and the like, found in the text
 * @param probes what the probes observed, in the order they ran (empty without a profile)
 * @param client the program that printed the error, with the basis; null when it is not known
 * @param plan what to do, in order: checks, then each cause's steps (or the established cause's only)
 */
public record Diagnosis(
    LocalDate asOf,
    List<RankedCause> causes,
    List<RecommendedStep> steps,
    List<OpenQuestion> openQuestions,
    List<Exclusion> ruledOut,
    List<Match> unexplained,
    List<String> context,
    List<StatedFact> stated,
    NoCause noCause,
    List<FiredRule> trace,
    List<FoundCode> codes,
    Map<String, String> identifiers,
    List<ProbeRun> probes,
    ClientContext client,
    Plan plan) {

  /**
   * The program that printed the error (knowledge-base/tables/clients.yaml).
   *
   * @param source {@code answer} (given with --client or --answer client=), {@code profile}, or
   *     {@code text} (recognised in the paste)
   * @param basis why: the marker seen in the text, or who said so
   */
  public record ClientContext(dev.spdoctor.kb.ClientDef client, String source, String basis) {
    public String id() {
      return client.id();
    }
  }

  /** Why no cause was established, decided once (by the engine) for every format. */
  public enum NoCause {
    /** Error codes were recognised, but no rule maps them to a cause. */
    CODES_UNMAPPED,
    /** Only probes were run, and nothing they observed points at a known cause. */
    PROBES_POINT_NOWHERE,
    /** No known error message is in the text. */
    NOTHING_RECOGNISED,
    /** Messages were recognised, but the facts given rule out every cause known for them. */
    ALL_RULED_OUT
  }

  /**
   * A fact that was stated.
   *
   * @param source {@code answer} (the person said so), {@code profile} (the connection profile says so) or
   *     {@code config} (the configuration file's default)
   */
  public record StatedFact(String key, String value, String source) {
    public boolean fromProfile() {
      return "profile".equals(source);
    }

    /** How a report introduces it: stated, from the profile, from the configuration file. */
    public String origin() {
      return switch (source) {
        case "profile" -> "from the profile";
        case "config" -> "from the configuration file";
        default -> "stated";
      };
    }
  }

  /**
   * An error code found in the text.
   *
   * @param system {@code aadsts}, {@code graph}, {@code sharepoint} or {@code http}
   * @param code the code as printed, e.g. {@code AADSTS50034}
   * @param name its short name from the knowledge base, or null
   * @param meaning one line on what it means, or null
   * @param lookup where to look it up, or null
   * @param mapped whether a cause in the ranking rests on the message that carries it
   */
  public record FoundCode(String system, String code, String name, String meaning, String lookup, boolean mapped) {}

  /** A cause in play. */
  public record RankedCause(int rank, Cause cause, double confidence, List<Evidence> evidence) {}

  /** One line of evidence for a cause: which rule, why, and the text it rests on. */
  public record Evidence(String rule, String reason, double confidence, Match match) {}

  /** A recognised message in the text. */
  public record Match(String signature, int input, int start, int end, String text, Map<String, String> captures) {}

  /** A step to take, and the causes it addresses. */
  public record RecommendedStep(int number, Step step, List<String> causes) {}

  /** A question whose answer would change the outcome, the causes it bears on, and the rules asking. */
  public record OpenQuestion(Question question, List<String> causes, List<String> rules) {}

  /** A cause ruled out, and why. */
  public record Exclusion(String cause, String title, String rule, String reason) {}

  /** A rule that fired, with the facts it matched. */
  public record FiredRule(String rule, String name, List<String> facts) {}

  /** Codes no cause in the ranking explains. */
  public List<FoundCode> unmappedCodes() {
    return codes.stream().filter(c -> !c.mapped()).toList();
  }

  /** The stated facts as key to value, in key order. */
  public Map<String, String> known() {
    Map<String, String> known = new java.util.LinkedHashMap<>();
    stated.forEach(f -> known.put(f.key(), f.value()));
    return known;
  }

  public boolean hasCauses() {
    return !causes.isEmpty();
  }
}
