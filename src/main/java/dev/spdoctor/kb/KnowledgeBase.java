package dev.spdoctor.kb;

import java.io.IOException;
import java.io.InputStream;
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
 * binary form ({@link #BUNDLED_RESOURCE}, see KbCodec), so that a one-shot run does not pay for YAML
 * parsing. {@link KbLoader} reads a working copy from YAML.
 */
public record KnowledgeBase(
    Map<String, Cause> causes,
    Map<String, Step> steps,
    List<Signature> signatures,
    Map<String, Question> questions,
    List<MilestoneDef> milestones,
    Map<String, ErrorCodeDef> codes,
    List<AppDef> apps,
    Map<String, PortalEntry> portal,
    Map<String, String> codeLookups,
    List<ClientDef> clients)
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
    apps = List.copyOf(apps);
    portal = Collections.unmodifiableMap(new TreeMap<>(portal));
    codeLookups = Collections.unmodifiableMap(new TreeMap<>(codeLookups));
    clients = List.copyOf(clients);
  }

  /**
   * Where a reader looks up a code of this family ({@code lookup:} of its table under
   * knowledge-base/tables/, with {@code {code}} replaced by the code), or null when the table gives none.
   */
  public String codeLookup(String family, String code) {
    String template = codeLookups.get(family);
    return template == null ? null : template.replace("{code}", code);
  }

  /** The client with this id (tables/clients.yaml). */
  public Optional<ClientDef> client(String id) {
    return clients.stream().filter(c -> c.id().equals(id)).findFirst();
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
      return KbCodec.read(new java.io.BufferedInputStream(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled knowledge base", e);
    }
  }
}
