package dev.spdoctor.cli;

import dev.spdoctor.io.OutputFailure;
import dev.spdoctor.io.TerminalSafeWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Runs a command on the process's standard output and error, written through writers that see
 * write errors (a PrintStream hides them), and turns a failed write into exit 74: a report that
 * did not reach its reader is never a success. A pipe closed by its reader ({@code | head -1}) is
 * the reader's choice, not a failure to report: exit 141 and no message.
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
    Watched watched = new Watched(stdout);
    PrintWriter out = new PrintWriter(new TerminalSafeWriter(watched, false));
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
    return checked(code, out, err, watched);
  }

  /**
   * {@code code}; or, when standard output failed, 141 and nothing more if its reader closed the
   * pipe, else 74 with a message on standard error; or 74 when standard error failed.
   */
  private static int checked(int code, PrintWriter out, PrintWriter err, Watched stdout) {
    // out.checkError() flushes, then reports any error seen since the start
    if (code == ExitCodes.OUTPUT_FAILED || out.checkError()) {
      if (stdout.closedPipe()) {
        return ExitCodes.CLOSED_PIPE;
      }
      err.println("spdoctor: " + OutputFailure.of("standard output").getMessage());
      err.flush();
      return ExitCodes.OUTPUT_FAILED;
    }
    if (err.checkError()) {
      return ExitCodes.OUTPUT_FAILED;
    }
    return code;
  }

  /** Passes writes through and remembers whether one failed because the reader closed the pipe. */
  static final class Watched extends FilterWriter {
    private boolean closedPipe;

    Watched(Writer out) {
      super(out);
    }

    boolean closedPipe() {
      return closedPipe;
    }

    @Override
    public void write(int c) throws IOException {
      try {
        out.write(c);
      } catch (IOException e) {
        throw seen(e);
      }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      try {
        out.write(buf, off, len);
      } catch (IOException e) {
        throw seen(e);
      }
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
      try {
        out.write(s, off, len);
      } catch (IOException e) {
        throw seen(e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw seen(e);
      }
    }

    private IOException seen(IOException e) {
      String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
      // EPIPE as the JVM reports it (it ignores SIGPIPE); Windows says "The pipe is being closed"
      // or "The pipe has been ended"
      if (m.contains("broken pipe") || m.contains("pipe is being closed") || m.contains("pipe has been ended")) {
        closedPipe = true;
      }
      return e;
    }
  }
}
