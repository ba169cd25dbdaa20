package dev.spdoctor.guide;

import dev.spdoctor.engine.AnswerException;
import dev.spdoctor.engine.Diagnosis.OpenQuestion;
import dev.spdoctor.input.InputException;
import dev.spdoctor.kb.Question;
import dev.spdoctor.render.InterviewText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The interview loop: asks the {@link Interview}'s next question until it is over, reading answers
 * from a prompt (a person) or from a map (a scripted run). At a prompt a person can also ask why,
 * skip, go back, see the status, or quit.
 */
public final class Conversation {
  /** How a conversation ended: interrupted (Ctrl-C) or not, and the prompt of every question asked. */
  public record Result(boolean interrupted, Map<String, String> prompts) {}

  private final Interview interview;
  private final InterviewText text;
  private final PrintWriter out;
  private final Map<String, String> prompts = new LinkedHashMap<>();

  public Conversation(Interview interview, InterviewText text) {
    this.interview = interview;
    this.text = text;
    this.out = text.out();
  }

  /**
   * Answers every question from {@code answers} (read from {@code file}); a question not in it stays unknown.
   *
   * @throws InputException when an answer in the file does not fit its question
   */
  public Result scripted(Map<String, String> answers, Path file) {
    int number = 0;
    Optional<OpenQuestion> next;
    while ((next = interview.next()).isPresent()) {
      Question question = ask(next.get(), ++number);
      String value = answers.get(question.id());
      if (value == null) {
        out.println("> (not in " + file + ": left unknown)");
        interview.skip(question.id());
        continue;
      }
      out.println("> " + value);
      try {
        interview.answer(question.id(), value);
      } catch (AnswerException e) {
        throw new InputException(file + ": " + e.getMessage());
      }
    }
    return end(false);
  }

  /**
   * Asks a person at {@code prompter} until the interview is over, they quit, input ends, or they press
   * Ctrl-C ({@code transcriptComing}: a transcript will be saved, which the interruption notice says).
   */
  public Result interactive(PrompterFactory.Prompt prompter, boolean transcriptComing) throws IOException {
    int number = 0;
    Optional<OpenQuestion> next;
    while ((next = interview.next()).isPresent()) {
      OpenQuestion q = next.get();
      Question question = ask(q, ++number);
      while (true) {
        String line;
        out.flush(); // the question must be on the screen before the prompt takes the terminal
        try {
          line = prompter.read("> ");
        } catch (PrompterFactory.Interrupted e) {
          out.println();
          out.println("Interrupted. The report so far follows" + (transcriptComing ? "; the transcript is saved." : "."));
          return new Result(true, Map.copyOf(prompts));
        }
        if (line == null) {
          out.println("(end of input: the remaining questions stay unknown)");
          return new Result(false, Map.copyOf(prompts));
        }
        String word = line.strip().toLowerCase(Locale.ROOT);
        if (word.equals("quit") || word.equals("exit")) {
          return new Result(false, Map.copyOf(prompts));
        } else if (word.equals("why")) {
          text.why(q);
        } else if (word.equals("skip") || word.equals("unknown")) {
          interview.skip(question.id());
          break;
        } else if (word.equals("back")) {
          out.println(interview.back() ? "  Undone; asking again." : "  Nothing to undo.");
          number = Math.max(0, number - 2);
          break;
        } else if (word.equals("status")) {
          text.status(interview.diagnosis());
        } else if (word.equals("help") || word.equals("?")) {
          out.println("  Type an answer, or: why, skip (or unknown), back, status, quit.");
        } else if (answered(question, line.strip())) {
          break;
        }
      }
    }
    return end(false);
  }

  /** After Ctrl-C: asks for a file to save the transcript in; null to skip. */
  public Path offerToSave(PrompterFactory.Prompt prompter) throws IOException {
    out.flush();
    String name;
    try {
      name = prompter.read("Save the transcript? File name, or Enter to skip: ");
    } catch (PrompterFactory.Interrupted e) {
      return null;
    }
    return name == null || name.isBlank() ? null : Path.of(name.strip());
  }

  private Question ask(OpenQuestion q, int number) {
    Question question = q.question();
    prompts.put(question.id(), question.prompt());
    text.question(number, question);
    return question;
  }

  private boolean answered(Question question, String value) {
    try {
      interview.answer(question.id(), value);
      return true;
    } catch (AnswerException e) {
      out.println("  " + e.getMessage() + ". Try again, or type skip.");
      return false;
    }
  }

  private Result end(boolean interrupted) {
    out.println();
    out.println(interview.established() ? "One cause is established." : "No question left would change the ranking.");
    return new Result(interrupted, Map.copyOf(prompts));
  }
}
