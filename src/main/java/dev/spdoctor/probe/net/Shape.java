package dev.spdoctor.probe.net;

import java.util.Locale;

/**
 * What a response body looks like, judged by its first characters rather than its Content-Type
 * (a hijacking resolver or a captive portal sends an HTML page labelled as anything).
 */
public enum Shape {
  EMPTY("empty"),
  JSON("json"),
  HTML("html"),
  XML("xml"),
  TEXT("text");

  private final String label;

  Shape(String label) {
    this.label = label;
  }

  /** The name used in observations: {@code empty}, {@code json}, {@code html}, {@code xml}, {@code text}. */
  public String label() {
    return label;
  }

  public static Shape of(String body) {
    if (body == null) {
      return EMPTY;
    }
    String s = body.stripLeading();
    if (s.startsWith("\uFEFF")) {
      s = s.substring(1).stripLeading();
    }
    if (s.isEmpty()) {
      return EMPTY;
    }
    String head = s.substring(0, Math.min(s.length(), 256)).toLowerCase(Locale.ROOT);
    if (head.startsWith("{") || head.startsWith("[")) {
      return JSON;
    }
    if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<html")
        || head.startsWith("<head") || head.startsWith("<body")) {
      return HTML;
    }
    if (head.startsWith("<")) {
      return XML;
    }
    return TEXT;
  }
}
