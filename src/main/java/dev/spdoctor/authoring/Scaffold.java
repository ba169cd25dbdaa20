package dev.spdoctor.authoring;

import dev.spdoctor.engine.WorkingCopy;
import dev.spdoctor.io.SafeFiles;
import dev.spdoctor.kb.KbLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code kb new}: the four files of a new cause, wired together (ids, references, the rule's
 * signature) and full of TODO placeholders, which {@code kb check} and {@code kb test} both report
 * until the author has written each in.
 */
public final class Scaffold {
  private static final Pattern DOMAIN = Pattern.compile("[a-z][a-z0-9]*");
  /** Ids are file names; well below every file system's 255-byte name limit. */
  static final int MAX_ID = 80;
  private static final String MESSAGE = "TODO: the error message exactly as printed";

  private Scaffold() {}

  /**
   * Writes the files and returns their paths, relative to the working copy.
   *
   * @throws IllegalArgumentException for a bad id or domain, or when a file already exists
   */
  public static List<Path> create(WorkingCopy copy, String id, String domain) throws IOException {
    if (id == null || id.length() > MAX_ID) {
      throw new IllegalArgumentException("cause id is " + (id == null ? "missing" : id.length() + " characters long")
          + "; give a kebab-case id of at most " + MAX_ID + " characters");
    }
    if (!KbLoader.isKebab(id)) {
      throw new IllegalArgumentException("cause id '" + id + "' is not kebab-case (lower-case words joined by '-')");
    }
    if (domain == null || !DOMAIN.matcher(domain).matches()) {
      throw new IllegalArgumentException("domain '" + domain + "' must be one lower-case word (it is a rules/ folder"
          + " and a DRL package), e.g. registration");
    }
    Map<Path, String> files = new LinkedHashMap<>();
    files.put(Path.of("knowledge-base", "causes", id + ".yaml"), cause(id));
    files.put(Path.of("knowledge-base", "signatures", id + ".yaml"), signature(id));
    files.put(Path.of("rules", domain, id + ".drl"), rule(id, domain));
    files.put(Path.of("fixtures", domain, id + ".yaml"), fixture(id));
    for (Path rel : files.keySet()) {
      if (Files.exists(copy.root().resolve(rel))) {
        throw new IllegalArgumentException(rel + " already exists; pick another id, or edit that file");
      }
    }
    Map<Path, String> absolute = new LinkedHashMap<>();
    files.forEach((rel, text) -> absolute.put(copy.root().resolve(rel), text));
    SafeFiles.createAll(absolute); // all four or none

    return List.copyOf(files.keySet());
  }

  private static String cause(String id) {
    return "id: " + id + "\n"
        + "title: TODO short title of the cause, in sentence case\n"
        + "deployment: [online]\n"
        + "status: experimental\n"
        + "source:\n"
        + "  article: public-record\n"
        + "  section: TODO where this knowledge comes from\n"
        + "summary: >-\n"
        + "  TODO one sentence, in your own words: what is wrong.\n"
        + "explanation: >-\n"
        + "  TODO a paragraph in your own words: why it happens and how it shows.\n"
        + "remediation:\n"
        + "  - id: " + id + "-fix\n"
        + "    text: >-\n"
        + "      TODO what to do first, in the imperative.\n"
        + "    verify: >-\n"
        + "      TODO how to tell the step worked.\n"
        + "    risk: none   # TODO none, weakens-security, disruptive or destructive\n"
        + "    source: {url: https://TODO.invalid/the-public-page-this-step-rests-on, checked: "
        + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + "}\n";
  }

  private static String signature(String id) {
    return "id: " + id + "\n"
        + "message: >-\n"
        + "  " + MESSAGE + "\n"
        + "source:\n"
        + "  article: public-record\n"
        + "  section: TODO where the message was seen\n"
        + "deployment: [online]\n"
        + "patterns:\n"
        + "  - >-\n"
        + "    " + MESSAGE + "\n"
        + "examples:\n"
        + "  - >-\n"
        + "    " + MESSAGE + "\n";
  }

  private static String rule(String id, String domain) {
    return "// The message of signature " + id + " means cause " + id + ".\n"
        + "package rules." + domain + ";\n\n"
        + "import dev.spdoctor.facts.SignatureMatch;\n"
        + "import dev.spdoctor.facts.Support;\n\n"
        + "rule \"TODO what the message of " + id + " shows, in a few words\"\n"
        + "  @id(\"" + id + "-message\") @kb(\"" + id + "\")\n"
        + "when\n"
        + "  SignatureMatch(signature == \"" + id + "\", $mid : id)\n"
        + "then\n"
        + "  // TODO the confidence this message earns (docs/confidence.md); add rules for other evidence.\n"
        + "  insertLogical(Support.of(drools.getRule(), $mid, 0.9,\n"
        + "      \"TODO why this message means the cause, in your own words.\"));\n"
        + "end\n";
  }

  private static String fixture(String id) {
    return "cases:\n"
        + "  - name: bare-message\n"
        + "    text: |\n"
        + "      " + MESSAGE + "\n"
        + "    expect:\n"
        + "      first: " + id + "\n"
        + "      first-step: " + id + "-fix\n"
        + "  - name: near-miss\n"
        + "    text: |\n"
        + "      TODO: a similar message that must not lead to this cause\n"
        + "    expect:\n"
        + "      absent: [" + id + "]\n";
  }
}
