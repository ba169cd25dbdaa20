package dev.spdoctor.cli;

import java.util.List;
import java.util.Map;

/**
 * Every exit code spdoctor and its launchers use. {@link #ALL} is the one table: the help footers
 * and the table in docs/cli.md are generated from it (a test keeps the document in step).
 */
public final class ExitCodes {
  // The codes; what each means is written once, in ALL below.
  public static final int OK = 0, NO_CAUSE = 1, USAGE = 2, BAD_INPUT = 3, BAD_KNOWLEDGE_BASE = 4, PROBE_PROBLEM = 5,
      NOTHING_COLLECTED = 6, UNAVAILABLE = 69, INTERNAL = 70, CANNOT_WRITE = 73, OUTPUT_FAILED = 74, INTERRUPTED = 130,
      CLOSED_PIPE = 141;

  /**
   * One exit code.
   *
   * @param value the number
   * @param name the constant's name in this class
   * @param meaning what it means, for the table in docs/cli.md (Markdown)
   * @param brief short phrases for the help footers, by command ({@code *} for any other)
   */
  public record Code(int value, String name, String meaning, Map<String, String> brief) {}

  /** Every code, in order. */
  public static final List<Code> ALL = List.of(
      new Code(OK, "OK", "Success. `diagnose`, `guide`, `scan`: a diagnosis ran and named at least one cause; `--batch`: every"
          + " line was diagnosed; `probe`: no probe found a problem and at least one was healthy; `kb` tools: the check or"
          + " test passed; `--help`, `--version`, `help`, a `--dry-run`.",
          Map.of("*", "cause(s) found", "probe", "no probe found a problem")),
      new Code(NO_CAUSE, "NO_CAUSE", "`diagnose`, `guide`, `scan`: a diagnosis ran and no cause was established (no known"
          + " message was recognised, or the facts given ruled out every cause for those that were)."
          + " `kb test`: a case failed; `kb coverage`: gaps found; `kb docs --check`: the docs are stale.",
          Map.of("*", "no cause established")),
      new Code(USAGE, "USAGE", "The command line was wrong: an unknown option, command or value, no error text,"
          + " options that cannot go together (an option the mode would ignore is refused, never dropped: `--batch`"
          + " with `--transcript`, `--unrecognised-out` or `--why-not`; `--transcript` with `--answer` or `--as-of`),"
          + " an unknown `--answer` key or a value it does not accept, the same `--answer` key twice with different"
          + " values, a date that is not YYYY-MM-DD or is outside 2000-01-01 to 2100-12-31, `kb new` with an id"
          + " longer than 80 characters, `kb test --filter` that selects no case, or no command at all.",
          Map.of("*", "usage error")),
      new Code(BAD_INPUT, "BAD_INPUT", "The input could not be used: a missing, unreadable, folder, device or"
          + " oversized file ([limits](#input)), binary data, text that is mostly not UTF-8 (or UTF-16 with a BOM),"
          + " empty; a profile or configuration file with problems (each listed as `file:line:column: problem —"
          + " fix`, a time limit longer than a day included); a `guide --answers` file with an unknown key (the"
          + " nearest known one is named), an alias, anchor or tag, a nested or empty value or a key twice; a"
          + " transcript that fails the checks of the inputs it stands for; in batch mode, at least one line got"
          + " an error object, or the batch input is missing, a folder or a device; for `scan`, a log with a NUL byte in"
          + " its first 8 KiB or a damaged gzip file; `kb corpus`: a corpus/ file cannot be read.",
          Map.of("*", "unusable input", "probe", "unusable profile")),
      new Code(BAD_KNOWLEDGE_BASE, "BAD_KNOWLEDGE_BASE", "The knowledge base or the rules have problems, each"
          + " listed as `file:line:column: problem — fix`. The bundled knowledge base was checked by the build;"
          + " expect this only with `--kb DIR` and the `kb` tools.",
          Map.of("*", "knowledge-base problems")),
      new Code(PROBE_PROBLEM, "PROBE_PROBLEM", "`probe`: at least one probe found a problem (its line says"
          + " `problem`); `spdoctor diagnose --profile FILE --live` says what to do.",
          Map.of("probe", "a probe found a problem")),
      new Code(NOTHING_COLLECTED, "NOTHING_COLLECTED", "`probe`: no probe could collect anything (every line"
          + " says `not collected`), so nothing is known about the connection.",
          Map.of("probe", "nothing could be collected")),
      new Code(UNAVAILABLE, "UNAVAILABLE", "The launchers: no Java 17 or later (or, when `./spdoctor` must"
          + " build the jar, no Maven).",
          Map.of()),
      new Code(INTERNAL, "INTERNAL", "A bug in spdoctor, or the repository launcher's build failed (its log"
          + " is shown). Run again with `--stacktrace` and report it with the output.",
          Map.of("*", "internal error")),
      new Code(CANNOT_WRITE, "CANNOT_WRITE", "A file spdoctor was asked to write (`--transcript`,"
          + " `--unrecognised-out`, `kb docs`, `kb new`) was refused, because the path is a symbolic link, a folder or"
          + " a device, or could not be written (no space, no permission, a file where a folder should be); nothing"
          + " was left half-written ([Files spdoctor writes](#files-spdoctor-writes)).",
          Map.of("*", "a file could not be written")),
      new Code(OUTPUT_FAILED, "OUTPUT_FAILED", "Standard output or standard error could not be written (a full"
          + " disk, a device that refuses writes, a closed standard error): the report is incomplete, and standard"
          + " error says so. A batch stops at the first result it could not write.",
          Map.of("*", "output failed")),
      new Code(INTERRUPTED, "INTERRUPTED", "Interrupted with Ctrl-C (`guide` prints the report so far first).",
          Map.of("*", "interrupted")),
      new Code(CLOSED_PIPE, "CLOSED_PIPE", "Standard output is a pipe whose reader stopped reading, as in"
          + " `diagnose --batch big.jsonl \\| head -1`: spdoctor stops at once and prints nothing more (the reader"
          + " chose to stop, so there is nothing to report). 141 is 128 + 13, the broken-pipe signal: what a shell"
          + " reports for `yes \\| head -1`, so `set -o pipefail` scripts can treat both alike.",
          Map.of("*", "output pipe closed")));

  private ExitCodes() {}

  /** The help footer line for {@code command} (its codes, with their short meanings). */
  public static String footer(String command) {
    StringBuilder b = new StringBuilder("Exit codes:");
    String sep = " ";
    for (Code c : ALL) {
      String phrase = c.brief().getOrDefault(command, c.brief().get("*"));
      if (phrase != null) {
        b.append(sep).append(c.value()).append(' ').append(phrase);
        sep = ", ";
      }
    }
    return b.append(" (see docs/cli.md).").toString();
  }

  /** The Markdown table of every code, as docs/cli.md holds it. */
  public static String markdownTable() {
    StringBuilder b = new StringBuilder("| Code | Name | Meaning |\n|---|---|---|\n");
    for (Code c : ALL) {
      b.append("| ").append(c.value()).append(" | `").append(c.name()).append("` | ").append(c.meaning())
          .append(" |\n");
    }
    return b.toString();
  }
}
