package dev.spdoctor.cli;

import dev.spdoctor.app.AnswersFile;
import dev.spdoctor.app.DiagnosisService;
import dev.spdoctor.engine.Diagnosis;
import dev.spdoctor.engine.DiagnosisRequest;
import dev.spdoctor.engine.Engine;
import dev.spdoctor.guide.Conversation;
import dev.spdoctor.guide.Interview;
import dev.spdoctor.guide.PrompterFactory;
import dev.spdoctor.guide.Transcript;
import dev.spdoctor.io.SafeFiles;
import dev.spdoctor.render.Format;
import dev.spdoctor.render.InterviewText;
import dev.spdoctor.render.JsonRenderer;
import dev.spdoctor.render.ProbeProgress;
import dev.spdoctor.render.Renderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
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
public final class GuideCommand extends StdinCommand {
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


  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (profileOptions.dryRun) {
      OptionConflicts.refuse(spec, "--dry-run only lists the requests the probes would send", List.of("--error",
          "--error-file", "--answer", "--deployment", "--as-of", "--answers", "--transcript"));
      profileOptions.printPlan(output.format, out, stdin);
      return ExitCodes.OK;
    }
    if (profileOptions.profile != null && "-".equals(profileOptions.profile.toString())
        && (answersFile == null || "-".equals(answersFile.toString()))) {
      throw new SpdoctorException(ExitCodes.USAGE, "guide reads its answers from standard input, so --profile - cannot"
          + " read the profile there; give the profile as a file");
    }
    if (transcriptFile != null) {
      SafeFiles.checkTarget(transcriptFile); // refused before the interview, not after it
    }
    DiagnosisService service = new DiagnosisService(Engine::bundled, stdin);
    DiagnosisRequest request = service.request(input.spec(stdin, false, profileOptions.profile, live, null),
        new ProbeProgress(QuietMixin.err(spec), ProbeProgress.stderrIsTerminal()));
    Interview interview = new Interview(service.engine(), request);
    Conversation conversation = new Conversation(interview, new InterviewText(out));
    Conversation.Result result;
    Path saveTo = transcriptFile;
    if (answersFile != null) {
      result = conversation.scripted(AnswersFile.read(answersFile, stdin,
          service.engine().knowledgeBase().questions().keySet()), answersFile);
    } else {
      try (PrompterFactory.Prompt prompter = PrompterFactory.create(stdin, out, System.console() != null)) {
        result = conversation.interactive(prompter, transcriptFile != null);
        if (result.interrupted() && saveTo == null) {
          saveTo = conversation.offerToSave(prompter);
        }
      }
    }
    Diagnosis d = interview.diagnosis();
    out.println();
    Renderer.of(output.format, output.colour(), false).render(d, out);
    if (output.format == Format.text) {
      new InterviewText(out).how(d);
    }
    out.flush();
    if (saveTo != null) {
      StringWriter json = new StringWriter();
      new JsonRenderer(false, false).render(d, new PrintWriter(json));
      new Transcript(request.asOf(), request.texts(), request.answers(), interview.turns(), result.prompts(),
          request.probes()).write(saveTo, json.toString());
      spec.commandLine().getErr().println("spdoctor: transcript written to " + saveTo);
    }
    if (result.interrupted()) {
      return 130;
    }
    return d.hasCauses() ? ExitCodes.OK : ExitCodes.NO_CAUSE;
  }
}
