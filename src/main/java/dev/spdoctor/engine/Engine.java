package dev.spdoctor.engine;

import dev.spdoctor.engine.Diagnosis.Evidence;
import dev.spdoctor.engine.Diagnosis.Exclusion;
import dev.spdoctor.engine.Diagnosis.FiredRule;
import dev.spdoctor.engine.Diagnosis.FoundCode;
import dev.spdoctor.engine.Diagnosis.Match;
import dev.spdoctor.engine.Diagnosis.NoCause;
import dev.spdoctor.engine.Diagnosis.OpenQuestion;
import dev.spdoctor.engine.Diagnosis.RankedCause;
import dev.spdoctor.engine.Diagnosis.RecommendedStep;
import dev.spdoctor.engine.Diagnosis.StatedFact;
import dev.spdoctor.facts.Capture;
import dev.spdoctor.facts.CodeCause;
import dev.spdoctor.facts.CodeMatch;
import dev.spdoctor.facts.Deployment;
import dev.spdoctor.facts.DeploymentScope;
import dev.spdoctor.facts.Known;
import dev.spdoctor.facts.Milestone;
import dev.spdoctor.facts.Need;
import dev.spdoctor.facts.Observed;
import dev.spdoctor.facts.ProbeRun;
import dev.spdoctor.facts.RuleMeta;
import dev.spdoctor.facts.RuledOut;
import dev.spdoctor.facts.SignatureMatch;
import dev.spdoctor.facts.Support;
import dev.spdoctor.facts.WellKnownApp;
import dev.spdoctor.kb.Cause;
import dev.spdoctor.kb.ErrorCodeDef;
import dev.spdoctor.kb.KnowledgeBase;
import dev.spdoctor.kb.MilestoneDef;
import dev.spdoctor.text.ErrorCodes;
import dev.spdoctor.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.QueryResultsRow;

/**
 * Runs one diagnosis: reads the texts into evidence facts, lets the rules conclude, and assembles
 * the ranked causes, the ordered steps and the open questions from the knowledge base.
 *
 * <p>An engine is immutable and can be reused for many diagnoses (one rule session each).
 */
public final class Engine {
  private final KieBase rules;
  private final KnowledgeBase kb;
  /** How much a message cut off after its leading fragment counts, against the whole message. */
  private static final double FRAGMENT_WEIGHT = 0.8;

  private final SignatureMatcher matcher;
  private final CodeFinder codeFinder;
  private final dev.spdoctor.kb.ClientMatcher clientMatcher;

  public Engine(KieBase rules, KnowledgeBase kb) {
    if (rules == null) {
      throw new NullPointerException("rules == null");
    }
    if (kb == null) {
      throw new NullPointerException("kb == null");
    }
    this.rules = rules;
    this.kb = kb;
    this.matcher = new SignatureMatcher(kb.signatures());
    this.codeFinder = new CodeFinder(kb.codes());
    this.clientMatcher = new dev.spdoctor.kb.ClientMatcher(kb.clients());
  }

  private static volatile Engine bundled;

  /**
   * The engine with the rules and knowledge base bundled in the jar, built once per process: an
   * engine keeps nothing between diagnoses (each runs in a new rule session), so every command,
   * interview and batch line in a process shares it.
   */
  public static Engine bundled() {
    Engine e = bundled;
    if (e == null) {
      synchronized (Engine.class) {
        e = bundled;
        if (e == null) {
          e = new Engine(RuleBase.bundled(), KnowledgeBase.bundled());
          bundled = e;
        }
      }
    }
    return e;
  }

  public KnowledgeBase knowledgeBase() {
    return kb;
  }

  /** Looks into the rule session after the rules have fired, before it is disposed (authoring tools). */
  @FunctionalInterface
  public interface SessionInspector {
    SessionInspector NONE = (session, trace) -> { };

    void inspect(KieSession session, List<FiredRule> trace);
  }

  /** The evidence of one request, as facts for the rules and as the report needs it. */
  private record Facts(Map<String, String> known, List<Match> matches, Map<String, Match> matchById,
      List<String> normalised, List<Object> all, java.util.Set<String> fragments) {}

  /**
   * Diagnoses the request in three steps: build the facts, run the rule session, assemble the report.
   *
   * @throws AnswerException when an answer names an unknown fact or has a wrong value
   */
  public Diagnosis diagnose(DiagnosisRequest request) {
    return diagnose(request, SessionInspector.NONE);
  }

