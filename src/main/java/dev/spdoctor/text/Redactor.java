package dev.spdoctor.text;

import com.google.re2j.Pattern;

/** Removes secrets a paste may carry (tokens, client secrets, passwords) before text is stored. */
public final class Redactor {
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");
  private static final Pattern BEARER = Pattern.compile("(?i)(Bearer\\s+)[A-Za-z0-9._~+/=-]{16,}");
  private static final Pattern JSON_SECRET = Pattern.compile(
      "(?i)(\"(?:client_secret|password|access_token|refresh_token|id_token|client_assertion)\"\\s*:\\s*\")[^\"]*\"");
  private static final Pattern FORM_SECRET = Pattern.compile(
      "(?i)\\b((?:client_secret|password|pwd|access_token|refresh_token|client_assertion)=)[^&\\s\"']+");

  private Redactor() {}

  /** {@code text} with every token, secret and password replaced by {@code [redacted]}. */
  public static String redact(String text) {
    String s = JWT.matcher(text).replaceAll("[redacted]");
    s = BEARER.matcher(s).replaceAll("$1[redacted]");
    s = JSON_SECRET.matcher(s).replaceAll("$1[redacted]\"");
    return FORM_SECRET.matcher(s).replaceAll("$1[redacted]");
  }
}
