package dev.spdoctor.kb;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectInputFilter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The whole knowledge base, loaded and cross-checked.
 *
 * <p>The bundled copy is compiled from {@code knowledge-base/} at build time into a compact
 * serialised form ({@link #BUNDLED_RESOURCE}), so that a one-shot run does not pay for YAML
 * parsing. {@link KbLoader} reads a working copy from YAML.
 */
public record KnowledgeBase(
    Map<String, Cause> causes,
    Map<String, Step> steps,
    List<Signature> signatures,
    Map<String, Question> questions,
    List<MilestoneDef> milestones,
    Map<String, ErrorCodeDef> codes)
    implements Serializable {

  /** Class-path resource that holds the knowledge base compiled at build time. */
  public static final String BUNDLED_RESOURCE = "/spdoctor/kb.bin";

  public KnowledgeBase {
    causes = Collections.unmodifiableMap(new TreeMap<>(causes));
    steps = Collections.unmodifiableMap(new TreeMap<>(steps));
    signatures = List.copyOf(signatures);
    questions = Collections.unmodifiableMap(new TreeMap<>(questions));
    milestones = List.copyOf(milestones);
    codes = Collections.unmodifiableMap(new TreeMap<>(codes));
  }

  public Optional<Cause> cause(String id) {
    return Optional.ofNullable(causes.get(id));
  }

  public Optional<Question> question(String id) {
    return Optional.ofNullable(questions.get(id));
  }

  /** Loads the knowledge base compiled into the jar at build time. */
  public static KnowledgeBase bundled() {
    try (InputStream in = KnowledgeBase.class.getResourceAsStream(BUNDLED_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the bundled knowledge base " + BUNDLED_RESOURCE + " is missing from the jar; rebuild with mvn package");
      }
      ObjectInputStream objects = new ObjectInputStream(in);
      objects.setObjectInputFilter(KnowledgeBase::allowOnlyKbTypes);
      return (KnowledgeBase) objects.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled knowledge base", e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the bundled knowledge base was built by another version", e);
    }
  }

  private static ObjectInputFilter.Status allowOnlyKbTypes(ObjectInputFilter.FilterInfo info) {
    Class<?> type = info.serialClass();
    if (type == null || type.isArray() || type.isPrimitive()) {
      return ObjectInputFilter.Status.UNDECIDED;
    }
    String name = type.getName();
    boolean allowed = name.startsWith("dev.spdoctor.kb.")
        || name.startsWith("java.util.")
        || name.startsWith("java.lang.")
        || name.startsWith("java.time.");
    return allowed ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
  }
}
