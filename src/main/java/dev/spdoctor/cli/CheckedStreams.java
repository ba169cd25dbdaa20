package dev.spdoctor.cli;

import dev.spdoctor.io.OutputFailure;
import dev.spdoctor.io.TerminalSafeWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Runs a command on the process's standard output and error, written through writers that see
 * write errors (a PrintStream hides them), and turns a failed write into exit 74: a report that
 * did not reach its reader is never a success.
 */
final class CheckedStreams {
  private CheckedStreams() {}

  static int execute(CommandLine cmd, String... args) {
    return execute(cmd, new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
        new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), args);
  }

  /**
   * Runs {@code cmd} writing to {@code stdout} and {@code stderr} through terminal-safe, checked
   * writers (the process streams in production; string writers in tests).
   */
  static int execute(CommandLine cmd, Writer stdout, Writer stderr, String... args) {
    PrintWriter out = new PrintWriter(new TerminalSafeWriter(stdout, false));
    PrintWriter err = new PrintWriter(new TerminalSafeWriter(stderr, true), true);
    cmd.setOut(out);
    cmd.setErr(err);
    int code;
    try {
      code = cmd.execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      err.println("spdoctor: internal error: " + (e instanceof OutOfMemoryError ? "out of memory" : "stack overflow")
          + " (please report it, with what was given)");
      code = ExitCodes.INTERNAL;
    }
    return checked(code, out, err);
  }

  /** {@code code}, or 74 with a message on standard error when either stream failed. */
  static int checked(int code, PrintWriter out, PrintWriter err) {
    if (code == ExitCodes.OUTPUT_FAILED) {
      return code;
    }
    if (out.checkError()) { // flushes, then reports any error seen since the start
      err.println("spdoctor: " + OutputFailure.of("standard output").getMessage());
      err.flush();
      return ExitCodes.OUTPUT_FAILED;
    }
    if (err.checkError()) {
      return ExitCodes.OUTPUT_FAILED;
    }
    return code;
  }
}
