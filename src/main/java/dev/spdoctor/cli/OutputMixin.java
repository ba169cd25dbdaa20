package dev.spdoctor.cli;

import dev.spdoctor.render.Format;
import picocli.CommandLine.Option;

/** How to print a report: {@code --format} and {@code --color}. */
public final class OutputMixin {
  /** When to use colour. */
  public enum Color { auto, always, never }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "Colour in text reports: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; "
          + "auto means only on a terminal, and never when NO_COLOR is set).")
  Color color;

  /** Whether text output gets ANSI colour. */
  boolean colour() {
    return switch (color) {
      case always -> true;
      case never -> false;
      case auto -> System.console() != null
          && (System.getenv("NO_COLOR") == null || System.getenv("NO_COLOR").isEmpty())
          && !"dumb".equals(System.getenv("TERM"));
    };
  }
}
