package dev.spdoctor.engine;

import dev.spdoctor.kb.KbException;
import dev.spdoctor.kb.KbLoader;
import dev.spdoctor.yaml.Problem;
import dev.spdoctor.kb.KnowledgeBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.builder.Message;
import org.kie.api.builder.Results;
import org.kie.internal.conf.ConstraintJittingThresholdOption;
import org.kie.internal.utils.KieHelper;

/**
 * An author's working copy: {@code knowledge-base/} and {@code rules/} under one folder, compiled at
 * run time so an edit shows without rebuilding the jar. Slower to start than the bundled engine.
 */
public final class WorkingCopy {
  private final Path root;

  public WorkingCopy(Path root) {
    if (root == null) {
      throw new NullPointerException("root == null");
    }
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public Path knowledgeBaseDir() {
    return root.resolve("knowledge-base");
  }

  public Path rulesDir() {
    return root.resolve("rules");
  }

  public Path fixturesDir() {
    return root.resolve("fixtures");
  }

  /** Whether {@code dir} looks like a working copy (it holds knowledge-base/ and rules/). */
  public static boolean looksLikeOne(Path dir) {
    return Files.isDirectory(dir.resolve("knowledge-base")) && Files.isDirectory(dir.resolve("rules"));
  }

  /**
   * Loads the knowledge base and compiles the rules.
   *
   * @throws KbException listing every problem in either, with file and line
   */
  public Engine engine() {
    return engine(Map.of());
  }

  /**
   * Loads the knowledge base and compiles the rules, each file in {@code extra} with the DRL there
   * appended (the authoring tools add queries this way).
   *
   * @throws KbException listing every problem in either, with file and line
   */
  public Engine engine(Map<Path, String> extra) {
    List<Problem> problems = new ArrayList<>();
    KnowledgeBase kb = null;
    try {
      kb = KbLoader.load(knowledgeBaseDir());
    } catch (KbException e) {
      problems.addAll(e.problems());
    }
    KieBase rules = null;
    try {
      rules = compileRules(extra);
    } catch (KbException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      throw new KbException(problems);
    }
    return new Engine(rules, kb);
  }

  /** Compiles every .drl under rules/ (DRL mode, no code generation). */
  public KieBase compileRules() {
    return compileRules(Map.of());
  }

  /**
   * Compiled rules, by a hash of every rule file's name and content: a process that compiles the same
   * rules twice (the kb tools in one test run, an interview) compiles them once. Kept small: a
   * working copy is edited, and an old compilation is of no use.
   */
  private static final Map<String, KieBase> COMPILED = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, KieBase> eldest) {
          return size() > 4;
        }
      });

  /** Compiles every .drl under rules/, each file in {@code extra} with the DRL there appended. */
  public KieBase compileRules(Map<Path, String> extra) {
    Map<String, String> sources = sources(extra);
    String key = hash(sources);
    KieBase cached = COMPILED.get(key);
    if (cached != null) {
      return cached;
    }
    KieBase compiled = compile(sources);
    COMPILED.put(key, compiled);
    return compiled;
  }

  /** Every rule file's name (relative to the root) and content, in name order. */
  private Map<String, String> sources(Map<Path, String> extra) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(rulesDir())) {
      files = walk.filter(p -> p.toString().endsWith(".drl")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new KbException(List.of(new Problem(rulesDir().toString(), 0, 0, "cannot read the rules folder: "
          + e.getMessage(), "point --kb at a folder that holds rules/ and knowledge-base/")));
    }
    Map<String, String> sources = new java.util.LinkedHashMap<>();
    for (Path f : files) {
      try {
        sources.put(rel(f), new String(dev.spdoctor.io.BoundedFiles.read(f, dev.spdoctor.io.BoundedFiles.SMALL_DOCUMENT),
            StandardCharsets.UTF_8) + extra.getOrDefault(f, ""));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sources;
  }

  private static String hash(Map<String, String> sources) {
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      sources.forEach((name, text) -> {
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      });
      return java.util.HexFormat.of().formatHex(sha.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }

  /**
   * Problems found compiling each folder of rules/ on its own, by a hash of the folder's files: after
   * an edit only that folder is compiled again.
   */
  private static final Map<String, List<Problem>> CHECKED = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Problem>> eldest) {
          return size() > 64;
        }
      });

  /**
   * Compiles every folder of rules/ (one DRL package each; packages share nothing but the fact
   * classes) on its own and lists every problem, with file and line. Each folder's result is kept
   * by content, so checking again after an edit compiles only the folder edited.
   */
  public List<Problem> checkRules() {
    Map<String, Map<String, String>> byFolder = new java.util.TreeMap<>();
    sources(Map.of()).forEach((name, text) -> byFolder
        .computeIfAbsent(name.substring(0, Math.max(name.lastIndexOf('/'), 0)), k -> new java.util.LinkedHashMap<>())
        .put(name, text));
    List<Problem> problems = new ArrayList<>();
    for (Map<String, String> folder : byFolder.values()) {
      String key = hash(folder);
      List<Problem> found = CHECKED.get(key);
      if (found == null) {
        found = List.copyOf(problems(helper(folder).verify(), folder));
        CHECKED.put(key, found);
      }
      problems.addAll(found);
    }
    return problems;
  }

  private static KieHelper helper(Map<String, String> sources) {
    KieHelper helper = new KieHelper();
    sources.forEach((name, text) -> helper.addContent(text, name));
    return helper;
  }

  private static KieBase compile(Map<String, String> sources) {
    KieHelper helper = helper(sources);
    List<Problem> problems = problems(helper.verify(), sources);
    if (!problems.isEmpty()) {
      throw new KbException(problems);
    }
    // No just-in-time compilation of constraints: a compiled working copy is reused (see COMPILED),
    // and Drools' jitted evaluator for custom operators such as str[endsWith] fails at run time
    // (NoSuchMethodError in EvaluatorHelper.initOperators) once a constraint has run often enough.
    return helper.build(ConstraintJittingThresholdOption.get(-1));
  }

  private static List<Problem> problems(Results results, Map<String, String> sources) {
    List<Problem> problems = new ArrayList<>();
    List<Message> errors = results.getMessages(Message.Level.ERROR);
    boolean located = errors.stream().anyMatch(m -> m.getLine() > 0);
    java.util.Set<String> reported = new java.util.HashSet<>();
    for (Message m : errors) {
      if (located && m.getLine() <= 0) {
        continue; // follow-on noise such as "Parser returned a null Package"
      }
      if (!reported.add(String.valueOf(m.getPath()))) {
        continue; // the parser's later errors in a file follow from its first: fix that one first
      }
      String path = m.getPath() == null ? "rules" : m.getPath();
      problems.add(new Problem(path, Math.max(m.getLine(), 0), Math.max(m.getColumn(), 0),
          firstLine(m.getText()) + FactFields.hint(m.getText(), line(sources.get(m.getPath()), m.getLine())),
          "fix the DRL there (see docs/authoring.md for the rule conventions)"));
    }
    return problems;
  }

  private String rel(Path f) {
    Path base = root.toAbsolutePath();
    Path abs = f.toAbsolutePath();
    String name = abs.startsWith(base) ? base.relativize(abs).toString() : f.toString();
    return name.endsWith(".drl") ? name : name + ".drl";
  }

  private static String line(String text, int line) {
    if (text == null || line <= 0) {
      return "";
    }
    String[] lines = text.split("\n", -1);
    return line <= lines.length ? lines[line - 1] : "";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "error";
    }
    String one = s.strip();
    int nl = one.indexOf('\n');
    return nl < 0 ? one : one.substring(0, nl);
  }
}