  /** Diagnoses the request, letting {@code inspector} look into the session once the rules have fired. */
  public Diagnosis diagnose(DiagnosisRequest request, SessionInspector inspector) {
    return diagnose(request, inspector, true);
  }

  /** With {@code planned} false (a what-if run for the plan's checks) the plan is left empty. */
  private Diagnosis diagnose(DiagnosisRequest request, SessionInspector inspector, boolean planned) {
    Facts facts = buildFacts(request);
    KieSession session = rules.newKieSession();
    try {
      List<FiredRule> trace = runSession(session, facts.all());
      inspector.inspect(session, trace);
      return assemble(request, session, facts, trace, planned);
    } finally {
      session.dispose();
    }
  }

  /** The ranking the rules give to {@code request} with one more answer. */
  private List<RankedCause> whatIf(DiagnosisRequest request, String question, String value) {
    Map<String, String> answers = new LinkedHashMap<>(request.answers());
    answers.put(question, value);
    return diagnose(new DiagnosisRequest(request.texts(), answers, request.asOf(), request.probes(), request.sources()),
        SessionInspector.NONE, false).causes();
  }

  /** Step 1: the stated answers (canonical), the signature matches, mentions, probe values and milestones. */
  private Facts buildFacts(DiagnosisRequest request) {
    Map<String, String> known = new TreeMap<>();
    request.answers().forEach((k, v) -> known.put(k, AnswerValidator.canonical(kb, k, v)));
    List<Match> matches = new ArrayList<>();
    List<String> normalised = new ArrayList<>();
    Map<String, Match> matchById = new HashMap<>();
    List<Object> facts = new ArrayList<>();
    Set<String> fragments = new java.util.HashSet<>();
    for (int input = 0; input < request.texts().size(); input++) {
      String text = TextNormalizer.normalize(request.texts().get(input));
      normalised.add(text);
      List<SignatureMatcher.Found> found = matcher.find(input, text);
      for (SignatureMatcher.Found f : found) {
        String id = "m" + (matches.size() + 1);
        if (f.fragment()) {
          fragments.add(id);
        }
        Match match = new Match(f.signature(), f.input(), f.start(), f.end(), f.text(), f.captures());
        matches.add(match);
        matchById.put(id, match);
        facts.add(new SignatureMatch(id, f.signature(), f.start(), f.end(), f.text()));
        f.captures().forEach((name, value) -> facts.add(new Capture(id, f.signature(), name, value)));
      }
      codeFacts(input, text, found, matches, matchById, facts);
      facts.addAll(MentionExtractor.extract(text));
    }
    known.forEach((k, v) -> facts.add(new Known(k, v, source(request, k))));
    for (ProbeRun run : request.probes()) {
      facts.add(run);
      run.values().forEach((k, v) -> facts.add(Observed.of(run.probe(), k, v)));
    }
    for (MilestoneDef m : kb.milestones()) {
      facts.add(new Milestone(m.id(), m.date(), !request.asOf().isBefore(m.date())));
    }
    kb.apps().forEach(a -> facts.add(new WellKnownApp(a.id(), a.appId(), a.name())));
    kb.causes().values().forEach(c -> facts.add(new DeploymentScope("cause", c.id(),
        c.deployment().contains("online"), c.deployment().contains("onprem"))));
    kb.signatures().forEach(s -> facts.add(new DeploymentScope("signature", s.id(),
        s.deployment().contains("online"), s.deployment().contains("onprem"))));
    return new Facts(known, matches, matchById, normalised, facts, fragments);
  }

  private static String source(DiagnosisRequest request, String key) {
    return request.sources().getOrDefault(key, "answer");
  }

  /** Step 2: inserts the facts and fires the rules once; the trace lists every rule that fired. */
  private static List<FiredRule> runSession(KieSession session, List<Object> facts) {
    List<FiredRule> trace = new ArrayList<>();
    session.addEventListener(new DefaultAgendaEventListener() {
      @Override
      public void afterMatchFired(AfterMatchFiredEvent event) {
        List<String> matched = event.getMatch().getObjects().stream()
            .filter(o -> o != null && o.getClass().getPackageName().startsWith("dev.spdoctor"))
            .map(String::valueOf).toList();
        trace.add(new FiredRule(RuleMeta.id(event.getMatch().getRule()), event.getMatch().getRule().getName(), matched));
      }
    });
    facts.forEach(session::insert);
    session.fireAllRules();
    return trace;
  }

