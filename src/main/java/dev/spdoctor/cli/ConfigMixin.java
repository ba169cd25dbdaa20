package dev.spdoctor.cli;

import dev.spdoctor.profile.ProfileException;
import dev.spdoctor.profile.UserConfig;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * {@code --config FILE}, and the defaults a configuration file gives (docs/cli.md): the report
 * format and colour, the client the steps are worded for (below a profile's client:), and the profile
 * that {@code probe} (and {@code --live} or {@code --dry-run}) use when no {@code --profile} is given.
 * What the command line says always wins.
 */
public final class ConfigMixin {
  @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "Defaults for format, color, client and profile (YAML). Default: $XDG_CONFIG_HOME/spdoctor/config.yaml"
          + " (%%APPDATA%%\\spdoctor\\config.yaml on Windows), when it exists.")
  Path config;

  /** Runs the parsed command with the configuration's defaults applied; a bad configuration exits with 3. */
  static int execute(ParseResult parsed) {
    CommandLine leaf = parsed.commandSpec().commandLine();
    ParseResult p = parsed;
    Path named = null;
    for (; p != null; p = p.subcommand()) {
      named = p.matchedOptionValue("--config", named);
      leaf = p.commandSpec().commandLine();
    }
    UserConfig config;
    try {
      java.util.function.Supplier<java.util.List<String>> clients = () -> dev.spdoctor.kb.KnowledgeBase.bundled()
          .clients().stream().map(dev.spdoctor.kb.ClientDef::id).toList();
      config = named != null ? UserConfig.load(named, true, clients)
          : UserConfig.load(UserConfig.defaultLocation(System.getenv(), System.getProperty("os.name", ""),
              System.getProperty("user.home", ".")), false, clients);
    } catch (ProfileException e) {
      leaf.getErr().println(leaf.getColorScheme().errorText("spdoctor: configuration: " + e.getMessage()));
      leaf.getErr().flush();
      return ExitCodes.BAD_INPUT;
    }
    ParseResult last = parsed;
    while (last.subcommand() != null) {
      last = last.subcommand();
    }
    apply(config, last);
    return new CommandLine.RunLast().execute(parsed);
  }

  private static void apply(UserConfig config, ParseResult last) {
    setIfUnset(last, "--format", config.get("format"));
    setIfUnset(last, "--color", config.get("color"));
    String profile = config.get("profile");
    boolean probes = "probe".equals(last.commandSpec().name()) || last.hasMatchedOption("--live")
        || last.hasMatchedOption("--dry-run");
    if (profile != null && probes) {
      setIfUnset(last, "--profile", profile);
    }
    // The client is a default below --client, --answer client= and the profile's client: (InputSpec.defaults).
    String client = config.get("client");
    if (client != null && last.commandSpec().mixins().get("input") != null
        && last.commandSpec().mixins().get("input").userObject() instanceof InputMixin input) {
      input.configDefaults = Map.of("client", client);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void setIfUnset(ParseResult last, String name, String value) {
    OptionSpec option = last.commandSpec().findOption(name);
    if (value == null || option == null || last.hasMatchedOption(name)) {
      return;
    }
    Class<?> type = option.type();
    if (type.isEnum()) {
      for (Object constant : type.getEnumConstants()) {
        if (((Enum<?>) constant).name().toLowerCase(Locale.ROOT).equals(value)) {
          option.setValue(constant);
        }
      }
    } else if (type == Path.class) {
      option.setValue(Path.of(value));
    }
  }
}
