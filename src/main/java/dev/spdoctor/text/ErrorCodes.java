package dev.spdoctor.text;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds error codes and the identifiers support needs in a paste: AADSTS codes, Graph error codes,
 * SharePoint error codes, HTTP statuses; trace id, correlation id, request id, timestamp, client
 * id and tenant.
 */
public final class ErrorCodes {
  /** A code found in the text. */
  public record Code(String system, String code) {}

  private static final String GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
  private static final Pattern AADSTS = Pattern.compile("\\bAADSTS([0-9]{4,8})\\b");
  private static final Pattern AADSTS_JSON = Pattern.compile("\"error_codes\"\\s*:\\s*\\[\\s*([0-9]{4,8})");
  private static final Pattern GRAPH = Pattern.compile("\"code\"\\s*:\\s*\"([A-Za-z][A-Za-z_]{3,60})\"");
  private static final Pattern SHAREPOINT =
      Pattern.compile("(-[0-9]{9,10}), (System\\.[A-Za-z.]+|Microsoft\\.[A-Za-z.]+)");
  private static final Pattern HTTP = Pattern.compile("(?i)(?:\\bHTTP/[0-9.]+ |\\bstatus(?: code)?[: =]+|[(\\[])"
      + "([45][0-9]{2})\\b|\\b([45][0-9]{2}) (?:Unauthorized|Forbidden|Not Found|Too Many Requests|Service Unavailable)\\b");
  private static final Map<String, Pattern> IDENTIFIERS = new LinkedHashMap<>();
  /** Lower-case words without which an identifier's pattern cannot match (a cheap pre-check). */
  private static final Map<String, List<String>> KEYWORDS = Map.of(
      "traceId", List.of("trace"),
      "correlationId", List.of("correlation"),
      "requestId", List.of("request-id", "sprequestguid"),
      "timestamp", List.of("timestamp", "\"date\""),
      "clientId", List.of("identifier", "client", "app"),
      "tenant", List.of("directory", "tenant"));

  static {
    IDENTIFIERS.put("traceId", Pattern.compile("(?i)(?:Trace ID:|\"trace_id\"\\s*:\\s*\")\\s*(" + GUID + ")"));
    IDENTIFIERS.put("correlationId", Pattern.compile("(?i)(?:Correlation ID:|\"correlation_id\"\\s*:\\s*\")\\s*(" + GUID + ")"));
    IDENTIFIERS.put("requestId", Pattern.compile("(?i)(?:request-id|SPRequestGuid)\"?\\s*[:=]\\s*\"?(" + GUID + ")"));
    IDENTIFIERS.put("timestamp", Pattern.compile(
        "(?i)(?:Timestamp:|\"timestamp\"\\s*:\\s*\"|\"date\"\\s*:\\s*\")\\s*([0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9:.]+Z?)"));
    IDENTIFIERS.put("clientId", Pattern.compile(
        "(?i)(?:application with identifier '|client_?id[\"']?\\s*[:=]\\s*[\"']?|app(?:lication)? ?id[:=' ]+)(" + GUID + ")"));
    IDENTIFIERS.put("tenant", Pattern.compile(
        "(?i)(?:in the directory '|tenant '|tenant[_ ]?id[\"']?\\s*[:=]\\s*[\"']?)"
            + "([A-Za-z0-9.-]+\\.onmicrosoft\\.(?:com|us|cn)|" + GUID + ")"));
  }

  private ErrorCodes() {}

  /** Codes in order of first appearance, without repeats. */
  public static List<Code> codes(String text) {
    Set<Code> found = new LinkedHashSet<>();
    if (text.contains("AADSTS")) {
      add(found, "aadsts", AADSTS, text, "AADSTS");
    }
    if (text.contains("error_codes")) {
      add(found, "aadsts", AADSTS_JSON, text, "AADSTS");
    }
    if (text.contains("\"code\"")) {
      add(found, "graph", GRAPH, text, "");
    }
    Matcher m = SHAREPOINT.matcher(text.contains(", System.") || text.contains(", Microsoft.") ? text : "");
    while (m.find()) {
      found.add(new Code("sharepoint", m.group(1) + ", " + m.group(2)));
    }
    m = HTTP.matcher(text);
    while (m.find()) {
      found.add(new Code("http", "HTTP " + (m.group(1) != null ? m.group(1) : m.group(2))));
    }
    return List.copyOf(found);
  }

  /** The first value of each identifier found, by name. */
  public static Map<String, String> identifiers(String text) {
    Map<String, String> found = new LinkedHashMap<>();
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    IDENTIFIERS.forEach((name, pattern) -> {
      if (KEYWORDS.get(name).stream().noneMatch(lower::contains)) {
        return;
      }
      Matcher m = pattern.matcher(text);
      if (m.find()) {
        found.put(name, m.group(1));
      }
    });
    return found;
  }

  private static void add(Set<Code> found, String system, Pattern p, String text, String prefix) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      found.add(new Code(system, prefix + m.group(1)));
    }
  }
}
