package dev.spdoctor.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * YAML read into a small tree that remembers where each key and value is, so a checker can
 * report every problem with its line instead of stopping at the first the way data binding does.
 */
public final class YamlTree {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private YamlTree() {}

  /** A node and where it starts (1-based). */
  public sealed interface Node permits Scalar, Mapping, Sequence {
    int line();

    int column();

    /** For messages: "text", "a mapping", "a list". */
    String kind();
  }

  /**
   * A scalar. {@code text} is the value as written (YAML's {@code 15}, {@code yes} and {@code x}
   * alike); {@code token} says how YAML typed it.
   */
  public record Scalar(JsonToken token, String text, boolean alias, int line, int column) implements Node {
    public boolean isNull() {
      return token == JsonToken.VALUE_NULL;
    }

    public boolean isBoolean() {
      return token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
    }

    @Override
    public String kind() {
      return isNull() ? "empty" : "text";
    }
  }

  /** A key of a mapping, where it is written, and its value. */
  public record Entry(String key, int line, int column, Node value) {}

  public record Mapping(List<Entry> entries, int line, int column) implements Node {
    @Override
    public String kind() {
      return "a mapping";
    }
  }

  public record Sequence(List<Node> items, int line, int column) implements Node {
    @Override
    public String kind() {
      return "a list";
    }
  }

  /**
   * The document.
   *
   * @param root the first document's root, or null when the text holds none (empty or comments only)
   * @param moreDocuments the line where a second document starts, or 0
   */
  public record Document(Node root, int moreDocuments) {}

  /** Reads {@code text}; a syntax error arrives as Jackson's exception, with its location. */
  public static Document parse(String text) throws IOException {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return new Document(null, 0);
      }
      Node root = node(p);
      JsonToken next = p.nextToken();
      return new Document(root, next == null ? 0 : line(p.currentTokenLocation()));
    }
  }

  private static Node node(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    JsonLocation at = p.currentTokenLocation();
    if (t == JsonToken.START_OBJECT) {
      List<Entry> entries = new ArrayList<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        JsonLocation keyAt = p.currentTokenLocation();
        String key = p.currentName();
        p.nextToken();
        entries.add(new Entry(key, line(keyAt), column(keyAt), node(p)));
      }
      return new Mapping(List.copyOf(entries), line(at), column(at));
    }
    if (t == JsonToken.START_ARRAY) {
      List<Node> items = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        items.add(node(p));
      }
      return new Sequence(List.copyOf(items), line(at), column(at));
    }
    boolean alias = p instanceof YAMLParser y && y.isCurrentAlias();
    return new Scalar(t, t == JsonToken.VALUE_NULL ? null : p.getText(), alias, line(at), column(at));
  }

  /** The node at {@code path} (mapping keys and list indexes) under {@code root}, or null. */
  public static Node find(Node root, Object... path) {
    Node n = root;
    for (Object step : path) {
      if (n instanceof Mapping m && step instanceof String key) {
        n = m.entries().stream().filter(e -> e.key().equals(key)).map(Entry::value).findFirst().orElse(null);
      } else if (n instanceof Sequence s && step instanceof Integer i && i >= 0 && i < s.items().size()) {
        n = s.items().get(i);
      } else {
        return null;
      }
    }
    return n;
  }

  public static int line(JsonLocation at) {
    return at == null ? 0 : Math.max(at.getLineNr(), 0);
  }

  public static int column(JsonLocation at) {
    return at == null ? 0 : Math.max(at.getColumnNr(), 0);
  }
}