  /**
   * The codes of one text as evidence. A code that a recognised message covers adds nothing (the
   * message's own rules decide); an outer wrapper code yields to a more specific code after it.
   * Otherwise a code whose table row names a signature stands for that message (its rules apply),
   * and a code whose row names causes supports them through the generic code-table rule.
   */
  private void codeFacts(int input, String text, List<SignatureMatcher.Found> found, List<Match> matches,
      Map<String, Match> matchById, List<Object> facts) {
    List<CodeFinder.Found> codes = codeFinder.find(text);
    for (CodeFinder.Found c : codes) {
      ErrorCodeDef def = kb.codes().get(c.code());
      if (def == null || def.signature() == null && def.causes().isEmpty()) {
        continue;
      }
      boolean covered = found.stream().anyMatch(f -> f.start() <= c.start() && c.start() < f.end());
      boolean yields = def.wrapper() && codes.stream().anyMatch(o -> o.start() > c.start()
          && o.start() - c.end() < 1000 && o.family().equals(c.family()) && !o.code().equals(c.code())
          && kb.codes().get(o.code()) != null && !kb.codes().get(o.code()).wrapper());
      if (covered || yields) {
        continue;
      }
      String seen = snippet(text, c.start());
      if (def.signature() != null) {
        String id = "m" + (matches.size() + 1);
        Match match = new Match(def.signature(), input, c.start(), c.start() + seen.length(), seen, Map.of());
        matches.add(match);
        matchById.put(id, match);
        facts.add(new SignatureMatch(id, def.signature(), match.start(), match.end(), seen));
      }
      if (!def.causes().isEmpty()) {
        String id = "c" + (matchById.size() + 1);
        matchById.put(id, new Match("code-table", input, c.start(), c.start() + seen.length(), seen, Map.of()));
        facts.add(new CodeMatch(id, def.family(), def.code()));
        String reason = def.code() + " (" + def.name() + "): " + def.meaning();
        def.causes().forEach((cause, confidence) -> facts.add(new CodeCause(def.code(), cause, confidence, reason)));
      }
    }
  }

  /** The code and the rest of its sentence (at most 200 characters), as the evidence shown. */
  private static String snippet(String text, int start) {
    int end = Math.min(text.length(), start + 200);
    int stop = text.indexOf(". ", start);
    if (stop >= 0 && stop < end) {
      end = stop + 1;
    }
    return text.substring(start, end).strip();
  }

