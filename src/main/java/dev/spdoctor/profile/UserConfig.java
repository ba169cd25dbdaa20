package dev.spdoctor.profile;

import dev.spdoctor.yaml.YamlTree;
import dev.spdoctor.yaml.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.spdoctor.yaml.YamlTree.Entry;
import dev.spdoctor.yaml.YamlTree.Mapping;
import dev.spdoctor.yaml.YamlTree.Scalar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The user's defaults: {@code config.yaml} in {@code $XDG_CONFIG_HOME/spdoctor/} (by default
 * {@code ~/.config/spdoctor/}; {@code %APPDATA%\spdoctor\} on Windows), or the file
 * {@code --config} names. Read as strictly as a profile: an unknown key, a value that is not one
 * of those allowed, or anything that is not a flat mapping is a problem with its line, never
 * ignored. Options on the command line win over it.
 *
 * @param file the file read, or null when there is none
 * @param values the settings, by key (only keys in {@link #KEYS})
 */
public record UserConfig(Path file, Map<String, String> values) {
  /**
   * The keys a configuration file may hold, with the values each accepts ({@code profile}: a path;
   * {@code client}: the client ids the knowledge base lists, given to {@link #load}).
   */
  public static final Map<String, List<String>> KEYS = keys();

  private static Map<String, List<String>> keys() {
    Map<String, List<String>> k = new LinkedHashMap<>();
    k.put("format", List.of("text", "json", "markdown"));
    k.put("color", List.of("auto", "always", "never"));
    k.put("client", List.of());
    k.put("profile", List.of());
    return java.util.Collections.unmodifiableMap(k);
  }

  /** No configuration. */
  public static final UserConfig NONE = new UserConfig(null, Map.of());

  public UserConfig {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** Where the configuration file is looked for when {@code --config} is not given. */
  public static Path defaultLocation(Map<String, String> env, String osName, String home) {
    if (osName.startsWith("Windows") && env.get("APPDATA") != null && !env.get("APPDATA").isBlank()) {
      return Path.of(env.get("APPDATA"), "spdoctor", "config.yaml");
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "spdoctor", "config.yaml");
    }
    return Path.of(home, ".config", "spdoctor", "config.yaml");
  }

  /**
   * Reads {@code file}. A missing file is no configuration when {@code required} is false (the
   * default location), and a problem when it is true (named with --config).
   *
   * @param clients the ids {@code client:} may take (knowledge-base/tables/clients.yaml), asked only when it is given
   * @throws ProfileException listing every problem, each with its line
   */
  public static UserConfig load(Path file, boolean required,
      java.util.function.Supplier<? extends java.util.Collection<String>> clients) {
    String shown = file.toString();
    String text;
    try {
      if (Files.isDirectory(file)) {
        throw new ProfileException(List.of(new Problem(shown, 0, 0, "is a folder",
            "give the configuration file itself, e.g. " + file.resolve("config.yaml"))));
      }
      byte[] bytes;
      try {
        bytes = dev.spdoctor.io.BoundedFiles.read(file, 64 * 1024);
      } catch (dev.spdoctor.io.BoundedFiles.TooLargeException e) {
        throw new ProfileException(List.of(new Problem(shown, 0, 0, "is larger than 64 KiB",
            "a configuration file holds a few lines: format, color, client, profile")));
      } catch (dev.spdoctor.io.BoundedFiles.NotAFileException e) {
        throw new ProfileException(List.of(new Problem(shown, 0, 0, "cannot be read: " + e.getMessage(),
            "give the configuration file itself")));
      }
      text = new String(bytes, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      if (!required) {
        return NONE;
      }
      throw new ProfileException(List.of(new Problem(shown, 0, 0, "does not exist",
          "check the path given to --config")));
    } catch (IOException e) {
      throw new ProfileException(List.of(new Problem(shown, 0, 0, "cannot be read: " + e.getClass().getSimpleName(),
          "check that it is a readable text file")));
    }
    List<Problem> problems = new ArrayList<>();
    Map<String, String> values = new LinkedHashMap<>();
    YamlTree.Document doc;
    try {
      doc = YamlTree.parse(text);
    } catch (JsonProcessingException e) {
      throw new ProfileException(List.of(new Problem(shown, YamlTree.line(e.getLocation()),
          YamlTree.column(e.getLocation()), "not valid YAML: " + e.getOriginalMessage().split("\n")[0],
          "fix the YAML syntax (indentation, a missing ':' or an unclosed quote)")));
    } catch (IOException e) {
      throw new ProfileException(List.of(new Problem(shown, 0, 0, "cannot be read", "check the file")));
    }
    if (doc.root() == null || doc.root() instanceof Scalar s && s.isNull()) {
      return new UserConfig(file, Map.of());
    }
    if (doc.moreDocuments() > 0) {
      problems.add(new Problem(shown, 1, 1, "holds more than one YAML document", "keep one mapping of keys"));
    }
    if (!(doc.root() instanceof Mapping root)) {
      throw new ProfileException(List.of(new Problem(shown, doc.root().line(), doc.root().column(),
          "a configuration file is a mapping of keys, not " + doc.root().kind(), "write lines such as: format: json")));
    }
    for (Entry e : root.entries()) {
      List<String> allowed = "client".equals(e.key()) ? List.copyOf(clients.get()) : KEYS.get(e.key());
      boolean path = "profile".equals(e.key());
      if (allowed == null) {
        String near = dev.spdoctor.text.Similar.nearest(e.key(), List.copyOf(KEYS.keySet()));
        problems.add(new Problem(shown, e.line(), e.column(), "unknown key '" + e.key() + "'",
            (near != null ? "did you mean '" + near + "'? " : "") + "known keys are " + String.join(", ", KEYS.keySet())));
        continue;
      }
      if (values.containsKey(e.key())) {
        problems.add(new Problem(shown, e.line(), e.column(), "'" + e.key() + "' is given twice", "keep one"));
        continue;
      }
      if (!(e.value() instanceof Scalar s) || s.isNull() || s.text().isBlank()) {
        problems.add(new Problem(shown, e.value().line(), e.value().column(), "'" + e.key() + "' needs a value,"
            + " not " + e.value().kind(), path ? "give a path" : "give one of " + String.join(", ", allowed)));
        continue;
      }
      String v = s.text().strip();
      if (!path) {
        String lower = v.toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) {
          String near = dev.spdoctor.text.Similar.nearest(v, allowed);
          problems.add(new Problem(shown, s.line(), s.column(), "'" + e.key() + "' cannot be '" + v + "'",
              (near != null ? "did you mean '" + near + "'? " : "") + "give one of " + String.join(", ", allowed)));
          continue;
        }
        v = lower;
      } else {
        Path p = Path.of(v.startsWith("~/") ? System.getProperty("user.home") + v.substring(1) : v);
        v = (p.isAbsolute() ? p : file.toAbsolutePath().getParent().resolve(p)).normalize().toString();
      }
      values.put(e.key(), v);
    }
    if (!problems.isEmpty()) {
      throw new ProfileException(problems);
    }
    return new UserConfig(file, values);
  }

  /** The setting for {@code key}, or null. */
  public String get(String key) {
    return values.get(key);
  }
}
