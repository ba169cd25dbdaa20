package dev.spdoctor.kb;

import java.io.Serializable;
import java.util.List;

/**
 * A cause of a failed connection: what it is, why it happens, and what to do about it.
 *
 * @param id kebab-case id, equal to the file name
 * @param title short title
 * @param deployment where it applies: {@code online}, {@code onprem} or both
 * @param status {@code experimental}, {@code stable} or {@code deprecated}
 * @param source the article and section it comes from
 * @param summary one sentence for the ranked list
 * @param explanation a paragraph: why it happens and how it shows
 * @param steps ids of its remediation steps, in order (deprecated ones included, as history)
 * @param blocks what nothing can succeed without while this cause stands ({@link Step#NEEDS}): its
 *     steps come before every step that needs it
 */
public record Cause(
    String id,
    String title,
    List<String> deployment,
    String status,
    Source source,
    String summary,
    String explanation,
    List<String> steps,
    List<String> blocks)
    implements Serializable {
  public Cause {
    blocks = blocks == null ? List.of() : List.copyOf(blocks);
  }
}
