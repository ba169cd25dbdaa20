package dev.spdoctor.text;

import com.google.re2j.Pattern;
import java.util.Locale;

/**
 * The one identifier classifier: what an identifier value someone pasted or configured is. Rules
 * (through {@code Capture}) and probes use it alike.
 *
 * <ul>
 *   <li>{@link Kind#GUID}: a GUID, with or without braces;
 *   <li>{@link Kind#DOMAIN}: a domain name such as {@code contoso.onmicrosoft.com};
 *   <li>{@link Kind#PLACEHOLDER}: a value nobody filled in: {@code <your-client-id>},
 *       {@code ${CLIENT_ID}}, {@code {{tenant}}}, {@code %CLIENT_ID%}, {@code YOUR_CLIENT_ID},
 *       {@code null}, {@code undefined}, {@code None}, a Python tuple repr {@code ('abc',)};
 *   <li>{@link Kind#REDACTED}: the reporter hid it ({@code ****}, {@code xxx},
 *       {@code xxxxxxxx-xxxx-...}, {@code <redacted>}, {@code {EUII Hidden}}), or wrote what the value is
 *       in plain words instead of it ({@code App ID}, {@code Entra APP ID}, {@code Tenant Name}): never judged;
 *   <li>{@link Kind#EMPTY}: nothing;
 *   <li>{@link Kind#OTHER}: anything else.
 * </ul>
 */
public final class Identifiers {
  /** What an identifier value is. */
  public enum Kind {
    GUID, DOMAIN, PLACEHOLDER, REDACTED, EMPTY, OTHER;

    /** The lower-case name rules compare with, e.g. {@code "redacted"}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Pattern GUID =
      Pattern.compile("\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\}?");
  private static final Pattern DOMAIN =
      Pattern.compile("(?i)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,24}\\.?");
  private static final Pattern MASK = Pattern.compile("(?i)[*x#•·.…_ -]{2,}|[*•]+");
  private static final Pattern PARTLY_MASKED = Pattern.compile("\\*{3,}|•{3,}|(?i)x{4,}");
  private static final Pattern HIDDEN_WORD = Pattern.compile(
      "(?i)[<\\[{(]*\\s*(?:redacted|removed|hidden|masked|censored|obfuscated|snip|euii hidden|pii)\\s*[>\\]})]*");
  private static final Pattern TEMPLATE = Pattern.compile(
      "<[^<>]{1,80}>|\\$\\{[^{}]{1,80}\\}|\\{\\{[^{}]{1,80}\\}\\}|%[A-Za-z_][A-Za-z0-9_]{0,60}%|\\$[A-Za-z_][A-Za-z0-9_]{0,60}"
          + "|\\[[A-Za-z _-]{1,60}\\]|\\{[A-Za-z _-]{1,60}\\}");
  private static final Pattern YOUR_WORDS = Pattern.compile(
      "(?i)(?:your|my|the|enter|insert|put|replace)[ _-]?(?:app(?:lication)?|client|tenant|directory|azure|aad|ad)?"
          + "[ _-]?(?:id|client[ _-]?id|tenant[ _-]?id|app[ _-]?id|guid|identifier|name|here|value)(?:[ _-]?here)?");
  private static final Pattern NAME_ONLY = Pattern.compile(
      "(?i)(?:client|tenant|app|application|directory)[ _-]?(?:id|guid)|guid|clientid|tenantid|appid");
  /** What the value is, in plain words with spaces: a reporter's description written instead of the value. */
  private static final Pattern DESCRIBED = Pattern.compile(
      "(?i)(?:(?:entra|azure|aad|ad|app|application|client|tenant|directory|registration|object)\\s+){1,3}"
          + "(?:id|guid|name|identifier)");
  private static final Pattern NOTHING = Pattern.compile("(?i)null|nil|none|undefined|nan|\\(\\s*none\\s*,?\\s*\\)");
  private static final Pattern TUPLE = Pattern.compile("\\(\\s*['\"][^'\"]*['\"]\\s*,\\s*\\)|\\[\\s*['\"][^'\"]*['\"]\\s*\\]");

  private Identifiers() {}

  /** The kind of {@code value}; null counts as empty. */
  public static Kind classify(String value) {
    if (value == null) {
      return Kind.EMPTY;
    }
    String v = value.strip();
    if (v.length() >= 2 && (v.charAt(0) == '\'' || v.charAt(0) == '"') && v.charAt(v.length() - 1) == v.charAt(0)) {
      v = v.substring(1, v.length() - 1).strip();
    }
    if (v.isEmpty()) {
      return Kind.EMPTY;
    }
    if (GUID.matcher(v).matches()) {
      return Kind.GUID;
    }
    if (MASK.matcher(v).matches() || HIDDEN_WORD.matcher(v).matches() || maskedGuid(v)
        || PARTLY_MASKED.matcher(v).find() && !TEMPLATE.matcher(v).matches() || DESCRIBED.matcher(v).matches()) {
      return Kind.REDACTED;
    }
    if (NOTHING.matcher(v).matches() || TUPLE.matcher(v).matches() || TEMPLATE.matcher(v).matches()
        || YOUR_WORDS.matcher(v).matches() || NAME_ONLY.matcher(v).matches()) {
      return Kind.PLACEHOLDER;
    }
    if (DOMAIN.matcher(v).matches()) {
      return Kind.DOMAIN;
    }
    return Kind.OTHER;
  }

  /** Whether {@code value} is a GUID (with or without braces). */
  public static boolean isGuid(String value) {
    return classify(value) == Kind.GUID;
  }

  /**
   * Whether a value that should be a GUID visibly is not one: a placeholder, nothing, a domain or
   * other text. A redaction is never judged (false).
   */
  public static boolean visiblyNotGuid(String value) {
    Kind k = classify(value);
    return k != Kind.GUID && k != Kind.REDACTED;
  }

  /** A GUID shape whose hex digits are all masked, such as {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}. */
  private static boolean maskedGuid(String v) {
    return v.length() == 36 && v.chars().filter(c -> c == '-').count() == 4 && v.replaceAll("[xX*#-]", "").isEmpty();
  }
}
