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
    if (first.contains("Cannot deserialize") || first.contains("Cannot construct")) {
      return wrongShape(first);
    }
    if (first.contains("Unrecognized field")) {
      first = first.replaceAll("\\(class [^)]*\\)", "");
    }
    first = JAVA_NAME.matcher(first).replaceAll("a value");
    return dev.spdoctor.text.Visible.clip(dev.spdoctor.text.Visible.of(first), 200);
  }

  /** Jackson's binding messages ("Cannot deserialize value of type ... from Array value") in words. */
  private static String wrongShape(String message) {
    String found;
    if (message.contains("from Array value") || message.contains("START_ARRAY")) {
      found = "a list";
    } else if (message.contains("from Object value") || message.contains("START_OBJECT")) {
      found = "a map";
    } else if (message.contains("from String value") || message.contains("String-argument")) {
      found = "a piece of text";
    } else if (message.contains("Integer value") || message.contains("int-argument") || message.contains("Int-argument")
        || message.contains("Floating-point")) {
      found = "a number";
    } else if (message.contains("Boolean value") || message.contains("boolean-argument")) {
      found = "true or false";
    } else {
      return "a value here is not of the kind this place takes";
    }
    return "found " + found + " where a different kind of value belongs";
  }
}