  /** Step 3: reads the conclusions through the named queries and assembles the report. */
  private Diagnosis assemble(DiagnosisRequest request, KieSession session, Facts facts, List<FiredRule> trace,
      boolean planned) {
    Map<String, Match> matchById = facts.matchById();
    Map<String, List<Support>> supportByCause = new LinkedHashMap<>();
    for (QueryResultsRow row : session.getQueryResults("supports")) {
      Support s = (Support) row.get("$support");
      supportByCause.computeIfAbsent(s.cause(), c -> new ArrayList<>()).add(s);
    }
    Map<String, RuledOut> ruledOut = new LinkedHashMap<>();
    for (QueryResultsRow row : session.getQueryResults("ruledOut")) {
      RuledOut r = (RuledOut) row.get("$ruledOut");
      ruledOut.putIfAbsent(r.cause(), r);
    }

    List<RankedCause> ranked = rank(supportByCause, ruledOut, matchById, facts.fragments());
    Set<String> inPlay = new LinkedHashSet<>();
    ranked.forEach(r -> inPlay.add(r.cause().id()));

    List<Exclusion> exclusions = new ArrayList<>();
    for (RuledOut r : ruledOut.values()) {
      if (supportByCause.containsKey(r.cause())) {
        exclusions.add(new Exclusion(r.cause(), title(r.cause()), r.rule(), r.reason()));
      }
    }

    Map<String, List<String>> questionCauses = new LinkedHashMap<>();
    Map<String, List<String>> questionRules = new LinkedHashMap<>();
    for (QueryResultsRow row : session.getQueryResults("openNeeds")) {
      Need n = (Need) row.get("$need");
      if (inPlay.contains(n.cause()) && kb.question(n.question()).isPresent()) {
        List<String> rulesAsking = questionRules.computeIfAbsent(n.question(), q -> new ArrayList<>());
        if (!rulesAsking.contains(n.rule())) {
          rulesAsking.add(n.rule());
        }
        List<String> causes = questionCauses.computeIfAbsent(n.question(), q -> new ArrayList<>());
        if (!causes.contains(n.cause())) {
          causes.add(n.cause());
        }
      }
    }
    List<String> order = new ArrayList<>(inPlay);
    List<OpenQuestion> open = new ArrayList<>();
    questionCauses.forEach((q, causes) -> {
      causes.sort(Comparator.comparingInt(order::indexOf));
      open.add(new OpenQuestion(kb.questions().get(q), List.copyOf(causes), List.copyOf(questionRules.get(q))));
    });
    // Questions that bear on more causes, then on better-ranked causes, come first.
    open.sort(Comparator.<OpenQuestion>comparingInt(q -> -q.causes().size())
        .thenComparingInt(q -> order.indexOf(q.causes().get(0)))
        .thenComparing(q -> q.question().id()));

    // A match is explained when any support of a ranked cause rests on it (the report shows one
    // evidence line per rule, so repeats of a message are explained without being shown).
    Set<Match> explained = new LinkedHashSet<>();
    for (String cause : inPlay) {
      for (Support s : supportByCause.get(cause)) {
        Match m = matchById.get(s.matchId());
        if (m != null) {
          explained.add(m);
        }
      }
    }
    List<Match> unexplained = facts.matches().stream().filter(m -> !explained.contains(m)).toList();

    List<String> context = new ArrayList<>();
    for (QueryResultsRow row : session.getQueryResults("deployments")) {
      Deployment d = (Deployment) row.get("$deployment");
      context.add(d.value() + ": " + d.basis());
    }
    context.sort(null);

    List<String> evidenceTexts = new ArrayList<>();
    ranked.forEach(r -> r.evidence().forEach(e -> {
      if (e.match() != null) {
        evidenceTexts.add(e.match().text());
      }
    }));
    Map<String, FoundCode> codes = new LinkedHashMap<>();
    Map<String, String> identifiers = new LinkedHashMap<>();
    for (String text : facts.normalised()) {
      List<ErrorCodes.Code> found = new ArrayList<>();
      codeFinder.find(text).forEach(f -> found.add(new ErrorCodes.Code(f.family(), f.code())));
      ErrorCodes.codes(text).stream().filter(c -> c.system().equals("http")).forEach(found::add);
      for (ErrorCodes.Code c : found) {
        codes.computeIfAbsent(c.code(), k -> foundCode(c, evidenceTexts));
      }
      ErrorCodes.identifiers(text).forEach(identifiers::putIfAbsent);
    }
    List<StatedFact> stated = new ArrayList<>();
    facts.known().forEach((k, v) -> stated.add(new StatedFact(k, v, source(request, k))));
    NoCause noCause = ranked.isEmpty() ? noCause(codes.values(), unexplained, request.probes()) : null;
    Diagnosis.ClientContext client = client(request, facts);
    // A question limited to some clients (clients: in its file) is not put to the others.
    open.removeIf(q -> !q.question().asks(client == null ? null : client.client()));
    Plan plan = !planned ? Plan.none()
        : new Planner(kb, client == null ? null : client.client(), (q, v) -> whatIf(request, q, v)).plan(ranked, open);
    List<RecommendedStep> steps = plan.steps().stream()
        .map(i -> new RecommendedStep(i.number(), kb.steps().get(i.id()), i.causes())).toList();
    return new Diagnosis(request.asOf(), ranked, steps, open, exclusions, unexplained, context,
        List.copyOf(stated), noCause, List.copyOf(trace), List.copyOf(codes.values()), identifiers, request.probes(),
        client, plan);
  }

  /** The client given (--client, the profile) or else the one the texts point at; null when neither. */
  private Diagnosis.ClientContext client(DiagnosisRequest request, Facts facts) {
    String given = facts.known().get("client");
    if (given != null && kb.client(given).isPresent()) {
      String source = source(request, "client");
      return new Diagnosis.ClientContext(kb.client(given).get(), source,
          switch (source) {
            case "profile" -> "the profile says so";
            case "config" -> "the configuration file says so";
            default -> "stated";
          });
    }
    dev.spdoctor.kb.ClientMatcher.Found found = clientMatcher.find(facts.normalised());
    return found == null ? null
        : new Diagnosis.ClientContext(found.client(), "text", "the text holds \"" + found.seen() + "\"");
  }

