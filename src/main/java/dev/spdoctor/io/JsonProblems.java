package dev.spdoctor.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.re2j.Pattern;

/**
 * What went wrong in a JSON or YAML document, in words for users: line and column, and the
 * parser's reason without Jackson's internals (class names, constraint getters, source
 * descriptions).
 */
public final class JsonProblems {
  private static final Pattern JAVA_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Za-z_$][A-Za-z0-9_$.]*(?:\\(\\))?");

  private JsonProblems() {}

  /** {@code line L, column C: reason}. */
  public static String describe(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where = at != null && at.getLineNr() > 0 ? "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " : "";
    return where + reason(e.getOriginalMessage());
  }

  /** The first line of a parser message, with internals removed. */
  public static String reason(String message) {
    if (message == null || message.isBlank()) {
      return "not well-formed";
    }
    String first = message.strip().split("\\R", 2)[0];
    if (first.contains("StreamReadConstraints") || first.contains("exceeds the maximum")) {
      return "a value is longer than spdoctor reads";
    }
    if (first.contains("Unrecognized field") || first.contains("Cannot deserialize") || first.contains("Cannot construct")) {
      first = first.replaceAll("\\(class [^)]*\\)", "");
    }
    first = JAVA_NAME.matcher(first).replaceAll("a value");
    return dev.spdoctor.text.Visible.clip(dev.spdoctor.text.Visible.of(first), 200);
  }
}
