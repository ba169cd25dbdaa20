package dev.spdoctor.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.OptionSpec;

/**
 * How help looks: options grouped by purpose under headings, wrapped to the terminal's width,
 * and the exit codes in the footer generated from {@link ExitCodes}. Changes nothing in parsing.
 */
final class HelpLayout {
  /** Option groups, in the order shown; an option in none of them goes under "General". */
  private static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

  static {
    GROUPS.put("Input", List.of("--error", "--error-file", "--answer", "--deployment", "--as-of", "--answers",
        "--batch", "--transcript"));
    GROUPS.put("Output", List.of("--format", "--color", "--explain", "--quiet", "--unrecognised-out", "--config"));
    GROUPS.put("Profile and probes", List.of("--profile", "--live", "--offline", "--dry-run"));
    GROUPS.put("Authoring", List.of("--kb", "--why-not"));
  }

  /** Commands whose footer ends with the generated exit codes. */
  private static final List<String> FOOTERS = List.of("spdoctor", "diagnose", "guide", "probe", "scan");

  private HelpLayout() {}

  /** Applies the layout to {@code root} and every subcommand. */
  static void apply(CommandLine root) {
    int width = Math.max(55, Math.min(Terminals.reportColumns(), 120));
    apply(root, width);
  }

  private static void apply(CommandLine cmd, int width) {
    cmd.setUsageHelpWidth(width);
    cmd.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING, help -> "");
    cmd.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpLayout::optionList);
    String name = cmd.getCommandName();
    if (FOOTERS.contains(name)) {
      List<String> footer = new ArrayList<>();
      for (String line : cmd.getCommandSpec().usageMessage().footer()) {
        if (!line.startsWith("Exit codes:")) {
          footer.add(line);
        }
      }
      while (!footer.isEmpty() && footer.get(footer.size() - 1).isBlank()) {
        footer.remove(footer.size() - 1);
      }
      footer.add("");
      footer.add(ExitCodes.footer(name));
      cmd.getCommandSpec().usageMessage().footer(footer.toArray(String[]::new));
    }
    for (CommandLine sub : cmd.getSubcommands().values()) {
      apply(sub, width);
    }
  }

  /** The group heading for {@code option}. */
  static String group(OptionSpec option) {
    for (Map.Entry<String, List<String>> g : GROUPS.entrySet()) {
      if (g.getValue().contains(option.longestName())) {
        return g.getKey();
      }
    }
    return "General";
  }

  private static String optionList(Help help) {
    Map<String, List<OptionSpec>> byGroup = new LinkedHashMap<>();
    GROUPS.keySet().forEach(k -> byGroup.put(k, new ArrayList<>()));
    byGroup.put("General", new ArrayList<>());
    for (OptionSpec o : help.commandSpec().options()) {
      if (!o.hidden()) {
        byGroup.get(group(o)).add(o);
      }
    }
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, List<OptionSpec>> g : byGroup.entrySet()) {
      if (g.getValue().isEmpty()) {
        continue;
      }
      List<OptionSpec> options = new ArrayList<>(g.getValue());
      List<String> order = GROUPS.getOrDefault(g.getKey(), List.of());
      options.sort((a, c) -> Integer.compare(rank(order, a), rank(order, c)));
      String nl = System.lineSeparator();
      b.append(nl).append(g.getKey()).append(':').append(nl);
      b.append(help.optionListExcludingGroups(options, help.createDefaultLayout(), null, help.parameterLabelRenderer()));
    }
    return b.toString();
  }

  private static int rank(List<String> order, OptionSpec o) {
    int i = order.indexOf(o.longestName());
    return i >= 0 ? i : order.size() + (o.longestName().startsWith("--") ? 1 : 0);
  }
}
