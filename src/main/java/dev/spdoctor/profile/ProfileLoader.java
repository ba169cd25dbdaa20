package dev.spdoctor.profile;

import dev.spdoctor.yaml.YamlTree;
import dev.spdoctor.yaml.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.spdoctor.yaml.YamlTree.Entry;
import dev.spdoctor.yaml.YamlTree.Mapping;
import dev.spdoctor.yaml.YamlTree.Node;
import dev.spdoctor.yaml.YamlTree.Scalar;
import dev.spdoctor.text.Similar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a connection profile (docs/profile.md) strictly: unknown keys, wrong types, unknown
 * values, missing required keys and secrets written as text are all problems, and every one
 * found is reported with its file, line and column and a fix, not only the first.
 *
 * <p>Only the file's syntax, types and structure are checked here. Whether a Client ID is a GUID
 * or a URL points at SharePoint is for {@code dev.spdoctor.probe.ProfileProbe} to observe.
 *
 * <p>A secret's value never appears in a problem: a password written as text is reported by
 * where it is, and any text that looks like one is blanked out of every message.
 */
public final class ProfileLoader {
  /** The {@code deployment} values. */
  /** The deployments a profile names; {@code onprem} (as --deployment spells it) is read as on-premises. */
  public static final List<String> DEPLOYMENTS = List.of("online", "on-premises", "onprem");
  /** The {@code registration} values. */
  public static final List<String> REGISTRATIONS = List.of("automatic", "manual");
  /** The {@code mfa} and {@code security-defaults} values. */
  public static final List<String> SWITCHES = List.of("enabled", "disabled");

  private static final long MAX_BYTES = 1 << 20;
  private static final String DOCS = " (see docs/profile.md)";
  private static final String SECRET_FORMS = "{env: NAME}, {file: PATH} or {prompt: true}";

  private static final List<String> TOP = List.of("name", "deployment", "cloud", "sharepoint", "registration",
      "application-account", "client-id", "tenant-id", "certificate", "legacy-auth", "mfa", "security-defaults",
      "endpoints", "network", "client");
  private static final List<String> SHAREPOINT = List.of("url", "admin-url", "central-admin-url");
  private static final List<String> CERTIFICATE = List.of("file", "key-file", "password", "thumbprint");
  private static final List<String> LEGACY = List.of("enabled", "account", "password");
  private static final List<String> ENDPOINTS = List.of("login", "graph");
  private static final List<String> NETWORK = List.of("proxy", "proxy-user", "proxy-password", "dns-server",
      "trust-store", "timeout", "deadline");
  private static final List<String> SECRET = List.of("env", "file", "prompt");
  private static final Map<String, List<String>> SECTIONS = sections();

