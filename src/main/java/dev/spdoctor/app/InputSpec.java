package dev.spdoctor.app;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a diagnosis starts from, as a caller gives it (the command line's mixins fill it; a web form
 * could): the pasted texts (already read and checked), the stated answers, the day, and where else to
 * look: a connection profile (probed over the network when {@code live}) or a transcript to replay.
 *
 * @param texts pasted error texts, each read on its own; may be empty with a profile
 * @param answers stated facts by question id, values as given ({@code deployment} included)
 * @param asOf the day to judge dated facts against
 * @param profile a connection profile, or null
 * @param live with a profile: run the network probes too
 * @param transcript a guided session to replay instead of texts and answers, or null
 * @param defaults facts the configuration file gives ({@code client}): below the answers and the profile
 */
public record InputSpec(List<String> texts, Map<String, String> answers, LocalDate asOf, Path profile, boolean live,
    Path transcript, Map<String, String> defaults) {
  public InputSpec {
    if (asOf == null) {
      throw new NullPointerException("asOf == null");
    }
    texts = List.copyOf(texts);
    answers = Map.copyOf(answers);
    defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
  }

  /** Texts and answers only: no profile, no transcript. */
  public static InputSpec of(List<String> texts, Map<String, String> answers, LocalDate asOf) {
    return new InputSpec(texts, answers, asOf, null, false, null, Map.of());
  }
}
