package dev.spdoctor.kb;

import dev.spdoctor.text.Similar;
import dev.spdoctor.yaml.Problem;
import dev.spdoctor.yaml.StrictYaml;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.spdoctor.kb.KbDocs.CauseDoc;
import dev.spdoctor.kb.KbDocs.MilestoneDoc;
import dev.spdoctor.kb.KbDocs.MilestonesDoc;
import dev.spdoctor.kb.KbDocs.QuestionDoc;
import dev.spdoctor.kb.KbDocs.SignatureDoc;
import dev.spdoctor.kb.KbDocs.SourceDoc;
import dev.spdoctor.kb.KbDocs.StepDoc;
import dev.spdoctor.text.TextNormalizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads {@code knowledge-base/} from YAML and checks it, collecting every problem with its
 * file, line and column and a fix, instead of stopping at the first.
 */
public final class KbLoader {
  private static final java.util.regex.Pattern KEBAB = java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Set<String> DEPLOYMENTS = Set.of("online", "onprem");
  private static final Set<String> STATUSES = Set.of("experimental", "stable", "deprecated");
  private static final Set<String> ARTICLES = Set.of("troubleshooting", "creating-connection", "public-record");
  /** A placeholder for an admin-center path or role in a step: {portal:ID}. */
  private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{portal:([^}]*)\\}");
  /** A menu path written into a step instead of taken from tables/portal.yaml: "Word > Word". */
  private static final java.util.regex.Pattern LITERAL_PATH =
      java.util.regex.Pattern.compile("[A-Za-z&)][^>{}\\n]{0,40} > [A-Z]");
  private static final java.util.regex.Pattern GUID =
      java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Set<String> QUESTION_TYPES = Set.of("yesno", "choice", "text", "guid", "url", "number", "client");

  private final Path root;
  private final List<Problem> problems = new ArrayList<>();
  private Map<String, PortalEntry> portal = new TreeMap<>();
  private final Map<String, String> codeLookups = new TreeMap<>();
  private List<ClientDef> clients = List.of();
  /** The file each step is defined in, for problems found after reading. */
  private final Map<String, Path> stepFiles = new LinkedHashMap<>();

  private KbLoader(Path root) {
    this.root = root;
  }

  /** Whether {@code id} is a kebab-case id: lower-case letters and digits joined by single '-'. */
  public static boolean isKebab(String id) {
    return id != null && KEBAB.matcher(id).matches();
  }

  /**
   * Loads and checks the knowledge base under {@code root}.
   *
   * @throws KbException listing every problem found
   */
  public static KnowledgeBase load(Path root) {
    if (root == null) {
      throw new NullPointerException("root == null");
    }
    KbLoader loader = new KbLoader(root);
    KnowledgeBase kb = loader.read();
    if (!loader.problems.isEmpty()) {
      throw new KbException(loader.problems);
    }
    return kb;
  }

  private KnowledgeBase read() {
    if (!Files.isDirectory(root)) {
      problems.add(new Problem(root.toString(), 0, 0, "not a directory",
          "point --kb at a folder that holds causes/, signatures/, questions/ and tables/"));
      return null;
    }
    portal = readPortal();
    clients = readClients();
    Map<String, Question> questions = readQuestions();
    Map<String, Step> steps = new LinkedHashMap<>();
    Map<String, Cause> causes = readCauses(steps, questions.keySet());
    checkOwnWords(steps);
    List<Signature> signatures = readSignatures();
    List<MilestoneDef> milestones = readMilestones();
    Map<String, ErrorCodeDef> codes = readCodes(causes, signatures);
    return new KnowledgeBase(causes, steps, signatures, questions, milestones, codes, readApps(), portal, codeLookups,
        clients);
  }

  // ---- causes and steps -------------------------------------------------------------------

  private Map<String, Cause> readCauses(Map<String, Step> steps, Set<String> questionIds) {
    Map<String, Cause> causes = new TreeMap<>();
    Map<String, List<StepDoc>> remediations = new LinkedHashMap<>();
    Map<String, Path> stepOwner = new LinkedHashMap<>();
    for (Path file : yamlFiles("causes")) {
      CauseDoc doc = parse(file, CauseDoc.class);
      if (doc == null || !checkId(file, doc.id())) {
        continue;
      }
      require(file, "title", doc.title());
      require(file, "summary", doc.summary());
      require(file, "explanation", doc.explanation());
      checkDeployment(file, doc.deployment());
      checkEnum(file, "status", doc.status(), STATUSES);
      checkSource(file, doc.source());
      List<StepDoc> remediation = nonNull(doc.remediation());
      if (remediation.isEmpty()) {
        problem(file, "id", doc.id(), "cause '" + doc.id() + "' has no remediation steps",
            "add a remediation: list with at least one step (id: and text:)");
      }
      for (StepDoc step : remediation) {
        readStep(file, step, steps, stepOwner);
      }
      remediations.put(doc.id(), remediation);
      for (String b : nonNull(doc.blocks())) {
        if (!Step.NEEDS.contains(b)) {
          problem(file, "blocks", b, "blocks names '" + b + "', which no step can need",
              "use one of " + String.join(", ", Step.NEEDS));
        }
      }
      causes.put(doc.id(), new Cause(doc.id(), doc.title(), nonNull(doc.deployment()), doc.status(),
          source(doc.source()), doc.summary(), doc.explanation(), List.of(), nonNull(doc.blocks())));
    }
    Map<String, Cause> resolved = new TreeMap<>();
    for (Map.Entry<String, Cause> entry : causes.entrySet()) {
      Cause cause = entry.getValue();
      Path file = root.resolve("causes").resolve(cause.id() + ".yaml");
      List<String> ids = new ArrayList<>();
      for (StepDoc step : remediations.get(cause.id())) {
        String id = step.use() != null ? step.use() : step.id();
        if (id == null) {
          continue;
        }
        if (step.use() != null && !steps.containsKey(step.use())) {
          problem(file, "use", step.use(), "step '" + step.use() + "' is used but defined nowhere",
              "define it with id: and text: in one cause's remediation, or fix the id");
        } else if (step.use() != null && steps.get(step.use()).deprecated()) {
          problem(file, "use", step.use(), "step '" + step.use() + "' is deprecated, so it cannot be recommended here",
              "remove the use: line, or reuse a step that is recommended today");
        }
        if (ids.contains(id)) {
          problem(file, "use", id, "step '" + id + "' appears twice in cause '" + cause.id() + "'",
              "list each step once");
        }
        ids.add(id);
      }
      boolean anyRecommended = ids.stream().map(steps::get).anyMatch(s -> s != null && !s.deprecated());
      if (!ids.isEmpty() && !anyRecommended) {
        problem(file, "id", cause.id(), "every remediation step of '" + cause.id() + "' is deprecated",
            "add at least one step that is recommended today");
      }
      resolved.put(cause.id(), new Cause(cause.id(), cause.title(), cause.deployment(), cause.status(),
          cause.source(), cause.summary(), cause.explanation(), List.copyOf(ids), cause.blocks()));
    }
    return resolved;
  }

  private void readStep(Path file, StepDoc step, Map<String, Step> steps, Map<String, Path> owner) {
    if (step == null) {
      problem(file, "remediation", null, "empty remediation step", "remove the empty '-' item");
      return;
    }
    if (step.use() != null) {
      if (step.id() != null || step.text() != null || step.role() != null || step.waitTime() != null
          || step.verify() != null || step.deprecated() != null || step.history() != null
          || step.risk() != null || step.source() != null || step.variants() != null || step.needs() != null) {
        problem(file, "use", step.use(), "a 'use:' step has other keys too",
            "a step either defines (id:, text:, ...) or reuses (use: alone); edit the step where it is defined");
      }
      return;
    }
    if (step.id() == null || step.id().isBlank()) {
      problem(file, "text", null, "a remediation step has no id",
          "give every step an id: (kebab-case, unique in the knowledge base), or reuse one with use:");
      return;
    }
    if (!KEBAB.matcher(step.id()).matches()) {
      problem(file, "id", step.id(), "step id '" + step.id() + "' is not kebab-case",
          "use lower-case words joined by '-', e.g. grant-admin-consent");
    }
    if (owner.containsKey(step.id())) {
      problem(file, "id", step.id(), "step id '" + step.id() + "' is already defined in " + rel(owner.get(step.id())),
          "rename this step, or reuse the other one with '- use: " + step.id() + "'");
      return;
    }
    if (step.text() == null || step.text().isBlank()) {
      problem(file, "id", step.id(), "step '" + step.id() + "' has no text", "add text: saying what to do");
    }
    boolean deprecated = Boolean.TRUE.equals(step.deprecated());
    if (deprecated && (step.history() == null || step.history().isBlank())) {
      problem(file, "id", step.id(), "deprecated step '" + step.id() + "' has no history",
          "add history: saying why it is no longer recommended");
    }
    if (step.risk() == null) {
      problem(file, "id", step.id(), "step '" + step.id() + "' has no risk:",
          "add risk: one of " + String.join(", ", Step.RISKS) + " (weakens-security: loosens a control; disruptive:"
          + " interrupts work; destructive: deletes or replaces state)");
    } else if (!Step.RISKS.contains(step.risk())) {
      problem(file, "risk", step.risk(), "risk '" + step.risk() + "' of step '" + step.id() + "' is not allowed",
          "use one of " + String.join(", ", Step.RISKS));
    }
    Reference source = null;
    if (step.source() == null) {
      problem(file, "id", step.id(), "step '" + step.id() + "' has no source:",
          "add source: with url: (the public page the step rests on) and checked: (YYYY-MM-DD), or article: and"
          + " section: when only a seed article says it");
    } else {
      source = reference(file, step.source(), "step '" + step.id() + "'");
    }
    String label = "step '" + step.id() + "'";
    String text = expand(file, "id", step.id(), label, "text", step.text());
    String verify = expand(file, "id", step.id(), label, "verify", step.verify());
    String role = role(file, step.id(), step.role());
    for (String need : nonNull(step.needs())) {
      if (!Step.NEEDS.contains(need)) {
        problem(file, "needs", need, "step '" + step.id() + "' needs '" + need + "', which is not a known need",
            "use one of " + String.join(", ", Step.NEEDS));
      }
    }
    List<Step.Variant> variants = new ArrayList<>();
    Set<String> worded = new java.util.HashSet<>();
    for (KbDocs.VariantDoc v : nonNull(step.variants())) {
      if (v == null || nonNull(v.clients()).isEmpty() || v.text() == null || v.text().isBlank()) {
        problem(file, "id", step.id(), "a variant of step '" + step.id() + "' has no clients: or no text:",
            "write clients: [ID, ...] (ids from tables/clients.yaml) and text: in those clients' words");
        continue;
      }
      for (String c : v.clients()) {
        if (clients.stream().noneMatch(d -> d.id().equals(c))) {
          problem(file, "clients", c, "a variant of step '" + step.id() + "' names the unknown client '" + c + "'",
              "use an id from knowledge-base/tables/clients.yaml"
              + Similar.didYouMean(c, clients.stream().map(ClientDef::id).toList()));
        } else if (!worded.add(c)) {
          problem(file, "clients", c, "step '" + step.id() + "' has two variants for the client '" + c + "'",
              "keep one variant per client");
        }
      }
      variants.add(new Step.Variant(v.clients(), clean(expand(file, "id", step.id(), label, "text", v.text())),
          clean(expand(file, "id", step.id(), label, "verify", v.verify()))));
    }
    owner.put(step.id(), file);
    stepFiles.put(step.id(), file);
    steps.put(step.id(), new Step(step.id(), clean(text), clean(role), clean(step.waitTime()),
        clean(verify), deprecated, clean(step.history()), step.risk(), source, variants, nonNull(step.needs())));
  }

  /**
   * Replaces {portal:ID} with the path from tables/portal.yaml in a step's or a question's text;
   * reports unknown ids and menu paths written out literally.
   *
   * @param atKey the key that locates the problem in the file ({@code id} for a step)
   * @param atValue the value on that key's line, or null for the key's first line
   * @param owner what the text belongs to, for the message ("step 'x'", "question 'y'")
   */
  private String expand(Path file, String atKey, String atValue, String owner, String key, String value) {
    if (value == null) {
      return null;
    }
    java.util.regex.Matcher literal = LITERAL_PATH.matcher(PLACEHOLDER.matcher(value).replaceAll("P"));
    if (literal.find()) {
      problem(file, atKey, atValue, owner + " writes the menu path '" + literal.group().strip()
          + "...' into its " + key + ":",
          "add the path to knowledge-base/tables/portal.yaml and write {portal:ID} instead, so a rename is one edit");
    }
    java.util.regex.Matcher m = PLACEHOLDER.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      PortalEntry entry = portal.get(m.group(1));
      if (entry == null || !"path".equals(entry.kind())) {
        problem(file, atKey, atValue, owner + " names the unknown admin-center path '" + m.group(1) + "'",
            "use an id from the paths: of knowledge-base/tables/portal.yaml"
            + Similar.didYouMean(m.group(1), portalIds("path")));
        m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(m.group()));
      } else {
        m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(entry.text()));
      }
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A step's role: an id from the roles: of tables/portal.yaml, replaced by the roles it lists. */
  private String role(Path file, String stepId, String value) {
    if (value == null) {
      return null;
    }
    PortalEntry entry = portal.get(value.strip());
    if (entry == null || !"role".equals(entry.kind())) {
      problem(file, "role", value, "step '" + stepId + "' has the role '" + abbreviate(value) + "', which is not an id",
          "use an id from the roles: of knowledge-base/tables/portal.yaml"
          + Similar.didYouMean(value.strip(), portalIds("role")));
      return value;
    }
    return entry.text();
  }

  private List<String> portalIds(String kind) {
    return portal.values().stream().filter(e -> kind.equals(e.kind())).map(PortalEntry::id).toList();
  }

  /** Checks a source: either url: (https) with checked: (a date), or article: with section:. */
  private Reference reference(Path file, KbDocs.RefDoc doc, String owner) {
    if (doc.url() != null) {
      if (!doc.url().startsWith("https://")) {
        problem(file, "url", doc.url(), "the source of " + owner + " is not an https:// URL",
            "give the public page's address, starting with https://");
      }
      if (doc.article() != null || doc.section() != null) {
        problem(file, "url", doc.url(), "the source of " + owner + " has both url: and article:",
            "keep url: and checked: for a public page, or article: and section: for a seed article");
      }
      try {
        LocalDate.parse(String.valueOf(doc.checked()));
      } catch (DateTimeParseException e) {
        problem(file, "url", doc.url(), "the source of " + owner + " has no valid checked: date",
            "add checked: YYYY-MM-DD, the day you read the page");
      }
      return new Reference(doc.url().strip(), doc.checked(), null, null);
    }
    if (doc.article() == null || !Set.of("troubleshooting", "creating-connection").contains(doc.article())) {
      problem(file, "source", null, "the source of " + owner + " has neither url: nor a seed article:",
          "add url: and checked:, or article: troubleshooting|creating-connection and section:");
      return null;
    }
    if (doc.section() == null || doc.section().isBlank()) {
      problem(file, "article", doc.article(), "the source of " + owner + " has no section:",
          "add the seed article's heading, as printed");
    }
    return new Reference(null, null, doc.article(), clean(doc.section()));
  }

  // ---- signatures ---------------------------------------------------------------------------

  private List<Signature> readSignatures() {
    List<Signature> signatures = new ArrayList<>();
    for (Path file : yamlFiles("signatures")) {
      SignatureDoc doc = parse(file, SignatureDoc.class);
      if (doc == null || !checkId(file, doc.id())) {
        continue;
      }
      require(file, "message", doc.message());
      checkSource(file, doc.source());
      checkDeployment(file, doc.deployment());
      List<String> patterns = nonNull(doc.patterns());
      if (patterns.isEmpty()) {
        problem(file, "id", doc.id(), "signature '" + doc.id() + "' has no patterns",
            "add patterns: with at least one RE2J pattern for the message");
      }
      List<Pattern> compiled = new ArrayList<>();
      for (String pattern : patterns) {
        try {
          compiled.add(Pattern.compile(pattern.startsWith("(?i)") ? pattern : "(?i)" + pattern)); // as the matcher runs it
        } catch (PatternSyntaxException e) {
          problem(file, "patterns", null, "pattern does not compile: " + e.getMessage(),
              "RE2J takes RE2 syntax: named groups are (?P<name>...), and there is no look-around or back-reference");
        }
      }
      List<String> examples = nonNull(doc.examples());
      if (examples.isEmpty()) {
        problem(file, "id", doc.id(), "signature '" + doc.id() + "' has no examples",
            "add examples: with at least one real-looking text the patterns must match");
      }
      for (String example : examples) {
        String normalised = TextNormalizer.normalize(example);
        if (compiled.size() == patterns.size()
            && compiled.stream().noneMatch(p -> p.matcher(normalised).find())) {
          problem(file, "examples", null, "no pattern matches the example \"" + abbreviate(example) + "\"",
              "fix the pattern (it runs on text with white space collapsed to single spaces), or the example");
        }
      }
      List<Signature.Localized> localized = new ArrayList<>();
      for (KbDocs.LocalizedDoc l : nonNull(doc.localized())) {
        if (l.language() == null || !l.language().matches("[a-z]{2}") || "en".equals(l.language())) {
          problem(file, "language", l.language(), "a localized message needs language: (ISO 639-1, not en)",
              "write the two-letter code, e.g. de, fr, es, nl, pt, it, ja");
          continue;
        }
        if (l.text() == null || l.text().isBlank()) {
          problem(file, "language", l.language(), "the localized message (" + l.language() + ") has no text:",
              "paste the message exactly as the service printed it in that language");
          continue;
        }
        if (l.source() == null || !l.source().matches("https://\\S+")) {
          problem(file, "language", l.language(), "the localized message (" + l.language() + ") has no source:",
              "give the https address where it was printed (a public thread, resource file or localized doc page);"
                  + " never a machine translation");
          continue;
        }
        Signature.Localized loc = new Signature.Localized(l.language(), TextNormalizer.normalize(l.text()), l.source());
        try {
          if (!Pattern.compile(loc.pattern()).matcher(loc.text()).find()) {
            problem(file, "language", l.language(), "the localized message (" + l.language() + ") does not match itself",
                "simplify the text");
          }
        } catch (PatternSyntaxException e) {
          problem(file, "language", l.language(), "the localized message (" + l.language() + ") makes no pattern: "
              + e.getMessage(), "simplify the text");
          continue;
        }
        localized.add(loc);
      }
      signatures.add(new Signature(doc.id(), clean(doc.message()), source(doc.source()),
          nonNull(doc.deployment()), List.copyOf(patterns), List.copyOf(examples), localized));
    }
    return signatures;
  }

  // ---- questions and tables ---------------------------------------------------------------

  private Map<String, Question> readQuestions() {
    Map<String, Question> questions = new TreeMap<>();
    for (Path file : yamlFiles("questions")) {
      QuestionDoc doc = parse(file, QuestionDoc.class);
      if (doc == null || !checkId(file, doc.id())) {
        continue;
      }
      require(file, "prompt", doc.prompt());
      checkEnum(file, "type", doc.type(), QUESTION_TYPES);
      List<String> choices = nonNull(doc.choices());
      if ("choice".equals(doc.type()) && choices.size() < 2) {
        problem(file, "type", doc.type(), "a choice question needs at least two choices",
            "add choices: [first, second, ...]");
      }
      if (!"choice".equals(doc.type()) && !choices.isEmpty()) {
        problem(file, "choices", null, "choices: given for a question of type " + doc.type(),
            "remove choices:, or set type: choice");
      }
      String owner = "question '" + doc.id() + "'";
      String prompt = expand(file, "prompt", null, owner, "prompt", doc.prompt());
      String help = expand(file, "help", null, owner, "help", doc.help());
      String check = expand(file, "check", null, owner, "check", doc.check());
      String effort = doc.effort() == null ? "medium" : doc.effort();
      checkEnum(file, "effort", effort, Set.copyOf(Question.EFFORTS));
      questions.put(doc.id(), new Question(doc.id(), clean(prompt), doc.type(), List.copyOf(choices), clean(help),
          clean(check), effort, nonNull(doc.clients())));
      for (String c : nonNull(doc.clients())) {
        if (clients.stream().noneMatch(d -> d.id().equals(c))) {
          problem(file, "clients", c, "question '" + doc.id() + "' names the unknown client '" + c + "'",
              "use an id from knowledge-base/tables/clients.yaml");
        }
      }
    }
    return questions;
  }

  private List<MilestoneDef> readMilestones() {
    Path file = root.resolve("tables").resolve("milestones.yaml");
    if (!Files.exists(file)) {
      return List.of();
    }
    MilestonesDoc doc = parse(file, MilestonesDoc.class);
    List<MilestoneDef> milestones = new ArrayList<>();
    if (doc == null) {
      return milestones;
    }
    for (MilestoneDoc m : nonNull(doc.milestones())) {
      if (m.id() == null || !KEBAB.matcher(m.id()).matches()) {
        problem(file, "id", m.id(), "milestone id '" + m.id() + "' is missing or not kebab-case",
            "give each milestone a kebab-case id:");
        continue;
      }
      if (m.source() == null || m.source().url() == null) {
        problem(file, "id", m.id(), "milestone '" + m.id() + "' has no source: with url:",
            "add source: with url: (the public page that states the date) and checked: (YYYY-MM-DD)");
      }
      Reference source = m.source() == null ? null : reference(file, m.source(), "milestone '" + m.id() + "'");
      try {
        milestones.add(new MilestoneDef(m.id(), LocalDate.parse(String.valueOf(m.date())), clean(m.title()), source));
      } catch (DateTimeParseException e) {
        problem(file, "date", m.date(), "milestone '" + m.id() + "' has the date '" + m.date() + "'",
            "write the date as YYYY-MM-DD");
      }
    }
    return milestones;
  }

  private Map<String, PortalEntry> readPortal() {
    Map<String, PortalEntry> entries = new TreeMap<>();
    Path file = root.resolve("tables").resolve("portal.yaml");
    if (!Files.exists(file)) {
      return entries;
    }
    KbDocs.PortalDoc doc = parse(file, KbDocs.PortalDoc.class);
    if (doc == null) {
      return entries;
    }
    for (KbDocs.PortalPathDoc p : nonNull(doc.paths())) {
      if (portalEntry(file, p.id(), p.path(), p.source(), entries)) {
        require(file, "center", p.center());
        entries.put(p.id(), new PortalEntry(p.id(), "path", p.path().strip(), clean(p.center()),
            p.source() == null ? null : reference(file, p.source(), "path '" + p.id() + "'")));
      }
    }
    for (KbDocs.PortalRoleDoc r : nonNull(doc.roles())) {
      if (portalEntry(file, r.id(), r.roles(), r.source(), entries)) {
        entries.put(r.id(), new PortalEntry(r.id(), "role", clean(r.roles()), null,
            r.source() == null ? null : reference(file, r.source(), "role '" + r.id() + "'")));
      }
    }
    return entries;
  }

  private boolean portalEntry(Path file, String id, String text, KbDocs.RefDoc source, Map<String, PortalEntry> seen) {
    if (id == null || !KEBAB.matcher(id).matches()) {
      problem(file, "id", id, "portal entry id '" + id + "' is missing or not kebab-case", "give each entry a kebab-case id:");
      return false;
    }
    if (seen.containsKey(id)) {
      problem(file, "id", id, "portal entry '" + id + "' is listed twice", "keep one entry per id");
      return false;
    }
    if (text == null || text.isBlank()) {
      problem(file, "id", id, "portal entry '" + id + "' has no path: or roles:", "say what a step shows");
      return false;
    }
    if (source == null) {
      problem(file, "id", id, "portal entry '" + id + "' has no source:",
          "add source: with url: (a public page that shows it) and checked: (YYYY-MM-DD)");
    }
    return true;
  }

  /**
   * A step's generic text and check are read by people whose program is not known: words that belong
   * to one client's user interface alone (its own-words) go into a variant for that client.
   */
  private void checkOwnWords(Map<String, Step> steps) {
    for (Step step : steps.values()) {
      if (step.deprecated()) {
        continue;
      }
      for (ClientDef client : clients) {
        for (String word : client.ownWords()) {
          java.util.regex.Pattern p = java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(word) + "\\b",
              java.util.regex.Pattern.CASE_INSENSITIVE);
          for (String[] part : new String[][] {{"text", step.text()}, {"verify", step.verify()}}) {
            if (part[1] != null && p.matcher(part[1]).find()) {
              Path file = stepFiles.get(step.id());
              problem(file, "id", step.id(), "step '" + step.id() + "' speaks of " + client.id() + " ('" + word
                  + "') in its generic " + part[0] + ":",
                  "move that wording into a variant (variants: - clients: [" + client.id() + "]) and write the "
                  + part[0] + ": for any program");
            }
          }
        }
      }
    }
  }

  /** tables/clients.yaml: ids, names, markers that compile and point their examples at their own client. */
  private List<ClientDef> readClients() {
    List<ClientDef> read = new ArrayList<>();
    Path file = root.resolve("tables").resolve("clients.yaml");
    if (!Files.exists(file)) {
      return read;
    }
    KbDocs.ClientsDoc doc = parse(file, KbDocs.ClientsDoc.class);
    Set<String> ids = new java.util.HashSet<>();
    for (KbDocs.ClientDoc c : doc == null ? List.<KbDocs.ClientDoc>of() : nonNull(doc.clients())) {
      if (c.id() == null || !KEBAB.matcher(c.id()).matches() || !ids.add(c.id())) {
        problem(file, "id", c.id(), "client id '" + c.id() + "' is missing, not kebab-case or listed twice",
            "give each client a unique kebab-case id:");
        continue;
      }
      require(file, "name", c.name());
      for (String m : nonNull(c.markers())) {
        try {
          Pattern.compile("(?i)" + m);
        } catch (PatternSyntaxException e) {
          problem(file, "markers", null, "a marker of client '" + c.id() + "' does not compile: " + e.getMessage(),
              "RE2J takes RE2 syntax: no look-around or back-reference");
        }
      }
      if (!nonNull(c.markers()).isEmpty() && nonNull(c.examples()).isEmpty()) {
        problem(file, "id", c.id(), "client '" + c.id() + "' has markers but no examples",
            "add examples: texts its markers must point at this client");
      }
      read.add(new ClientDef(c.id(), clean(c.name()), c.like(), nonNull(c.markers()), nonNull(c.examples()),
          nonNull(c.ownWords())));
    }
    for (ClientDef c : read) {
      if (c.like() != null && read.stream().noneMatch(o -> o.id().equals(c.like()) && !o.id().equals(c.id()))) {
        problem(file, "like", c.like(), "client '" + c.id() + "' is like the unknown client '" + c.like() + "'",
            "name another client's id, or remove like:");
      }
    }
    ClientMatcher matcher = new ClientMatcher(read);
    for (ClientDef c : read) {
      for (String example : c.examples()) {
        ClientMatcher.Found found = matcher.find(List.of(TextNormalizer.normalize(example)));
        if (found == null || !found.client().id().equals(c.id())) {
          problem(file, "examples", null, "the example \"" + abbreviate(example) + "\" of client '" + c.id()
              + "' points at " + (found == null ? "no client" : "'" + found.client().id() + "' (marker '"
              + found.seen() + "')"),
              "fix the markers, or list the more specific client first (the first client whose marker matches wins)");
        }
      }
    }
    return read;
  }

  private List<AppDef> readApps() {
    List<AppDef> apps = new ArrayList<>();
    Path file = root.resolve("tables").resolve("well-known-apps.yaml");
    if (!Files.exists(file)) {
      return apps;
    }
    KbDocs.AppsDoc doc = parse(file, KbDocs.AppsDoc.class);
    Set<String> ids = new java.util.HashSet<>();
    for (KbDocs.AppDoc a : doc == null ? List.<KbDocs.AppDoc>of() : nonNull(doc.apps())) {
      if (a.id() == null || !KEBAB.matcher(a.id()).matches() || !ids.add(a.id())) {
        problem(file, "id", a.id(), "app id '" + a.id() + "' is missing, not kebab-case or listed twice",
            "give each application a unique kebab-case id:");
        continue;
      }
      if (a.appId() == null || !GUID.matcher(a.appId()).matches()) {
        problem(file, "app-id", a.appId(), "app-id of '" + a.id() + "' is not a lower-case GUID",
            "write the application (client) id as 8-4-4-4-12 lower-case hex digits");
        continue;
      }
      require(file, "name", a.name());
      if (a.source() == null || a.source().url() == null) {
        problem(file, "id", a.id(), "application '" + a.id() + "' has no source: with url:",
            "add source: with url: (a public page that states the id) and checked: (YYYY-MM-DD)");
      }
      apps.add(new AppDef(a.id(), a.appId(), clean(a.name()), clean(a.note()),
          a.source() == null ? null : reference(file, a.source(), "application '" + a.id() + "'")));
    }
    return apps;
  }

  private static final java.util.Set<String> FAMILIES =
      java.util.Set.of("aadsts", "graph", "sharepoint", "hresult", "idcrl", "x-ms-diagnostics", "msdavext");

  /** Every code table, {@code tables/*-codes.yaml}: one family each (docs/knowledge-base.md). */
  private Map<String, ErrorCodeDef> readCodes(Map<String, Cause> causes, List<Signature> signatures) {
    Map<String, ErrorCodeDef> codes = new TreeMap<>();
    Path dir = root.resolve("tables");
    if (!Files.isDirectory(dir)) {
      return codes;
    }
    List<Path> files;
    try (java.util.stream.Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().endsWith("-codes.yaml")).sorted().toList();
    } catch (java.io.IOException e) {
      problem(dir, null, null, "cannot list the tables folder: " + e.getMessage(), "check its permissions");
      return codes;
    }
    java.util.Set<String> signatureIds = new java.util.HashSet<>();
    signatures.forEach(s -> signatureIds.add(s.id()));
    for (Path file : files) {
      KbDocs.CodesDoc doc = parse(file, KbDocs.CodesDoc.class);
      if (doc == null) {
        continue;
      }
      String family = doc.family() == null ? "aadsts" : doc.family();
      if (!FAMILIES.contains(family)) {
        problem(file, "family", family, "unknown code family '" + family + "'",
            "use one of " + FAMILIES.stream().sorted().toList());
        continue;
      }
      if (doc.lookup() != null) {
        if (!doc.lookup().startsWith("https://")) {
          problem(file, "lookup", doc.lookup(), "lookup: is not an https:// URL",
              "give the public page where a code of this family is looked up ({code} stands for the code)");
        } else {
          codeLookups.put(family, doc.lookup());
        }
      }
      for (KbDocs.CodeDoc c : nonNull(doc.codes())) {
        if (c.code() == null || c.code().isBlank() || c.name() == null || c.name().isBlank()) {
          problem(file, "code", c.code(), "a code entry lacks code: or name:", "give each entry code: and name:");
          continue;
        }
        if (c.meaning() == null || c.meaning().isBlank()) {
          problem(file, "code", c.code(), "code " + c.code() + " has no meaning:",
              "add one line, in our own words, on what the code means");
        }
        if (c.signature() != null && !signatureIds.contains(c.signature())) {
          problem(file, "signature", c.signature(), "code " + c.code() + " names the signature '" + c.signature()
              + "', which does not exist", "name a file of knowledge-base/signatures/ (without .yaml)");
        }
        java.util.Map<String, Double> mapped = new java.util.LinkedHashMap<>();
        if (c.causes() != null) {
          c.causes().forEach((cause, confidence) -> {
            if (!causes.containsKey(cause)) {
              problem(file, cause, null, "code " + c.code() + " maps to the cause '" + cause + "', which does not exist",
                  "name a file of knowledge-base/causes/ (without .yaml)");
            } else if (confidence == null || confidence <= 0 || confidence > 1) {
              problem(file, cause, null, "code " + c.code() + " maps to " + cause + " with confidence " + confidence,
                  "give a confidence above 0 and at most 1");
            } else {
              mapped.put(cause, confidence);
            }
          });
        }
        String key = ErrorCodeDef.key(family, c.code());
        ErrorCodeDef def = new ErrorCodeDef(key, family, c.name().strip(), clean(c.meaning()), c.signature(), mapped,
            Boolean.TRUE.equals(c.wrapper()), !Boolean.FALSE.equals(c.reference()));
        if (codes.put(key, def) != null) {
          problem(file, "code", c.code(), "code " + c.code() + " is listed twice", "keep one entry");
        }
      }
    }
    return codes;
  }

  // ---- helpers ------------------------------------------------------------------------------

  private List<Path> yamlFiles(String folder) {
    Path dir = root.resolve(folder);
    if (!Files.isDirectory(dir)) {
      problems.add(new Problem(rel(dir), 0, 0, "folder is missing",
          "create " + folder + "/ in the knowledge base (see docs/knowledge-base.md)"));
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> all = files.sorted().collect(Collectors.toList());
      List<Path> yamls = new ArrayList<>();
      for (Path f : all) {
        String name = f.getFileName().toString();
        if (name.endsWith(".yaml")) {
          yamls.add(f);
        } else if (name.endsWith(".yml")) {
          problems.add(new Problem(rel(f), 0, 0, "file ends in .yml",
              "rename it to " + name.substring(0, name.length() - 4) + ".yaml"));
        }
      }
      return yamls;
    } catch (IOException e) {
      problems.add(new Problem(rel(dir), 0, 0, "cannot list: " + e.getMessage(), "check the folder's permissions"));
      return List.of();
    }
  }

  private <T> T parse(Path file, Class<T> type) {
    try {
      StrictYaml.Read<T> read = StrictYaml.read(rel(file), new String(dev.spdoctor.io.BoundedFiles.read(file,
          dev.spdoctor.io.BoundedFiles.SMALL_DOCUMENT), StandardCharsets.UTF_8), type);
      problems.addAll(read.problems());
      return read.value();
    } catch (IOException e) {
      problems.add(new Problem(rel(file), 0, 0, "cannot read: " + e.getMessage(), "check the file exists and is readable"));
      return null;
    }
  }

  private boolean checkId(Path file, String id) {
    String expected = file.getFileName().toString().replaceFirst("\\.yaml$", "");
    if (id == null || id.isBlank()) {
      problems.add(new Problem(rel(file), 1, 1, "id: is missing", "add 'id: " + expected + "' (the file name)"));
      return false;
    }
    if (!KEBAB.matcher(id).matches()) {
      problem(file, "id", id, "id '" + id + "' is not kebab-case",
          "use lower-case letters and digits joined by '-', and rename the file to match");
      return false;
    }
    if (!id.equals(expected)) {
      problem(file, "id", id, "id '" + id + "' differs from the file name '" + expected + "'",
          "rename the file to " + id + ".yaml, or set id: " + expected);
      return false;
    }
    return true;
  }

  private void require(Path file, String key, String value) {
    if (value == null || value.isBlank()) {
      problems.add(new Problem(rel(file), 1, 1, key + ": is missing", "add " + key + ": (see docs/knowledge-base.md)"));
    }
  }

  private void checkEnum(Path file, String key, String value, Set<String> allowed) {
    if (value == null) {
      problems.add(new Problem(rel(file), 1, 1, key + ": is missing", "add " + key + ": one of " + sorted(allowed)));
    } else if (!allowed.contains(value)) {
      problem(file, key, value, key + ": '" + value + "' is not allowed", "use one of " + sorted(allowed));
    }
  }

  private void checkDeployment(Path file, List<String> deployment) {
    if (deployment == null || deployment.isEmpty()) {
      problems.add(new Problem(rel(file), 1, 1, "deployment: is missing",
          "add deployment: [online], [onprem] or [online, onprem]"));
      return;
    }
    for (String d : deployment) {
      if (!DEPLOYMENTS.contains(d)) {
        problem(file, "deployment", null, "deployment '" + d + "' is not allowed", "use online and/or onprem");
      }
    }
  }

  private void checkSource(Path file, SourceDoc source) {
    if (source == null) {
      problems.add(new Problem(rel(file), 1, 1, "source: is missing",
          "add source: with article: and section: (where the knowledge comes from)"));
      return;
    }
    checkEnum(file, "article", source.article(), ARTICLES);
    if (source.section() == null || source.section().isBlank()) {
      problem(file, "source", null, "source.section: is missing", "add the article's heading, as printed");
    }
  }

  private void problem(Path file, String key, String value, String what, String fix) {
    int[] at = locate(file, key, value);
    problems.add(new Problem(rel(file), at[0], at[1], what, fix));
  }

  /** Finds the line and column of {@code key:} (with {@code value}, when given) in the file. */
  private static int[] locate(Path file, String key, String value) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      int fallback = -1;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        int k = line.indexOf(key + ":");
        if (k < 0) {
          continue;
        }
        if (value == null || line.indexOf(value, k) >= 0) {
          return new int[] {i + 1, k + 1};
        }
        if (fallback < 0) {
          fallback = i;
        }
      }
      if (value != null) {
        for (int i = 0; i < lines.size(); i++) {
          int v = lines.get(i).indexOf(value);
          if (v >= 0) {
            return new int[] {i + 1, v + 1};
          }
        }
      }
      return fallback >= 0 ? new int[] {fallback + 1, lines.get(fallback).indexOf(key) + 1} : new int[] {1, 1};
    } catch (IOException | RuntimeException e) {
      return new int[] {0, 0};
    }
  }

  private String rel(Path file) {
    Path base = root.toAbsolutePath().getParent();
    Path abs = file.toAbsolutePath();
    return base != null && abs.startsWith(base) ? base.relativize(abs).toString() : file.toString();
  }

  private static Source source(SourceDoc doc) {
    return doc == null ? null : new Source(doc.article(), clean(doc.section()));
  }

  private static String clean(String s) {
    return s == null ? null : s.strip();
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static String sorted(Set<String> values) {
    return values.stream().sorted().collect(Collectors.joining(", "));
  }
  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static String abbreviate(String s) {
    String one = s.strip().replaceAll("\\s+", " ");
    return one.length() <= 70 ? one : one.substring(0, 67) + "...";
  }
}
