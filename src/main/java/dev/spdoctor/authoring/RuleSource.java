package dev.spdoctor.authoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/** Reads the rules under {@code rules/} as source: names, ids, knowledge-base references, lines. */
public final class RuleSource {
  /** One rule as written in a DRL file. */
  public record RuleInfo(Path file, int line, String pkg, String name, String id, String kb, String text) {
    private static final Pattern SIGNATURE_REF = Pattern.compile("signature == \"([a-z0-9-]+)\"");
    private static final Pattern QUESTION_REF =
        Pattern.compile("(?:Known\\(\\s*key == |Need\\.of\\(drools\\.getRule\\(\\), )\"([a-z0-9-]+)\"");

    /** The signature ids the rule matches on, each with its line offset within the rule. */
    public Map<String, Integer> signatures() {
      return refs(SIGNATURE_REF);
    }

    /** The question ids the rule reads (Known) or asks for (Need), each with its line offset. */
    public Map<String, Integer> questions() {
      return refs(QUESTION_REF);
    }

    private Map<String, Integer> refs(Pattern p) {
      Map<String, Integer> found = new LinkedHashMap<>();
      Matcher m = p.matcher(text);
      while (m.find()) {
        found.putIfAbsent(m.group(1), (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count());
      }
      return found;
    }
  }

  /** A DRL file that does not parse. */
  public record ParseProblem(Path file, int line, String message) {
    @Override
    public String toString() {
      return file + ":" + line + ": " + message;
    }
  }

  /** The rules of every {@code .drl} file under {@code root}, and the problems found parsing them. */
  public record Parsed(List<RuleInfo> rules, List<ParseProblem> problems) {}

  private RuleSource() {}

  public static Parsed read(Path root) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".drl")).sorted().collect(Collectors.toList());
    }
    List<RuleInfo> rules = new ArrayList<>();
    List<ParseProblem> problems = new ArrayList<>();
    for (Path file : files) {
      String text = new String(dev.spdoctor.io.BoundedFiles.read(file, dev.spdoctor.io.BoundedFiles.SMALL_DOCUMENT),
          StandardCharsets.UTF_8);
      DrlParser parser = new DrlParser();
      PackageDescr pkg;
      try {
        pkg = parser.parse(false, text);
      } catch (DroolsParserException e) {
        problems.add(new ParseProblem(file, e.getLineNumber(), e.getMessage()));
        continue;
      }
      if (parser.hasErrors() || pkg == null) {
        parser.getErrors().forEach(err -> problems.add(
            new ParseProblem(file, err.getLines().length > 0 ? err.getLines()[0] : 0, err.getMessage())));
        continue;
      }
      String[] lines = text.split("\n", -1);
      for (RuleDescr r : pkg.getRules()) {
        if (r.isQuery()) {
          continue;
        }
        rules.add(new RuleInfo(file, r.getLine(), pkg.getName(), r.getName(), annotation(r, "id"),
            annotation(r, "kb"), body(lines, r)));
      }
    }
    return new Parsed(rules, problems);
  }

  private static String annotation(RuleDescr r, String name) {
    AnnotationDescr a = r.getAnnotation(name);
    if (a == null) {
      return null;
    }
    Object v = a.getSingleValueStripped();
    return v == null ? null : v.toString();
  }

  private static String body(String[] lines, RuleDescr r) {
    int from = Math.max(r.getLine() - 1, 0);
    int to = Math.min(Math.max(r.getEndLine(), r.getLine()), lines.length);
    StringBuilder b = new StringBuilder();
    for (int i = from; i < to; i++) {
      b.append(lines[i]).append('\n');
    }
    return b.toString();
  }
}
