package dev.spdoctor.cli;

import dev.spdoctor.app.RequestException;
import dev.spdoctor.engine.AnswerException;
import dev.spdoctor.input.InputException;
import dev.spdoctor.io.FileWriteException;
import dev.spdoctor.io.OutputFailure;
import dev.spdoctor.kb.KbException;
import dev.spdoctor.text.Redactor;
import dev.spdoctor.text.Visible;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place errors become messages and exit codes: a user error prints one line (or the list
 * of knowledge-base problems) and no stack trace, unless --stacktrace is given.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    boolean trace = parsed != null && stacktraceRequested(parsed);
    int code;
    String message;
    if (ex instanceof SpdoctorException e) {
      code = e.exitCode();
      message = e.getMessage();
    } else if (ex instanceof RequestException e) {
      code = switch (e.kind()) {
        case USAGE -> ExitCodes.USAGE;
        case BAD_INPUT -> ExitCodes.BAD_INPUT;
        case INTERRUPTED -> ExitCodes.INTERRUPTED;
      };
      message = e.getMessage();
    } else if (ex instanceof AnswerException e) {
      code = ExitCodes.USAGE;
      message = "--answer: " + e.getMessage();
    } else if (ex instanceof InputException e) {
      code = ExitCodes.BAD_INPUT;
      message = e.getMessage();
    } else if (ex instanceof dev.spdoctor.io.BoundedFiles.RefusedException e) {
      code = ExitCodes.BAD_INPUT;
      message = "cannot read " + e.file() + ": " + e.getMessage();
    } else if (ex instanceof java.io.UncheckedIOException u
        && u.getCause() instanceof dev.spdoctor.io.BoundedFiles.RefusedException e) {
      code = ExitCodes.BAD_INPUT;
      message = "cannot read " + e.file() + ": " + e.getMessage();
    } else if (ex instanceof FileWriteException e) {
      code = ExitCodes.CANNOT_WRITE;
      message = e.getMessage();
    } else if (ex instanceof OutputFailure) {
      // CheckedStreams says what happened (or nothing, when the reader closed the pipe)
      return ExitCodes.OUTPUT_FAILED;
    } else if (ex instanceof KbException e) {
      code = ExitCodes.BAD_KNOWLEDGE_BASE;
      message = e.getMessage();
    } else {
      code = ExitCodes.INTERNAL;
      message = "internal error: " + ex + (trace ? "" : " (run again with --stacktrace for details, and please report it)");
    }
    // A message may quote what the user gave: never echo a secret in it.
    err.println(cmd.getColorScheme().errorText("spdoctor: " + Visible.of(Redactor.redact(message))));
    if (trace) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(cmd.getColorScheme().errorText("spdoctor: " + sentence(Visible.of(Redactor.redact(ex.getMessage())))));
    if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
      err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
    }
    err.flush();
    return ExitCodes.USAGE;
  }

  /** picocli's messages ("Unknown option: '--x'") as sentences: with a closing full stop. */
  static String sentence(String message) {
    String m = message == null ? "" : message.strip();
    return m.isEmpty() || ".!?".indexOf(m.charAt(m.length() - 1)) >= 0 ? m : m + ".";
  }

  private static boolean stacktraceRequested(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--stacktrace")) {
        return true;
      }
    }
    return false;
  }
}
