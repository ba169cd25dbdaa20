package dev.spdoctor.cli;

import dev.spdoctor.app.InputSpec;
import dev.spdoctor.input.InputException;
import dev.spdoctor.input.TextInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** What a diagnosis starts from: error texts, stated facts, the as-of day (diagnose and guide). */
public final class InputMixin {
  /** The deployments --deployment accepts. */
  enum DeploymentChoice { online, onprem }

  @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
  picocli.CommandLine.Model.CommandSpec mixee;

  @Option(names = "--error", paramLabel = "TEXT",
      description = "Error text, as printed (repeatable; each is read on its own).")
  List<String> errors = new ArrayList<>();

  @Option(names = "--error-file", paramLabel = "FILE",
      description = "File with error text; - reads standard input (repeatable). UTF-8, or UTF-16 with a BOM.")
  List<String> errorFiles = new ArrayList<>();

  @Option(names = "--deployment", paramLabel = "WHERE",
      description = "Where SharePoint runs: ${COMPLETION-CANDIDATES}. Same as --answer deployment=WHERE.")
  DeploymentChoice deployment;

  @Option(names = "--client", paramLabel = "CLIENT", completionCandidates = ClientIds.class,
      description = "The program that printed the error, so the steps are worded for it: ${COMPLETION-CANDIDATES}"
          + " (knowledge-base/tables/clients.yaml). Same as --answer client=CLIENT. Default: recognised from the"
          + " text; generic wording when it is not.")
  String client;

  /** Facts the configuration file gives (its client:), set by {@link ConfigMixin}: below answers and the profile. */
  Map<String, String> configDefaults = Map.of();

  /** The client ids --client takes, from the bundled knowledge base. */
  static final class ClientIds implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return dev.spdoctor.kb.KnowledgeBase.bundled().clients().stream().map(dev.spdoctor.kb.ClientDef::id).iterator();
    }
  }

  @Option(names = "--answer", paramLabel = "KEY=VALUE",
      description = "A fact you know, e.g. app-registration-exists=no (repeatable; the report lists the open ones).")
  List<String> answerPairs = new ArrayList<>();

  @Option(names = "--as-of", paramLabel = "DATE", converter = IsoDateConverter.class,
      description = "Judge dated facts (such as retirements) as of this day, YYYY-MM-DD (default: today).")
  LocalDate asOf;

  LocalDate day() {
    return asOf != null ? asOf : LocalDate.now();
  }

  /**
   * The input as given: the texts (each read and checked now, as standard input can be read only once),
   * the stated facts, the day, and the profile or transcript the command was given. With {@code piped}
   * and no --error, --error-file, profile or transcript, piped standard input is the text (as
   * {@code --error-file -} would read it).
   */
  InputSpec spec(InputStream stdin, boolean piped, Path profile, boolean live, Path transcript) {
    if (piped && !live && errors.isEmpty() && errorFiles.isEmpty() && profile == null && transcript == null) {
      return new InputSpec(List.of(piped(stdin)), facts(), day(), null, live, null, configDefaults);
    }
    if (profile != null && "-".equals(profile.toString()) && errorFiles.contains("-")) {
      throw new SpdoctorException(ExitCodes.USAGE, "--profile - and --error-file - both read standard input, which"
          + " can be read only once; give one of them as a file");
    }
    List<String> texts = new ArrayList<>();
    try {
      for (String e : errors) {
        texts.add(TextInput.check("--error", e));
      }
      for (String f : errorFiles) {
        texts.add(TextInput.read(f, stdin, this::warn));
      }
    } catch (InputException e) {
      throw new SpdoctorException(ExitCodes.BAD_INPUT, e.getMessage());
    }
    return new InputSpec(texts, facts(), day(), profile, live, transcript, configDefaults);
  }

  private String piped(InputStream stdin) {
    String none = "no error text given; use --error TEXT, --error-file FILE, or pipe the text in";
    if (stdin == System.in && Terminals.stdinIsTerminal()) {
      throw new SpdoctorException(ExitCodes.USAGE, none);
    }
    PushbackInputStream in = new PushbackInputStream(stdin, 1);
    try {
      int first = in.read();
      if (first < 0) {
        throw new SpdoctorException(ExitCodes.USAGE, none + " (standard input was empty)");
      }
      in.unread(first);
      return TextInput.read("-", in, this::warn);
    } catch (IOException e) {
      throw new SpdoctorException(ExitCodes.BAD_INPUT, "cannot read standard input: " + e.getMessage());
    } catch (InputException e) {
      throw new SpdoctorException(ExitCodes.BAD_INPUT, e.getMessage());
    }
  }

  private void warn(String message) {
    if (mixee != null) {
      mixee.commandLine().getErr().println("spdoctor: warning: " + message);
    }
  }

  private Map<String, String> facts() {
    return facts(AnswerPairs.parse(answerPairs), deployment, client);
  }

  /** The stated facts: --answer, and --deployment and --client (null when not given), which must agree with it. */
  static Map<String, String> facts(Map<String, String> answers, DeploymentChoice deployment, String client) {
    Map<String, String> facts = new LinkedHashMap<>(answers);
    if (deployment != null) {
      String before = facts.put("deployment", deployment.name());
      if (before != null && !before.equalsIgnoreCase(deployment.name())) {
        throw new SpdoctorException(ExitCodes.USAGE,
            "--deployment " + deployment + " contradicts --answer deployment=" + before);
      }
    }
    if (client != null) {
      String before = facts.put("client", client);
      if (before != null && !before.equalsIgnoreCase(client)) {
        throw new SpdoctorException(ExitCodes.USAGE, "--client " + client + " contradicts --answer client=" + before);
      }
    }
    return facts;
  }
}
