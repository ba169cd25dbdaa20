package dev.spdoctor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.spdoctor.engine.Diagnosis;
import dev.spdoctor.engine.Diagnosis.Exclusion;
import dev.spdoctor.engine.Diagnosis.OpenQuestion;
import dev.spdoctor.engine.Diagnosis.RankedCause;
import dev.spdoctor.engine.Engine;
import dev.spdoctor.guide.Interview;
import dev.spdoctor.guide.Transcript;
import dev.spdoctor.kb.Question;
import dev.spdoctor.render.JsonRenderer;
import dev.spdoctor.render.Renderer;
import dev.spdoctor.render.TextRenderer;
import dev.spdoctor.render.Wrap;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spdoctor guide}: a guided diagnosis that asks only what the rules still need. */
@Command(name = "guide", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Guided diagnosis: starts from the error text and facts given, then asks, one at a time, the"
        + " question that best separates the causes still in play, until one cause is established or nothing"
        + " left to ask would change the ranking.",
    footer = {"", "At a prompt: an answer, or why, skip (or unknown), back, status, help, quit.",
        "Examples:",
        "  spdoctor guide --error \"AADSTS700016: Application with identifier '...' was not found in the directory '...'.\"",
        "  spdoctor guide --error-file err.txt --answers answers.yaml --transcript session.json",
        "  spdoctor guide --profile contoso.yaml --live",
        "", "Exit codes: as diagnose; 130 when interrupted with Ctrl-C."})
public final class GuideCommand implements Callable<Integer>, Cli.StdinAware {
  @Spec CommandSpec spec;
  @Mixin InputMixin input;
  @Mixin OutputMixin output;
  @Mixin ProfileMixin profileOptions;

  @Option(names = "--live",
      description = "With --profile: run the read-only network probes first, so the interview starts from what they"
          + " observed.")
  boolean live;

  @Option(names = "--answers", paramLabel = "FILE",
      description = "YAML map of question id to answer, for scripted runs: questions not in it stay unknown;"
          + " - reads standard input.")
  Path answersFile;

  @Option(names = "--transcript", paramLabel = "FILE",
      description = "Write the whole session (questions, answers, report) as JSON, secrets redacted;"
          + " spdoctor diagnose --transcript FILE replays it.")
  Path transcriptFile;

  private InputStream stdin = System.in;

  @Override
  public void stdin(InputStream in) {
    this.stdin = in;
  }

  @Override
  public Integer call() throws IOException {
    Engine engine = Engine.bundled();
    Interview interview;
    // read once: standard input cannot be read twice
    List<String> texts = profileOptions.profile != null && !input.hasTexts() ? List.of() : input.texts(stdin);
    Map<String, String> given = input.facts();
    List<dev.spdoctor.facts.ProbeRun> probes = List.of();
    Map<String, String> sources = Map.of();
    if (profileOptions.profile != null) {
      ProfileSession session = ProfileSession.open(profileOptions.profile);
      if (profileOptions.dryRun) {
        session.printPlan(spec.commandLine().getOut());
        return ExitCodes.OK;
      }
      ProfileSession.Contribution c = session.contribute(live, spec.commandLine().getErr(), texts, given);
      texts = c.texts();
      given = c.facts();
      sources = c.sources();
      probes = c.probes();
    } else {
      profileOptions.requireProfileToProbe(live);
    }
    try {
      interview = new Interview(engine, texts, given, input.day(), probes, sources);
    } catch (IllegalArgumentException e) {
      throw new SpdoctorException(ExitCodes.USAGE, "--answer: " + e.getMessage());
    }
    Map<String, String> scripted = answersFile == null ? null : readAnswers(answersFile);
    PrintWriter out = spec.commandLine().getOut();
    Map<String, String> prompts = new LinkedHashMap<>();
    boolean interrupted = false;
    Path saveTo = transcriptFile;
    try (var prompter = scripted == null
        ? dev.spdoctor.guide.PrompterFactory.create(stdin, out, System.console() != null) : null) {
      interrupted = converse(interview, scripted, prompter, out, prompts);
      if (interrupted && saveTo == null && prompter != null) {
        saveTo = offerToSave(prompter, out);
      }
    }
    Diagnosis d = interview.diagnosis();
    out.println();
    switch (output.format) {
      case json -> new JsonRenderer(false, true).render(d, out);
      case markdown -> new dev.spdoctor.render.MarkdownRenderer(false).render(d, out);
      case text -> {
        new TextRenderer(output.colour(), false).render(d, out);
        how(d, out);
      }
      default -> throw new IllegalStateException("format " + output.format);
    }
    out.flush();
    if (saveTo != null) {
      StringWriter json = new StringWriter();
      new JsonRenderer(false, false).render(d, new PrintWriter(json));
      new Transcript(input.day(), texts, given, interview.turns(), prompts, probes)
          .write(saveTo, json.toString());
      spec.commandLine().getErr().println("spdoctor: transcript written to " + saveTo);
    }
    if (interrupted) {
      return 130;
    }
    return d.hasCauses() ? ExitCodes.OK : ExitCodes.NO_CAUSE;
  }