  private static NoCause noCause(java.util.Collection<FoundCode> codes, List<Match> unexplained, List<ProbeRun> probes) {
    if (codes.stream().anyMatch(c -> !c.mapped())) {
      return NoCause.CODES_UNMAPPED;
    }
    if (unexplained.isEmpty()) {
      return probes.isEmpty() ? NoCause.NOTHING_RECOGNISED : NoCause.PROBES_POINT_NOWHERE;
    }
    return NoCause.ALL_RULED_OUT;
  }

  private FoundCode foundCode(ErrorCodes.Code c, List<String> evidenceTexts) {
    String bare = c.code().replaceFirst("^(AADSTS|HTTP |x-ms-diagnostics:|X-MSDAVEXT_Error:|0x)", "")
        .toLowerCase(java.util.Locale.ROOT);
    // An HTTP status is only the envelope: any established cause accounts for it.
    boolean mapped = "http".equals(c.system()) ? !evidenceTexts.isEmpty()
        : evidenceTexts.stream().anyMatch(t -> t.toLowerCase(java.util.Locale.ROOT).contains(bare));
    ErrorCodeDef def = kb.codes().get(c.code());
    String lookup = kb.codeLookup(c.system(), bare);
    return new FoundCode(c.system(), c.code(), def == null ? null : def.name(), def == null ? null : def.meaning(),
        lookup, mapped);
  }

  private List<RankedCause> rank(Map<String, List<Support>> supportByCause, Map<String, RuledOut> ruledOut,
      Map<String, Match> matchById, Set<String> fragments) {
    record Scored(Cause cause, double confidence, int firstInput, int firstStart, List<Evidence> evidence) {}
    List<Scored> scored = new ArrayList<>();
    supportByCause.forEach((causeId, supports) -> {
      if (ruledOut.containsKey(causeId)) {
        return;
      }
      Cause cause = kb.cause(causeId).orElseThrow(() -> new IllegalStateException(
          "a rule concluded the cause '" + causeId + "', which the knowledge base does not have"));
      // One line of evidence per rule: the same message seen twice adds nothing to the reasons.
      Map<String, Evidence> byRule = new LinkedHashMap<>();
      supports.stream()
          .map(s -> fragments.contains(s.matchId())
              // A message cut off may have lost the part that tells its causes apart.
              ? new Evidence(s.rule(), s.reason() + " (The message was cut off, so this is less certain.)",
                  Math.round(s.confidence() * FRAGMENT_WEIGHT * 100) / 100.0, matchById.get(s.matchId()))
              : new Evidence(s.rule(), s.reason(), s.confidence(), matchById.get(s.matchId())))
          .sorted(Comparator.comparingDouble(Evidence::confidence).reversed()
              .thenComparing(e -> e.match() == null ? Integer.MAX_VALUE : e.match().input())
              .thenComparing(e -> e.match() == null ? Integer.MAX_VALUE : e.match().start())
              .thenComparing(Evidence::rule))
          .forEach(e -> byRule.putIfAbsent(e.rule() + "|" + e.reason(), e));
      List<Evidence> evidence = List.copyOf(byRule.values());
      double confidence = evidence.get(0).confidence();
      int firstInput = Integer.MAX_VALUE;
      int firstStart = Integer.MAX_VALUE;
      for (Evidence e : evidence) {
        if (e.match() != null && (e.match().input() < firstInput
            || e.match().input() == firstInput && e.match().start() < firstStart)) {
          firstInput = e.match().input();
          firstStart = e.match().start();
        }
      }
      scored.add(new Scored(cause, confidence, firstInput, firstStart, evidence));
    });
    scored.sort(Comparator.comparingDouble(Scored::confidence).reversed()
        .thenComparingInt(Scored::firstInput)
        .thenComparingInt(Scored::firstStart)
        .thenComparing(s -> s.cause().id()));
    List<RankedCause> ranked = new ArrayList<>();
    for (Scored s : scored) {
      ranked.add(new RankedCause(ranked.size() + 1, s.cause(), s.confidence(), s.evidence()));
    }
    return ranked;
  }

  private String title(String causeId) {
    return kb.cause(causeId).map(Cause::title).orElse(causeId);
  }
}
