package dev.spdoctor.authoring;

import dev.spdoctor.io.BoundedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Warnings for rules that reach beyond the fact records: a working copy's rules are Java code
 * that runs with the user's rights (docs/authoring.md), so {@code kb check} points out every
 * import outside {@code dev.spdoctor.facts} and the standard library's pure types, and every use of
 * what can touch files, the network, processes, threads, reflection or the JVM itself. The rules
 * shipped with spdoctor use none of it; a warning in someone else's working copy means: read that
 * rule before you run it.
 */
public final class RuleReach {
  /** Packages and types a rule may import without a warning. */
  private static final Pattern PURE_IMPORT = Pattern.compile(
      "import\\s+(?:static\\s+)?(?:dev\\.spdoctor\\.facts\\.[\\w.*]+|java\\.lang\\.(?:String|Math|Integer|Long|Double|Boolean"
          + "|Character|StringBuilder)|java\\.time\\.[A-Z][\\w.]*|java\\.util\\.(?:List|Map|Set|Collection|Collections"
          + "|Arrays|Objects|Optional|Locale|ArrayList|HashMap|HashSet|LinkedHashMap|LinkedHashSet|TreeMap|TreeSet)"
          + "|java\\.math\\.[A-Z]\\w*)\\s*;");
  private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+([\\w.*]+)");
  private static final Pattern REACH = Pattern.compile(
      "\\b(java\\.(?:io|nio|net|lang\\.reflect|lang\\.invoke|lang\\.management|rmi|sql|util\\.concurrent)\\b"
          + "|javax?\\.(?:script|naming|management)\\b|System\\s*\\.\\s*(?:exit|getenv|getProperty|setProperty|load|"
          + "loadLibrary|console|in|out|err)\\b|Runtime\\s*\\.|ProcessBuilder|Process\\b|Thread\\b|ClassLoader|Class\\s*\\."
          + "\\s*forName|\\.getClass\\s*\\(|\\bexec\\s*\\(|Files\\s*\\.|Paths?\\s*\\.|Socket|new\\s+URL\\b|HttpClient"
          + "|while\\s*\\(\\s*true\\s*\\)|for\\s*\\(\\s*;\\s*;\\s*\\))");

  private RuleReach() {}

  /** {@code file:line: warning} for each line of each rule file under {@code rulesDir} that reaches out. */
  public static List<String> warnings(Path root, Path rulesDir) throws IOException {
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(rulesDir)) {
      return out;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(rulesDir)) {
      files = walk.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
    }
    for (Path f : files) {
      String rel = root.relativize(f).toString();
      String text = new String(BoundedFiles.read(f, BoundedFiles.SMALL_DOCUMENT), StandardCharsets.UTF_8);
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        // string literals and comments hold words, not calls
        String line = lines[i].replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"").replaceAll("//.*$", "");
        Matcher imp = IMPORT.matcher(line);
        if (imp.find() && !PURE_IMPORT.matcher(line.strip()).matches()) {
          out.add(rel + ":" + (i + 1) + ": imports " + imp.group(1) + ", which is neither a fact record nor a pure"
              + " standard type; rules run with your rights: read it before running this working copy");
          continue;
        }
        Matcher m = REACH.matcher(line);
        if (m.find()) {
          out.add(rel + ":" + (i + 1) + ": uses " + m.group(1).replaceAll("\\s+", "") + ", which reaches beyond the"
              + " facts (files, network, processes, the JVM or an endless loop); rules run with your rights: read it"
              + " before running this working copy");
        }
      }
    }
    return out;
  }
}
