package dev.spdoctor.probe.net;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads JSON answers and the Entra error fields in them ({@code error}, {@code error_description}, {@code error_codes}). */
public final class ServiceError {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)");
  /** The longest error text kept for the rules. */
  static final int TEXT_CAP = 4000;

  private ServiceError() {}

  /** The body as a JSON tree, or empty when it is not (complete) JSON. */
  public static Optional<JsonNode> json(String body) {
    if (Shape.of(body) != Shape.JSON) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(JSON.readTree(body));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** The text at this field, if it is a non-blank string. */
  public static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
  }

  /** {@code error_description}, or for Graph/SharePoint {@code error.message}, capped. */
  public static Optional<String> description(JsonNode node) {
    Optional<String> d = text(node, "error_description");
    if (d.isEmpty() && node.get("error") != null && node.get("error").isObject()) {
      d = text(node.get("error"), "message");
    }
    return d.map(s -> s.length() > TEXT_CAP ? s.substring(0, TEXT_CAP) + "…" : s);
  }

  /** The AADSTS code: {@code error_codes[0]}, else the first AADSTS number in the description. */
  public static Optional<String> aadsts(JsonNode node) {
    JsonNode codes = node.get("error_codes");
    if (codes != null && codes.isArray() && !codes.isEmpty() && codes.get(0).canConvertToLong()) {
      return Optional.of(Long.toString(codes.get(0).asLong()));
    }
    return text(node, "error_description").flatMap(ServiceError::aadsts);
  }

  public static Optional<String> aadsts(String text) {
    Matcher m = AADSTS.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