  /** Asks until done; true when the user pressed Ctrl-C. */
  private boolean converse(Interview interview, Map<String, String> scripted, dev.spdoctor.guide.PrompterFactory.Prompt prompter,
      PrintWriter out, Map<String, String> prompts) throws IOException {
    int number = 0;
    Optional<OpenQuestion> next;
    while ((next = interview.next()).isPresent()) {
      OpenQuestion q = next.get();
      Question question = q.question();
      prompts.put(question.id(), question.prompt());
      number++;
      out.println();
      out.println("Question " + number + ": " + question.prompt());
      out.println("  " + hint(question));
      if (scripted != null) {
        String value = scripted.get(question.id());
        if (value == null) {
          out.println("> (not in " + answersFile + ": left unknown)");
          interview.skip(question.id());
        } else {
          out.println("> " + value);
          try {
            interview.answer(question.id(), value);
          } catch (IllegalArgumentException e) {
            throw new SpdoctorException(ExitCodes.BAD_INPUT, answersFile + ": " + e.getMessage());
          }
        }
        continue;
      }
      while (true) {
        String line;
        out.flush(); // the question must be on the screen before the prompt takes the terminal
        try {
          line = prompter.read("> ");
        } catch (dev.spdoctor.guide.PrompterFactory.Interrupted e) {
          out.println();
          out.println("Interrupted. The report so far follows" + (transcriptFile != null ? "; the transcript is saved." : "."));
          return true;
        }
        if (line == null) {
          out.println("(end of input: the remaining questions stay unknown)");
          return false;
        }
        String word = line.strip().toLowerCase(Locale.ROOT);
        if (word.equals("quit") || word.equals("exit")) {
          return false;
        } else if (word.equals("why")) {
          out.println("  Bears on: " + String.join(", ", q.causes()) + " (asked by rule " + String.join(", ", q.rules()) + ").");
          if (question.help() != null) {
            out.println("  " + question.help());
          }
        } else if (word.equals("skip") || word.equals("unknown")) {
          interview.skip(question.id());
          break;
        } else if (word.equals("back")) {
          out.println(interview.back() ? "  Undone; asking again." : "  Nothing to undo.");
          number = Math.max(0, number - 2);
          break;
        } else if (word.equals("status")) {
          status(interview.diagnosis(), out);
        } else if (word.equals("help") || word.equals("?")) {
          out.println("  Type an answer, or: why, skip (or unknown), back, status, quit.");
        } else {
          try {
            interview.answer(question.id(), line.strip());
            break;
          } catch (IllegalArgumentException e) {
            out.println("  " + e.getMessage() + ". Try again, or type skip.");
          }
        }
      }
    }
    out.println();
    out.println(interview.established() ? "One cause is established." : "No question left would change the ranking.");
    return false;
  }

  /** After Ctrl-C: asks for a file to save the transcript in; null to skip. */
  private static Path offerToSave(dev.spdoctor.guide.PrompterFactory.Prompt prompter, PrintWriter out) throws IOException {
    out.flush();
    String name;
    try {
      name = prompter.read("Save the transcript? File name, or Enter to skip: ");
    } catch (dev.spdoctor.guide.PrompterFactory.Interrupted e) {
      return null;
    }
    return name == null || name.isBlank() ? null : Path.of(name.strip());
  }

  private static void status(Diagnosis d, PrintWriter out) {
    if (d.causes().isEmpty()) {
      out.println("  No cause in play.");
    }
    for (RankedCause c : d.causes()) {
      out.println("  " + c.rank() + ". " + c.cause().id() + "  " + Renderer.strength(c.confidence()) + " "
          + Renderer.number(c.confidence()));
    }
  }

  /** How each cause was reached, and why each ruled-out one was not. */
  private static void how(Diagnosis d, PrintWriter out) {
    if (!d.causes().isEmpty()) {
      out.println();
      out.println("How");
      for (RankedCause c : d.causes()) {
        out.println(Wrap.block(c.cause().id() + ": " + c.evidence().stream()
            .map(e -> "rule " + e.rule() + (e.match() != null ? " on \"" + e.match().signature() + "\"" : ""))
            .reduce((a, b) -> a + "; " + b).orElse("") + (d.known().isEmpty() ? "" : "; facts " + d.known()),
            "  ", "    "));
      }
    }
    if (!d.ruledOut().isEmpty()) {
      out.println();
      out.println("Why not");
      for (Exclusion x : d.ruledOut()) {
        out.println(Wrap.block(x.cause() + ": " + x.reason() + " (rule " + x.rule() + ")", "  ", "    "));
      }
    }
  }

  private static String hint(Question q) {
    return switch (q.type()) {
      case "yesno" -> "(yes/no; or why, skip, back, status, quit)";
      case "choice" -> "(" + String.join(" / ", q.choices()) + "; or why, skip, back, status, quit)";
      default -> "(" + q.type() + "; or why, skip, back, status, quit)";
    };
  }

  private Map<String, String> readAnswers(Path file) {
    boolean piped = "-".equals(file.toString());
    if (!piped && !Files.isRegularFile(file)) {
      throw new SpdoctorException(ExitCodes.BAD_INPUT, "no such answers file: " + file);
    }
    try {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(piped ? stdin : Files.newInputStream(file));
      if (root == null || !root.isObject()) {
        throw new SpdoctorException(ExitCodes.BAD_INPUT, file + ": expected a YAML map of question id to answer,"
            + " e.g. app-registration-exists: \"no\"");
      }
      Map<String, String> answers = new LinkedHashMap<>();
      root.fields().forEachRemaining(e -> answers.put(e.getKey(), e.getValue().asText()));
      return answers;
    } catch (IOException e) {
      throw new SpdoctorException(ExitCodes.BAD_INPUT, file + ": not valid YAML: " + e.getMessage().split("\n")[0]);
    }
  }
}
