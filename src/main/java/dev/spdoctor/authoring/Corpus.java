package dev.spdoctor.authoring;

import dev.spdoctor.engine.Diagnosis;
import dev.spdoctor.engine.Diagnosis.RankedCause;
import dev.spdoctor.engine.DiagnosisRequest;
import dev.spdoctor.engine.Engine;
import dev.spdoctor.yaml.Problem;
import dev.spdoctor.yaml.StrictYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public-record corpus measurement ({@code fixtures/public-record/README.md}): every paste of
 * one folder diagnosed as of its posted date, against the label its thread established.
 *
 * <p>Figures: among cases labelled with a cause of the knowledge base, the share with that cause
 * ranked first and in the top three; among {@code none} and {@code outside:} cases, the share with
 * no cause concluded at {@value #CONFIDENT} or more.
 */
public final class Corpus {
  /** A cause concluded at this confidence or more counts as a confident answer. */
  public static final double CONFIDENT = 0.7;

  /** One thread file. */
  public record ThreadFile(String source, String title, LocalDate posted, List<Paste> cases) {}

  /** One paste of a thread. */
  public record Paste(String name, String client, String language, String text, String label, String basis,
      LocalDate posted) {}

  /** How one paste fared. */
  public record Outcome(String file, String name, String client, String language, String label, List<String> got,
      List<Double> confidences, Kind kind, boolean right) {
    /** What was got, as {@code [cause (0.90), ...]}. */
    public String describe() {
      if (got.isEmpty()) {
        return "no cause";
      }
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < got.size() && i < 4; i++) {
        parts.add(got.get(i) + String.format(Locale.ROOT, " (%.2f)", confidences.get(i)));
      }
      return parts.stream().collect(Collectors.joining(", ", "[", got.size() > 4 ? ", ...]" : "]"));
    }
  }

  /** What a label asks of the diagnosis. */
  public enum Kind {
    /** A cause of the knowledge base: it should be ranked first. */
    CAUSE,
    /** No cause established, or one the knowledge base lacks: nothing at 0.7 or more. */
    NONE,
    /** A label naming no cause of the knowledge base and not {@code none} / {@code outside:}. */
    INVALID
  }

  /** The figures of one folder. */
  public record Figures(int files, int unreadable, int cases, int causeCases, int first, int top3, int noneCases,
      int noneQuiet, int invalid, List<Outcome> outcomes) {
    public double firstShare() {
      return share(first, causeCases);
    }

    public double top3Share() {
      return share(top3, causeCases);
    }

    public double noneQuietShare() {
      return share(noneQuiet, noneCases);
    }

    private static double share(int n, int of) {
      return of == 0 ? 0 : (double) n / of;
    }
  }

  private Corpus() {}

  /**
   * Measures every {@code *.yaml} file of {@code folder}. A file that cannot be read is counted as
   * unreadable (its name goes to {@code problems} only when {@code problems} is not null, so that
   * nothing of a held-out file is ever shown).
   */
  public static Figures measure(Engine engine, Path folder, List<String> problems) throws IOException {
    List<Path> files;
    if (!Files.isDirectory(folder)) {
      files = List.of();
    } else {
      try (Stream<Path> walk = Files.list(folder)) {
        files = walk.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
      }
    }
    Map<String, ?> causes = engine.knowledgeBase().causes();
    int unreadable = 0;
    List<Outcome> outcomes = new ArrayList<>();
    for (Path file : files) {
      StrictYaml.Read<ThreadFile> read = StrictYaml.read(file.getFileName().toString(), Files.readString(file),
          ThreadFile.class);
      ThreadFile thread = read.value();
      if (read.problems().isEmpty() && (thread.cases() == null || thread.posted() == null)) {
        read.problems().add(new Problem(file.getFileName().toString(), 1, 1, "needs source:, posted: and cases:",
            "see fixtures/public-record/README.md"));
      }
      if (!read.problems().isEmpty()) {
        unreadable++;
        if (problems != null) {
          read.problems().forEach(p -> problems.add(p.toString()));
        }
        continue;
      }
      for (Paste p : thread.cases()) {
        if (p == null || p.text() == null || p.label() == null) {
          unreadable++;
          if (problems != null) {
            problems.add(file.getFileName() + ": a case lacks text: or label:");
          }
          continue;
        }
        outcomes.add(judge(engine, causes, file.getFileName().toString(), thread, p));
      }
    }
    int causeCases = 0;
    int first = 0;
    int top3 = 0;
    int noneCases = 0;
    int noneQuiet = 0;
    int invalid = 0;
    for (Outcome o : outcomes) {
      switch (o.kind()) {
        case CAUSE -> {
          causeCases++;
          first += o.right() ? 1 : 0;
          top3 += o.got().subList(0, Math.min(3, o.got().size())).contains(o.label()) ? 1 : 0;
        }
        case NONE -> {
          noneCases++;
          noneQuiet += o.right() ? 1 : 0;
        }
        default -> invalid++;
      }
    }
    return new Figures(files.size(), unreadable, outcomes.size(), causeCases, first, top3, noneCases, noneQuiet,
        invalid, List.copyOf(outcomes));
  }

  private static Outcome judge(Engine engine, Map<String, ?> causes, String file, ThreadFile thread, Paste p) {
    LocalDate asOf = p.posted() != null ? p.posted() : thread.posted();
    String label = p.label().strip();
    Kind kind = label.equals("none") || label.startsWith("outside:") ? Kind.NONE
        : causes.containsKey(label) ? Kind.CAUSE : Kind.INVALID;
    List<String> got = new ArrayList<>();
    List<Double> confidences = new ArrayList<>();
    try {
      Diagnosis d = engine.diagnose(new DiagnosisRequest(List.of(p.text()), Map.of(), asOf));
      for (RankedCause r : d.causes()) {
        got.add(r.cause().id());
        confidences.add(r.confidence());
      }
    } catch (IllegalArgumentException e) {
      // refused input: no cause
    }
    boolean right = switch (kind) {
      case CAUSE -> !got.isEmpty() && got.get(0).equals(label);
      case NONE -> confidences.isEmpty() || confidences.get(0) < CONFIDENT;
      default -> false;
    };
    return new Outcome(file, p.name(), p.client(), p.language(), label, List.copyOf(got), List.copyOf(confidences),
        kind, right);
  }
}
