package dev.spdoctor.text;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.Locale;

/**
 * The one redactor: removes the secrets a paste may carry before its text is stored (transcripts,
 * --unrecognised-out) or echoed (reports, batch results). It covers tokens (JWTs, bearer tokens,
 * refresh tokens, client assertions, authorization codes), client secrets, passwords in every
 * usual shape (headers, JSON, form fields, PowerShell, connection strings, URLs), SAS signatures,
 * account keys and PEM private keys. Each secret becomes {@code [redacted]}; the words around it
 * stay, so the message still reads and still matches.
 */
public final class Redactor {
  /** What a secret is replaced with. */
  public static final String MARK = "[redacted]";

  private static final Pattern PEM = Pattern.compile(
      "(?s)(-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----).*?(-----END [A-Z0-9 ]*PRIVATE KEY-----)");
  /** A key pasted without its END line: the base64 lines after BEGIN. */
  private static final Pattern PEM_CUT = Pattern.compile(
      "(-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----)((?:\\s*(?:Proc-Type|DEK-Info):[^\\n]*)*(?:\\s*[A-Za-z0-9+/=]{16,})+)");
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");
  /** An Authorization or Proxy-Authorization header, whatever its scheme: everything after the scheme. */
  private static final Pattern AUTH_HEADER = Pattern.compile(
      "(?i)(\\b(?:proxy-)?authorization\"?\\s*[:=]\\s*\"?(?:(?:basic|bearer|negotiate|ntlm|digest|pop|sharedkey)\\s+)?)"
          + "([^\\s\"',;]+)");
  private static final Pattern BEARER = Pattern.compile("(?i)(\\bBearer\\s+)([A-Za-z0-9._~+/=-]{12,})");
  /** Basic followed by what looks like base64 of user:password (not "Basic authentication"). */
  private static final Pattern BASIC = Pattern.compile("(?i)(\\bBasic\\s+)([A-Za-z0-9+/]{6,}={0,2})");
  /** A JSON member whose name says it holds a secret, any case and separator. */
  private static final Pattern JSON_SECRET = Pattern.compile(
      "(?i)(\"[a-z_-]*(?:secret|password|passwd|pwd|access_?token|refresh_?token|id_?token|client_?assertion"
          + "|accountkey|account_key|sharedaccesskey|shared_access_key|api_?key|private_?key|credential|sig)"
          + "[a-z_-]*\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)\"");
  /** name=value (form fields, query strings, connection strings, command lines). */
  private static final Pattern FIELD = Pattern.compile(
      "(?i)(\\b(?:client_?secret|client_?assertion|password|passwd|pwd|access_?token|refresh_?token|id_?token"
          + "|accountkey|sharedaccesskey|sharedaccesssignature|api_?key|secret|sig|token)\\s*=\\s*)"
          + "(\"[^\"]*\"|'[^']*'|[^&\\s\"'<>;,]+)");
  /** An OAuth authorization code in a query string (a short code= is an error code, not a secret). */
  private static final Pattern CODE = Pattern.compile("(?i)(\\bcode=)([A-Za-z0-9._~*!-]{20,})");
  /** "Password: value", "client secret: value", as consoles and logs print them. */
  private static final Pattern LABELLED = Pattern.compile(
      "(?i)(\\b(?:password|passwd|pwd|passphrase|client[ _-]?secret|secret value|app secret|api[ _-]?key"
          + "|account[ _-]?key)\\s*:\\s*)(\"[^\"]*\"|'[^']*'|[^\\s\"',;]+)");
  private static final Pattern SECURE_STRING = Pattern.compile(
      "(?i)(ConvertTo-SecureString\\s+(?:-String\\s+)?)(\"[^\"]*\"|'[^']*'|[^\\s\"'|;)]+)");
  /** A PowerShell variable named like a secret assigned a string: $pw = '...'. */
  private static final Pattern PS_VARIABLE = Pattern.compile(
      "(?i)(\\$[A-Za-z0-9_]*(?:pw|pwd|pass|password|passwd|secret|token|key|cred|credential)[A-Za-z0-9_]*\\s*=\\s*)"
          + "(\"[^\"]*\"|'[^']*')");
  /** user:password@ in a URL. */
  private static final Pattern URL_USERINFO = Pattern.compile(
      "(?i)(\\b[a-z][a-z0-9+.-]*://[^\\s/@:\"'<>]*:)([^\\s/@\"'<>]+)(@)");
  /** An Entra ID client secret value: three characters, a digit, Q~, then 31 to 34 more. */
  private static final Pattern CLIENT_SECRET_VALUE = Pattern.compile("\\b[A-Za-z0-9_.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}");

  private Redactor() {}

  /** {@code text} with every token, secret and password replaced by {@code [redacted]}. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    String s = text;
    if (lower.contains("private key-----")) {
      s = PEM.matcher(s).replaceAll("$1" + MARK + "$2");
      s = keepFirst(PEM_CUT, s);
    }
    if (s.contains("eyJ")) {
      s = JWT.matcher(s).replaceAll(MARK);
    }
    if (lower.contains("authorization")) {
      s = keepFirst(AUTH_HEADER, s);
    }
    if (lower.contains("bearer")) {
      s = keepFirst(BEARER, s);
    }
    if (lower.contains("basic")) {
      s = basic(s);
    }
    if (s.indexOf('"') >= 0) {
      s = keepFirst(JSON_SECRET, s, "\"");
    }
    if (s.indexOf('=') >= 0) {
      s = keepFirst(FIELD, s);
      s = keepFirst(CODE, s);
    }
    if (s.indexOf(':') >= 0) {
      s = keepFirst(LABELLED, s);
    }
    if (lower.contains("securestring")) {
      s = keepFirst(SECURE_STRING, s);
    }
    if (s.indexOf('$') >= 0) {
      s = keepFirst(PS_VARIABLE, s);
    }
    if (s.contains("://") && s.indexOf('@') >= 0) {
      s = URL_USERINFO.matcher(s).replaceAll("$1" + MARK + "$3");
    }
    if (s.contains("Q~")) {
      s = CLIENT_SECRET_VALUE.matcher(s).replaceAll(MARK);
    }
    return s;
  }

  /** Whether {@code text} holds anything {@link #redact} would remove. */
  public static boolean holdsSecret(String text) {
    return !redact(text).equals(text);
  }

  private static String keepFirst(Pattern p, String s) {
    return keepFirst(p, s, "");
  }

  /** Replaces group 2 of every match (group 1 kept), appending {@code tail} after the mark. */
  private static String keepFirst(Pattern p, String s, String tail) {
    Matcher m = p.matcher(s);
    if (!m.find()) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int last = 0;
    do {
      if (m.group(2).equals(MARK) || m.group(2).isEmpty() || m.group(2).startsWith(MARK)) {
        continue;
      }
      out.append(s, last, m.start()).append(m.group(1)).append(MARK).append(tail);
      last = m.end();
    } while (m.find());
    return out.append(s, last, s.length()).toString();
  }

  private static String basic(String s) {
    Matcher m = BASIC.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    int last = 0;
    while (m.find()) {
      String token = m.group(2);
      boolean looksEncoded = token.endsWith("=") || token.chars().anyMatch(Character::isDigit)
          || token.indexOf('+') >= 0 || token.indexOf('/') >= 0;
      if (!looksEncoded || token.equals("redacted")) {
        continue;
      }
      out.append(s, last, m.start()).append(m.group(1)).append(MARK);
      last = m.end();
    }
    return out.append(s, last, s.length()).toString();
  }
}
