package dev.spdoctor.cli;

/** Every exit code spdoctor uses; documented in docs/cli.md. */
public final class ExitCodes {
  /** A diagnosis ran and named at least one cause; a check passed. */
  public static final int OK = 0;
  /** A diagnosis ran and no cause was established. */
  public static final int NO_CAUSE = 1;
  /** The command line was wrong: an unknown option or value, a missing argument. */
  public static final int USAGE = 2;
  /** The input could not be used: missing or unreadable file, binary, not UTF-8, empty, too large. */
  public static final int BAD_INPUT = 3;
  /** The knowledge base or the rules have problems. */
  public static final int BAD_KNOWLEDGE_BASE = 4;
  /** A bug in spdoctor. Please report it with the output of --stacktrace. */
  public static final int INTERNAL = 70;

  private ExitCodes() {}
}
