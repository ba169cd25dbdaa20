package dev.spdoctor.cli;

import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * What the process's standard streams are attached to, and how wide the terminal is. The
 * launchers say so cheaply ({@code -Dspdoctor.stdin.tty}, {@code -Dspdoctor.columns}); run any
 * other way, JLine's native provider is asked, and only when the answer matters.
 */
public final class Terminals {
  /** The width used when output is not a terminal, or its width cannot be told. */
  public static final int DEFAULT_COLUMNS = 80;
  /** Reports are not wrapped wider than this, however wide the terminal. */
  public static final int MAX_COLUMNS = 160;
  /** Nor narrower than this. */
  public static final int MIN_COLUMNS = 40;

  private Terminals() {}

  /** Whether standard input is a terminal (so a person would have to type the error text). */
  public static boolean stdinIsTerminal() {
    String said = System.getProperty("spdoctor.stdin.tty");
    if (said != null) {
      return Boolean.parseBoolean(said);
    }
    if (System.console() != null) {
      return true;
    }
    Boolean native0 = ask(SystemStream.Input);
    return native0 != null && native0;
  }

  /** Whether standard output is a terminal. */
  public static boolean stdoutIsTerminal() {
    String said = System.getProperty("spdoctor.stdout.tty");
    if (said != null) {
      return Boolean.parseBoolean(said);
    }
    return System.console() != null;
  }

  /**
   * The width to wrap text written to standard output at: the terminal's width (between
   * {@link #MIN_COLUMNS} and {@link #MAX_COLUMNS}) when standard output is one, else
   * {@link #DEFAULT_COLUMNS}. {@code COLUMNS} in the environment wins when set.
   */
  public static int columns() {
    int cols = parse(System.getProperty("spdoctor.columns"));
    if (cols <= 0) {
      cols = parse(System.getenv("COLUMNS"));
    }
    if (cols <= 0 && stdoutIsTerminal()) {
      try {
        TerminalProvider p = provider();
        cols = p == null ? 0 : p.systemStreamWidth(SystemStream.Output);
      } catch (RuntimeException | LinkageError e) {
        cols = 0;
      }
    }
    if (cols <= 0) {
      return DEFAULT_COLUMNS;
    }
    return Math.max(MIN_COLUMNS, Math.min(MAX_COLUMNS, cols));
  }

  /** The width for reports and help: {@link #columns()} on a terminal, else {@link #DEFAULT_COLUMNS}. */
  public static int reportColumns() {
    return stdoutIsTerminal() ? columns() : DEFAULT_COLUMNS;
  }

  private static int parse(String s) {
    if (s == null || s.isBlank()) {
      return 0;
    }
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Boolean ask(SystemStream stream) {
    try {
      TerminalProvider p = provider();
      return p == null ? null : p.isSystemStream(stream);
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }

  private static TerminalProvider provider() {
    for (String name : new String[] {"jni", "exec"}) {
      try {
        return TerminalProvider.load(name);
      } catch (java.io.IOException | RuntimeException | LinkageError e) {
        // try the next one
      }
    }
    return null;
  }
}
