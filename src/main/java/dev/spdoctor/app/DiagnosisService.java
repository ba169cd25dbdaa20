package dev.spdoctor.app;

import dev.spdoctor.engine.AnswerException;
import dev.spdoctor.engine.Diagnosis;
import dev.spdoctor.engine.DiagnosisRequest;
import dev.spdoctor.engine.Engine;
import dev.spdoctor.engine.WorkingCopy;
import dev.spdoctor.guide.Transcript;
import dev.spdoctor.probe.ProbeRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The use case behind {@code diagnose} and {@code guide}: turns an {@link InputSpec} into a
 * {@link DiagnosisRequest} (replaying a transcript, or adding what a profile and its probes say to
 * the pasted texts) and the request into a {@link Diagnosis}. Every problem is a
 * {@link RequestException} or an {@link AnswerException} whose message says what to do.
 */
public final class DiagnosisService {
  private final Supplier<Engine> engine;
  private final InputStream stdin;

  /**
   * A service over {@code engine}, which is made only when a diagnosis needs it.
   *
   * @param stdin standard input, read for a transcript named {@code -}
   */
  public DiagnosisService(Supplier<Engine> engine, InputStream stdin) {
    this.engine = engine;
    this.stdin = stdin;
  }

  /** The bundled engine, or the working copy's in {@code kbDir} when it is given. */
  public static Engine engine(Path kbDir) {
    if (kbDir == null) {
      return Engine.bundled();
    }
    if (!WorkingCopy.looksLikeOne(kbDir)) {
      throw RequestException.badInput(kbDir + " holds no knowledge-base/ and rules/");
    }
    return new WorkingCopy(kbDir).engine();
  }

  /** A diagnosis and the request it answered. */
  public record Outcome(DiagnosisRequest request, Diagnosis diagnosis) {}

  /** Diagnoses the input; probes (with a live profile) report to {@code listener} as they finish. */
  public Outcome diagnose(InputSpec spec, ProbeRunner.Listener listener) {
    return diagnose(spec, listener, Engine.SessionInspector.NONE);
  }

  /** Diagnoses the input, letting {@code inspector} look into the rule session (why-not). */
  public Outcome diagnose(InputSpec spec, ProbeRunner.Listener listener, Engine.SessionInspector inspector) {
    DiagnosisRequest request = request(spec, listener);
    try {
      return new Outcome(request, engine.get().diagnose(request, inspector));
    } catch (AnswerException e) {
      if (spec.transcript() != null) {
        throw RequestException.badInput(spec.transcript() + ": " + e.getMessage());
      }
      throw e;
    }
  }

  /** The engine this service diagnoses with (an interview runs it after every answer). */
  public Engine engine() {
    return engine.get();
  }

  /**
   * The request the input stands for: a transcript's texts, facts, day and probe runs; or the pasted
   * texts and stated answers, with what the profile and its probes add.
   */
  public DiagnosisRequest request(InputSpec spec, ProbeRunner.Listener listener) {
    if (spec.transcript() != null) {
      if (!spec.texts().isEmpty()) {
        throw RequestException.usage("--transcript replays its own texts; drop --error and --error-file");
      }
      if (spec.profile() != null) {
        throw RequestException.usage("--transcript replays a session; drop --profile");
      }
      Transcript replay = replay(spec.transcript(), stdin);
      return new DiagnosisRequest(replay.texts(), replay.facts(), replay.asOf(), replay.probes());
    }
    if (spec.profile() == null) {
      if (spec.live()) {
        throw RequestException.usage("--live probes a connection: give its profile with --profile FILE"
            + " (docs/profile.md)");
      }
      if (spec.texts().isEmpty()) {
        throw RequestException.usage("no error text given; use --error TEXT, --error-file FILE, or --error-file -"
            + " to read standard input");
      }
      return withDefaults(new DiagnosisRequest(spec.texts(), spec.answers(), spec.asOf()), spec.defaults());
    }
    ProfileIntake.Contribution c = ProfileIntake.open(spec.profile(), spec.live(), stdin)
        .contribute(spec.live(), listener, spec.texts(), spec.answers());
    return withDefaults(new DiagnosisRequest(c.texts(), c.facts(), spec.asOf(), c.probes(), c.sources()),
        spec.defaults());
  }

  /** The configuration file's facts, for the keys neither an answer nor the profile settles (source config). */
  private static DiagnosisRequest withDefaults(DiagnosisRequest request, Map<String, String> defaults) {
    if (defaults.isEmpty() || request.answers().keySet().containsAll(defaults.keySet())) {
      return request;
    }
    Map<String, String> answers = new java.util.LinkedHashMap<>(request.answers());
    Map<String, String> sources = new java.util.LinkedHashMap<>(request.sources());
    defaults.forEach((k, v) -> {
      if (answers.putIfAbsent(k, v) == null) {
        sources.put(k, "config");
      }
    });
    return new DiagnosisRequest(request.texts(), answers, request.asOf(), request.probes(), sources);
  }

  private static Transcript replay(Path file, InputStream stdin) {
    try {
      return "-".equals(file.toString()) ? Transcript.read(stdin, "standard input") : Transcript.read(file);
    } catch (NoSuchFileException e) {
      throw RequestException.badInput("no such file: " + file);
    } catch (IllegalArgumentException e) {
      throw RequestException.badInput(e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
