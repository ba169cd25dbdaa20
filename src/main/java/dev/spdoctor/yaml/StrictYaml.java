package dev.spdoctor.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.spdoctor.text.Similar;
import dev.spdoctor.yaml.YamlTree.Entry;
import dev.spdoctor.yaml.YamlTree.Mapping;
import dev.spdoctor.yaml.YamlTree.Node;
import dev.spdoctor.yaml.YamlTree.Sequence;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one way spdoctor reads a YAML (or JSON) file into records: strictly, and with every problem
 * at its line and column. Syntax errors, every unknown key (with the nearest known one), a second
 * document and a value of the wrong type or shape each become a {@link Problem}; nothing is read
 * half. Knowledge-base files and fixtures are read here into records; an answers file is read by
 * {@link #plain} (no anchors, aliases, tags or NUL) into the tree its reader checks; profiles and the
 * configuration file walk the same {@link YamlTree} with their own value checks.
 */
public final class StrictYaml {
  private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .registerModule(new JavaTimeModule());

  private StrictYaml() {}

  /**
   * What was read: the value when there were no problems (null otherwise), the problems, and the
   * tree with positions (null when the text is not YAML), for checks that point into the file.
   *
   * @param <T> the record read
   */
  public record Read<T>(T value, List<Problem> problems, Node tree) {
    /** Where the node at this path (keys and list indexes) starts, or line 1 when it is not there. */
    public int[] at(Object... path) {
      Node n = YamlTree.find(tree, path);
      return n == null ? new int[] {1, 1} : new int[] {n.line(), n.column()};
    }

    /** The value, or a {@link YamlException} listing every problem. */
    public T orThrow() {
      if (!problems.isEmpty()) {
        throw new YamlException(problems);
      }
      return value;
    }
  }

  /** Reads {@code text} (the content of {@code file}, as it is to be shown) as a {@code type}. */
  public static <T> Read<T> read(String file, String text, Class<T> type) {
    return read(file, text, MAPPER.constructType(type));
  }

  /** Reads {@code text} as a {@code type} (a {@code Map<String, String>}, say: see {@link #typeOf}). */
  public static <T> Read<T> read(String file, String text, JavaType type) {
    List<Problem> problems = new ArrayList<>();
    YamlTree.Document doc;
    try {
      doc = YamlTree.parse(text);
    } catch (JsonProcessingException e) {
      problems.add(new Problem(file, line(e.getLocation()), column(e.getLocation()),
          "not valid YAML: " + Similar.yamlMessage(e.getOriginalMessage()),
          "fix the YAML syntax (indentation, a missing ':' or an unclosed quote)"));
      return new Read<>(null, problems, null);
    } catch (IOException e) {
      problems.add(new Problem(file, 0, 0, "cannot read: " + e.getMessage(), "check the file"));
      return new Read<>(null, problems, null);
    }
    if (doc.root() == null) {
      problems.add(new Problem(file, 1, 1, "file is empty", "fill it in or delete it"));
      return new Read<>(null, problems, doc.root());
    }
    if (doc.moreDocuments() > 0) {
      problems.add(new Problem(file, doc.moreDocuments(), 1, "a second YAML document ('---') starts here",
          "keep one document per file"));
    }
    unknownKeys(file, doc.root(), type, "", problems);
    if (!problems.isEmpty()) {
      return new Read<>(null, problems, doc.root());
    }
    try {
      T value = MAPPER.readValue(text, type);
      return new Read<>(value, problems, doc.root());
    } catch (InvalidFormatException e) {
      problems.add(new Problem(file, line(e.getLocation()), column(e.getLocation()),
          "'" + e.getValue() + "' is not valid for " + path(e), "write " + expected(e)));
    } catch (MismatchedInputException e) {
      problems.add(new Problem(file, line(e.getLocation()), column(e.getLocation()), "wrong shape for " + path(e),
          "write " + expected(e)));
    } catch (JsonProcessingException e) {
      problems.add(new Problem(file, line(e.getLocation()), column(e.getLocation()),
          "cannot read: " + Similar.yamlMessage(e.getOriginalMessage()), "check the value written there"));
    }
    return new Read<>(null, problems, doc.root());
  }

  /**
   * Reads a file a person writes as plain data (an answers file) into its tree, with positions, for
   * the caller's own value checks: as {@link #read}, syntax errors, an empty file and a second
   * document are problems, and so is what plain data has no use for and a parser should never be
   * asked to expand: a NUL character, YAML anchors, aliases and tags, each at its line and column.
   */
  public static Read<Node> plain(String file, String text) {
    List<Problem> problems = new ArrayList<>();
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      int line = (int) text.substring(0, nul).chars().filter(c -> c == '\n').count() + 1;
      problems.add(new Problem(file, line, nul - text.lastIndexOf('\n', nul - 1), "holds a NUL character, so it is"
          + " not a YAML file", "save it as plain UTF-8 text"));
      return new Read<>(null, problems, null);
    }
    tricks(file, text, problems);
    if (!problems.isEmpty()) {
      return new Read<>(null, problems, null);
    }
    Read<Object> read = read(file, text, typeOf(Object.class));
    return new Read<>(read.problems().isEmpty() ? read.tree() : null, read.problems(), read.tree());
  }

  /** Anchors, aliases and explicit tags (from SnakeYAML's events, which expand nothing). */
  private static void tricks(String file, String text, List<Problem> problems) {
    org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(1);
    try {
      for (org.yaml.snakeyaml.events.Event e : new org.yaml.snakeyaml.Yaml(options).parse(new java.io.StringReader(text))) {
        String what = null;
        if (e instanceof org.yaml.snakeyaml.events.AliasEvent) {
          what = "uses a YAML alias (*name)";
        } else if (e instanceof org.yaml.snakeyaml.events.NodeEvent n && n.getAnchor() != null) {
          what = "uses a YAML anchor (&name)";
        } else if (e instanceof org.yaml.snakeyaml.events.ScalarEvent sc && sc.getTag() != null
            || e instanceof org.yaml.snakeyaml.events.CollectionStartEvent c && c.getTag() != null) {
          what = "uses a YAML tag (!...)";
        }
        if (what != null) {
          int line = e.getStartMark() == null ? 0 : e.getStartMark().getLine() + 1;
          int column = e.getStartMark() == null ? 0 : e.getStartMark().getColumn() + 1;
          problems.add(new Problem(file, line, column, what, "write each value out in full, as plain text"));
        }
      }
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      // a syntax error: read() reports it with Jackson's position
    }
  }

  /** The Jackson type of {@code Map<K, V>}. */
  public static JavaType mapOf(Class<?> key, Class<?> value) {
    return MAPPER.getTypeFactory().constructMapType(LinkedHashMap.class, key, value);
  }

  /** Any type, for {@link #read(String, String, JavaType)}. */
  public static JavaType typeOf(Class<?> type) {
    return MAPPER.constructType(type);
  }

  /**
   * Every key of every mapping that the record it is read into does not have, each at its own line
   * and column with the nearest known key (data binding stops at the first, and for records tells
   * only where the mapping ends).
   */
  private static void unknownKeys(String file, Node node, JavaType type, String path, List<Problem> problems) {
    if (type == null || node == null) {
      return;
    }
    if (type.isCollectionLikeType() || type.isArrayType()) {
      if (node instanceof Sequence s) {
        for (int i = 0; i < s.items().size(); i++) {
          unknownKeys(file, s.items().get(i), type.getContentType(), path + "[" + i + "]", problems);
        }
      } else {
        unknownKeys(file, node, type.getContentType(), path, problems); // one value read as a list of one
      }
      return;
    }
    if (!(node instanceof Mapping m)) {
      return; // a scalar where a mapping belongs: data binding reports the shape
    }
    if (type.isMapLikeType()) {
      for (Entry e : m.entries()) {
        unknownKeys(file, e.value(), type.getContentType(), join(path, e.key()), problems);
      }
      return;
    }
    if (!isRecordLike(type)) {
      return;
    }
    DeserializationConfig config = MAPPER.getDeserializationConfig();
    BeanDescription bean = config.introspect(type);
    if (bean.findAnySetterAccessor() != null
        || config.getDefaultPropertyIgnorals(type.getRawClass(), bean.getClassInfo()).getIgnoreUnknown()) {
      return;
    }
    Map<String, JavaType> known = new LinkedHashMap<>();
    for (BeanPropertyDefinition p : bean.findProperties()) {
      known.put(p.getName(), p.getPrimaryType());
    }
    for (Entry e : m.entries()) {
      if (known.containsKey(e.key())) {
        unknownKeys(file, e.value(), known.get(e.key()), join(path, e.key()), problems);
      } else {
        String near = Similar.nearest(e.key(), known.keySet());
        problems.add(new Problem(file, e.line(), e.column(),
            "unknown key '" + e.key() + "'" + (path.isEmpty() ? "" : " in " + path),
            (near != null ? "did you mean '" + near + "'? " : "") + "known keys here are " + sorted(known.keySet())));
      }
    }
  }

  private static boolean isRecordLike(JavaType type) {
    Class<?> c = type.getRawClass();
    return !c.isPrimitive() && !c.isEnum() && !c.getName().startsWith("java.") && !JsonNode.class.isAssignableFrom(c);
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static String sorted(Collection<String> keys) {
    return keys.stream().sorted().collect(Collectors.joining(", "));
  }

  private static int line(JsonLocation at) {
    return at == null ? 0 : Math.max(at.getLineNr(), 0);
  }

  private static int column(JsonLocation at) {
    return at == null ? 0 : Math.max(at.getColumnNr(), 0);
  }

  private static String path(MismatchedInputException e) {
    String p = e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
    return p.isEmpty() ? "the document" : "'" + p.replace(".[", "[") + "'";
  }

  private static String expected(MismatchedInputException e) {
    Class<?> t = e.getTargetType();
    if (t == null) {
      return "a value of another type";
    }
    if (Collection.class.isAssignableFrom(t) || t.isArray()) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(t)) {
      return "a mapping of keys to values";
    }
    if (t == String.class) {
      return "a text value";
    }
    if (t == Boolean.class || t == boolean.class) {
      return "true or false";
    }
    if (Number.class.isAssignableFrom(t) || t.isPrimitive()) {
      return "a number";
    }
    if (t.isEnum()) {
      return "one of " + java.util.Arrays.stream(t.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
    }
    return "a mapping of keys (" + t.getSimpleName().replace("Doc", "").toLowerCase(java.util.Locale.ROOT) + ")";
  }
}