  /** A line that gives something password-like a plain value: its value is blanked out of messages. */
  private static final Pattern SECRETISH = Pattern.compile(
      "^[\\s-]*[\"']?[\\w-]*(?:password|passwd|pwd|secret)[\\w-]*[\"']?\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE);

  private final Path file;
  private final InputStream stdin;
  private final String shown;
  private final Path base;
  private final List<Problem> problems = new ArrayList<>();
  private final Set<String> secrets = new LinkedHashSet<>();

  private ProfileLoader(Path file, InputStream stdin) {
    this.file = file;
    this.stdin = stdin;
    this.shown = stdin != null ? "standard input" : file.toString();
    this.base = stdin != null ? null : file.getParent();
  }

  /**
   * Reads and checks the profile in {@code file}. Relative paths in it (certificate, key, trust
   * store, secret files) resolve against the file's folder.
   *
   * @throws ProfileException listing every problem found
   */
  public static Profile load(Path file) {
    return load(file, null);
  }

  /**
   * As {@link #load(Path)}, but a file named {@code -} is read from {@code stdin} (when it is not
   * null): messages then name "standard input", and relative paths in it resolve against the
   * current folder.
   *
   * @throws ProfileException listing every problem found
   */
  public static Profile load(Path file, InputStream stdin) {
    if (file == null) {
      throw new NullPointerException("file == null");
    }
    ProfileLoader loader = new ProfileLoader(file, stdin != null && "-".equals(file.toString()) ? stdin : null);
    Profile profile = loader.read();
    if (!loader.problems.isEmpty() || profile == null) {
      throw new ProfileException(loader.scrubbed());
    }
    return profile;
  }

  // ---- the file ---------------------------------------------------------------------------

  private Profile read() {
    String text = text();
    if (text == null) {
      return null;
    }
    rememberSecretLookingLines(text);
    YamlTree.Document doc;
    try {
      doc = YamlTree.parse(text);
    } catch (JsonProcessingException e) {
      problems.add(new Problem(shown, YamlTree.line(e.getLocation()), YamlTree.column(e.getLocation()),
          "not valid YAML: " + yamlProblem(e.getOriginalMessage()),
          "fix the YAML syntax (indentation, a missing ':' or an unclosed quote)"));
      return null;
    } catch (IOException e) {
      problems.add(new Problem(shown, 0, 0, "cannot be read: " + e.getClass().getSimpleName(),
          "check the file is a readable text file"));
      return null;
    }
    if (doc.root() == null || doc.root() instanceof Scalar s && s.isNull()) {
      problems.add(new Problem(shown, 1, 1, "the file is empty",
          "write the profile's keys in it; docs/profile.md has an example"));
      return null;
    }
    if (!(doc.root() instanceof Mapping root)) {
      problems.add(new Problem(shown, doc.root().line(), doc.root().column(),
          "a profile is a mapping of keys, not " + doc.root().kind(),
          "write key: value lines such as 'deployment: online'" + DOCS));
      return null;
    }
    if (doc.moreDocuments() > 0) {
      problems.add(new Problem(shown, doc.moreDocuments(), 1, "a second YAML document starts here",
          "a profile file holds one profile; remove the '---' and what follows, or move it to its own file"));
    }
    return profile(root);
  }

  /** The file's text, or null after recording why it cannot be had. */
  private String text() {
    byte[] bytes = stdin != null ? piped() : fileBytes();
    if (bytes == null) {
      return null;
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      problems.add(new Problem(shown, 0, 0, "is not UTF-8 text", "save the profile as UTF-8"));
      return null;
    }
  }

  /** Standard input's bytes (at most {@link #MAX_BYTES}), or null after recording why not. */
  private byte[] piped() {
    try {
      byte[] bytes = stdin.readNBytes((int) MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        problems.add(new Problem(shown, 0, 0, "is larger than 1 MiB, too large to be a profile",
            "pipe the profile file itself, such as: spdoctor probe --profile - < contoso.yaml"));
        return null;
      }
      return bytes;
    } catch (IOException e) {
      problems.add(new Problem(shown, 0, 0, "cannot be read (" + e.getClass().getSimpleName() + ")",
          "pipe the profile in, or name its file with --profile FILE"));
      return null;
    }
  }

  /** The file's bytes, or null after recording why they cannot be had. */
  private byte[] fileBytes() {
    if (!Files.exists(file)) {
      problems.add(new Problem(shown, 0, 0, "no such file",
          "check the path, or write a profile there (docs/profile.md has an example)"));
      return null;
    }
    if (Files.isDirectory(file)) {
      problems.add(new Problem(shown, 0, 0, "is a directory, not a profile file",
          "name the profile file itself, such as " + file.resolve("profile.yaml")));
      return null;
    }
    try {
      if (Files.size(file) > MAX_BYTES) {
        problems.add(new Problem(shown, 0, 0, "is larger than 1 MiB, too large to be a profile",
            "check the path names a profile file"));
        return null;
      }
      return dev.spdoctor.io.BoundedFiles.read(file, (int) MAX_BYTES);
    } catch (dev.spdoctor.io.BoundedFiles.TooLargeException e) {
      problems.add(new Problem(shown, 0, 0, "is larger than 1 MiB, too large to be a profile",
          "check the path names a profile file"));
      return null;
    } catch (dev.spdoctor.io.BoundedFiles.NotAFileException e) {
      problems.add(new Problem(shown, 0, 0, "is not a regular file (" + e.getMessage() + ")",
          "name the profile file itself"));
      return null;
    } catch (AccessDeniedException e) {
      problems.add(new Problem(shown, 0, 0, "cannot be read: permission denied",
          "check the file's permissions allow this account to read it"));
      return null;
    } catch (IOException e) {
      problems.add(new Problem(shown, 0, 0, "cannot be read (" + e.getClass().getSimpleName() + ")",
          "check the file exists and is readable"));
      return null;
    }
  }

  // ---- the profile ------------------------------------------------------------------------

  private Profile profile(Mapping root) {
    Section top = new Section("", root, root.line(), root.column());
    String name = top.text("name");
    // "onprem" is what --deployment and --answer deployment= take: accept it here too.
    String deployment = top.choice("deployment", DEPLOYMENTS);
    if ("onprem".equals(deployment)) {
      deployment = "on-premises";
    }
    if (!top.has("deployment")) {
      top.missing("deployment", "add 'deployment: online' or 'deployment: on-premises'");
    }
    String cloudId = top.choice("cloud", Cloud.ids());
    Section sp = top.section("sharepoint");
    String url = sp.text("url");
    if (!sp.has("url")) {
      sp.missing("url", sp.present()
          ? "add 'url:' with the SharePoint server URL, such as https://contoso.sharepoint.com"
          : "add 'sharepoint:' with 'url:' under it, the SharePoint server URL such as https://contoso.sharepoint.com");
    }
    Profile.SharePoint sharePoint = new Profile.SharePoint(url, sp.text("admin-url"), sp.text("central-admin-url"));
    String registration = top.choice("registration", REGISTRATIONS);
    String account = top.text("application-account");
    String clientId = top.text("client-id");
    String tenantId = top.text("tenant-id");

    Section cert = top.section("certificate");
    Profile.Certificate certificate = null;
    Path certFile = cert.path("file");
    Path keyFile = cert.path("key-file");
    SecretRef certPassword = cert.secret("password", "the certificate's password");
    String thumbprint = cert.text("thumbprint");
    if (keyFile != null && !cert.has("file")) {
      cert.problemAt("key-file", "'certificate.key-file' is given without 'certificate.file'",
          "add 'file:' with the PEM certificate the key belongs to");
    }
    if (cert.present()) {
      certificate = new Profile.Certificate(certFile, keyFile, certPassword, thumbprint);
    }

    Section legacy = top.section("legacy-auth");
    Boolean enabled = legacy.flag("enabled");
    String legacyAccount = legacy.text("account");
    SecretRef legacyPassword = legacy.secret("password", "the legacy account's password");
    Profile.LegacyAuth legacyAuth = legacy.present() ? new Profile.LegacyAuth(enabled, legacyAccount, legacyPassword) : null;

    String mfa = top.choice("mfa", SWITCHES);
    String securityDefaults = top.choice("security-defaults", SWITCHES);

    // An id of knowledge-base/tables/clients.yaml, checked against the knowledge base when it is used.
    String client = top.text("client");

    Section ep = top.section("endpoints");
    Profile.Endpoints endpoints = new Profile.Endpoints(ep.text("login"), ep.text("graph"));

    Section net = top.section("network");
    Profile.Network network = new Profile.Network(net.text("proxy"), net.text("proxy-user"),
        net.secret("proxy-password", "the proxy password"), net.text("dns-server"), net.path("trust-store"),
        net.duration("timeout", Profile.Network.DEFAULT_TIMEOUT), net.duration("deadline", Profile.Network.DEFAULT_DEADLINE));

    if (!problems.isEmpty() || deployment == null) {
      return null;
    }
    Cloud cloud = cloudId == null ? Cloud.GLOBAL : Cloud.byId(cloudId);
    return new Profile(file, name, deployment, sharePoint, registration, account, clientId, tenantId, certificate,
        legacyAuth, mfa, securityDefaults, cloud, endpoints, network, client);
  }

  /** One mapping of the profile (or the place where an absent one would be), with its keys checked. */
  private final class Section {
    private final String path;
    private final Mapping mapping;
    private final int line;
    private final int column;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final boolean broken;
    private final boolean unknownKeys;

    Section(String path, Mapping mapping, int line, int column) {
      this(path, mapping, line, column, false);
    }

    /** {@code broken}: the value was there but of the wrong type, already reported. */
    Section(String path, Mapping mapping, int line, int column, boolean broken) {
      this.path = path;
      this.mapping = mapping;
      this.line = line;
      this.column = column;
      this.broken = broken;
      this.unknownKeys = mapping != null && check(path, mapping, entries);
    }

    boolean present() {
      return mapping != null;
    }

    /** Whether {@code key} is given with a value. */
    boolean has(String key) {
      Entry e = entries.get(key);
      return e != null && !(e.value() instanceof Scalar s && s.isNull());
    }

    String name(String key) {
      return path.isEmpty() ? key : path + "." + key;
    }

    /** The value of {@code key}, or null when absent or empty (after reporting a wrong type or an alias). */
    private Node value(String key) {
      Entry e = entries.get(key);
      if (e == null || e.value() instanceof Scalar s && s.isNull()) {
        return null;
      }
      if (e.value() instanceof Scalar s && s.alias()) {
        add(s, "'" + name(key) + "' is an alias (*" + s.text() + ")",
            "write the value out: profiles do not use YAML anchors and aliases");
        return null;
      }
      return e.value();
    }

    Section section(String key) {
      Entry e = entries.get(key);
      Node v = value(key);
      if (v == null) {
        return new Section(name(key), null, e != null ? e.line() : line, e != null ? e.column() : column);
      }
      if (!(v instanceof Mapping m)) {
        add(v, "'" + name(key) + "' must be a mapping of keys, not " + v.kind(),
            "write its keys indented under it: " + String.join(", ", SECTIONS.get(key)) + DOCS);
        return new Section(name(key), null, e.line(), e.column(), true);
      }
      return new Section(name(key), m, e.line(), e.column());
    }

    String text(String key) {
      Node v = value(key);
      if (v == null) {
        return null;
      }
      if (!(v instanceof Scalar s)) {
        add(v, "'" + name(key) + "' must be text, not " + v.kind(), "write one value after '" + key + ":'" + DOCS);
        return null;
      }
      String t = s.text().strip();
      return t.isEmpty() ? null : t;
    }

    String choice(String key, List<String> allowed) {
      Node v = value(key);
      if (v == null) {
        return null;
      }
      if (!(v instanceof Scalar s)) {
        add(v, "'" + name(key) + "' must be one of " + String.join(", ", allowed) + ", not " + v.kind(),
            "write one of " + String.join(", ", allowed));
        return null;
      }
      String t = s.text().strip();
      if (!allowed.contains(t)) {
        String near = Similar.nearest(t, allowed);
        add(v, "'" + name(key) + "' is '" + t + "', which is not one of " + String.join(", ", allowed),
            near != null ? "did you mean '" + near + "'?" : "write one of " + String.join(", ", allowed));
        return null;
      }
      return t;
    }

    Boolean flag(String key) {
      Node v = value(key);
      if (v == null) {
        return null;
      }
      if (!(v instanceof Scalar s) || !s.isBoolean()) {
        // Inside a secret's mapping the value may be the secret itself, misplaced: do not quote it.
        String what = path.contains(".") ? v.kind() : describe(v);
        add(v, "'" + name(key) + "' must be true or false, not " + what, "write true or false");
        return null;
      }
      return s.token() == JsonToken.VALUE_TRUE;
    }

    Path path(String key) {
      String t = text(key);
      if (t == null) {
        return null;
      }
      return resolve(t, entries.get(key).value(), name(key));
    }

    Duration duration(String key, Duration otherwise) {
      String t = text(key);
      if (t == null) {
        return otherwise;
      }
      Node v = entries.get(key).value();
      if (t.chars().allMatch(Character::isDigit)) {
        add(v, "'" + name(key) + "' is " + t + " without a unit", "write " + t + "s, or use the units ms, s, m or h");
        return otherwise;
      }
      try {
        return Durations.parse(t);
      } catch (IllegalArgumentException e) {
        boolean tooLong = e.getMessage() != null && e.getMessage().contains("longer than a day");
        add(v, "'" + name(key) + "' is '" + t + "', which is " + (tooLong ? "longer than a day" : "not a time such as 500ms,"
            + " 15s or 2m"), tooLong ? "give a time limit such as 15s or 2m"
            : "write a whole number more than zero followed by ms, s, m or h");
        return otherwise;
      }
    }

    /** A reference to a secret: {env: NAME}, {file: PATH} or {prompt: true}; never a secret as text. */
    SecretRef secret(String key, String what) {
      Node v = value(key);
      if (v == null) {
        return null;
      }
      if (v instanceof Scalar s) {
        if (s.text() != null) {
          secrets.add(s.text());
        }
        add(v, "'" + name(key) + "' holds a password as text: a password must not be written in the profile",
            "use " + SECRET_FORMS + ", and treat the password as exposed if this file was shared");
        return null;
      }
      if (!(v instanceof Mapping m)) {
        add(v, "'" + name(key) + "' must be a mapping such as {env: NAME}, not " + v.kind(), "use " + SECRET_FORMS);
        return null;
      }
      Section ref = new Section(name(key), m, m.line(), m.column());
      String env = ref.text("env");
      Path path = ref.path("file");
      Boolean prompt = ref.flag("prompt");
      List<String> given = new ArrayList<>();
      for (String k : SECRET) {
        if (ref.has(k)) {
          given.add(k);
        }
      }
      if (given.isEmpty()) {
        if (ref.unknownKeys) {
          return null; // already reported, with the keys it may have meant
        }
        add(v, "'" + name(key) + "' names no source for " + what, "use " + SECRET_FORMS);
        return null;
      }
      if (given.size() > 1) {
        add(v, "'" + name(key) + "' names several sources (" + String.join(", ", given) + ")",
            "keep exactly one of env:, file: or prompt:");
        return null;
      }
      if (Boolean.FALSE.equals(prompt)) {
        ref.problemAt("prompt", "'" + name(key) + ".prompt' is false, so nothing gives " + what,
            "write 'prompt: true', use {env: NAME} or {file: PATH}, or remove '" + key + ":'");
        return null;
      }
      if (env == null && path == null && prompt == null) {
        return null; // its value had a problem, already reported
      }
      return new SecretRef(env, path, Boolean.TRUE.equals(prompt));
    }

    void missing(String key, String fix) {
      if (broken) {
        return;
      }
      problems.add(new Problem(shown, line, column, "'" + name(key) + "' is missing", fix));
    }

    void problemAt(String key, String message, String fix) {
      Entry e = entries.get(key);
      problems.add(new Problem(shown, e.line(), e.column(), message, fix));
    }
  }

  /**
   * Reports unknown and repeated keys of {@code mapping}, and keeps the first of each known key.
   *
   * @return whether there were unknown keys
   */
  private boolean check(String path, Mapping mapping, Map<String, Entry> entries) {
    boolean unknown = false;
    String section = path.contains(".") ? "secret" : path;
    List<String> known = SECTIONS.get(section);
    Map<String, Entry> seen = new LinkedHashMap<>();
    for (Entry e : mapping.entries()) {
      String where = path.isEmpty() ? "" : " in '" + path + "'";
      Entry first = seen.putIfAbsent(e.key(), e);
      if (first != null) {
        problems.add(new Problem(shown, e.line(), e.column(),
            "'" + e.key() + "' is given twice" + where + " (first on line " + first.line() + ")", "keep one"));
        continue;
      }
      if (known.contains(e.key())) {
        entries.put(e.key(), e);
        continue;
      }
      if ("secret".equals(section) && e.value() instanceof Scalar s && s.text() != null) {
        secrets.add(s.text());
      }
      problems.add(new Problem(shown, e.line(), e.column(), "unknown key '" + e.key() + "'" + where,
          unknownKeyFix(e.key(), section, known)));
      unknown = true;
    }
    return unknown;
  }

  private static String unknownKeyFix(String key, String section, List<String> known) {
    String near = Similar.nearest(key, known);
    if (near != null) {
      return "did you mean '" + near + "'?";
    }
    if ("secret".equals(section)) {
      return "a secret comes from exactly one of env:, file: or prompt:";
    }
    List<String> homes = new ArrayList<>();
    for (Map.Entry<String, List<String>> s : SECTIONS.entrySet()) {
      if (!s.getKey().equals("secret") && !s.getKey().equals(section) && s.getValue().contains(key)) {
        homes.add(s.getKey().isEmpty() ? "at the top level" : "under '" + s.getKey() + ":'");
      }
    }
    if (!homes.isEmpty()) {
      return "'" + key + "' belongs " + String.join(" or ", homes);
    }
    return "known keys here are " + String.join(", ", known) + DOCS;
  }
  private Path resolve(String text, Node at, String name) {
    try {
      Path p = Path.of(text);
      return base == null || p.isAbsolute() ? p : base.resolve(p);
    } catch (InvalidPathException e) {
      add(at, "'" + name + "' is not a valid path: " + e.getReason(), "write the path of an existing file");
      return null;
    }
  }

  private void add(Node at, String message, String fix) {
    problems.add(new Problem(shown, at.line(), at.column(), message, fix));
  }

  private static String describe(Node v) {
    return v instanceof Scalar s ? "'" + s.text() + "'" : v.kind();
  }

  // ---- keeping secrets out of messages ----------------------------------------------------

  private void rememberSecretLookingLines(String text) {
    for (String line : text.split("\r?\n|\r")) {
      Matcher m = SECRETISH.matcher(line);
      if (!m.matches()) {
        continue;
      }
      String value = m.group(1).strip();
      if (value.isEmpty() || value.startsWith("{") || value.startsWith("#")) {
        continue;
      }
      secrets.add(value);
      int comment = value.indexOf(" #");
      String bare = (comment >= 0 ? value.substring(0, comment) : value).strip();
      secrets.add(bare);
      if (bare.length() >= 2 && (bare.startsWith("\"") || bare.startsWith("'"))) {
        secrets.add(bare.substring(1, bare.endsWith(bare.substring(0, 1)) ? bare.length() - 1 : bare.length()));
      }
    }
  }

  private List<Problem> scrubbed() {
    List<String> longestFirst = secrets.stream().filter(s -> s.strip().length() >= 3)
        .sorted(Comparator.comparingInt(String::length).reversed()).collect(Collectors.toList());
    List<Problem> out = new ArrayList<>();
    for (Problem p : problems) {
      // Only messages quote what the file says; fixes are spdoctor's own words (scrubbing them could garble them).
      out.add(new Problem(p.file(), p.line(), p.column(), scrub(p.message(), longestFirst), p.fix()));
    }
    out.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    return out;
  }

  private static String scrub(String s, List<String> secrets) {
    String out = s;
    for (String secret : secrets) {
      out = out.replace(secret, "***");
    }
    return out;
  }

  /** SnakeYAML's message without locations and quoted source lines (which may hold a secret). */
  private static String yamlProblem(String s) {
    String m = Similar.yamlMessage(s);
    return m.isEmpty() ? "syntax error" : m;
  }

  private static Map<String, List<String>> sections() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("", TOP);
    m.put("sharepoint", SHAREPOINT);
    m.put("certificate", CERTIFICATE);
    m.put("legacy-auth", LEGACY);
    m.put("endpoints", ENDPOINTS);
    m.put("network", NETWORK);
    m.put("secret", SECRET);
    return m;
  }
}
