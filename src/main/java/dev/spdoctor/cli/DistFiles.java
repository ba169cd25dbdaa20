package dev.spdoctor.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Writes the generated files of the release archive at build time: the launchers (the templates
 * in src/dist/bin with the JVM options of src/dist/jvm.options written in), bash (and zsh)
 * completion by picocli's AutoComplete, PowerShell completion, and the man page, all from the
 * command tree itself.
 *
 * <p>Usage: {@code DistFiles SRC-DIST OUT-DIR VERSION}; writes {@code bin/spdoctor},
 * {@code bin/spdoctor.cmd}, {@code bin/spdoctor.ps1}, {@code completion/spdoctor.bash},
 * {@code completion/spdoctor.zsh}, {@code completion/spdoctor.ps1} and {@code man/man1/spdoctor.1}.
 */
public final class DistFiles {
  private DistFiles() {}

  /** The launchers, by file name under bin/. */
  static final List<String> LAUNCHERS = List.of("spdoctor", "spdoctor.cmd", "spdoctor.ps1");

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: DistFiles SRC-DIST OUT-DIR VERSION");
    }
    Path src = Path.of(args[0]);
    Path out = Path.of(args[1]);
    String version = args[2];
    List<String> options = jvmOptions(src.resolve("jvm.options"));
    List<String> scan = jvmOptions(src.resolve("jvm.options"), "scan");
    for (String name : LAUNCHERS) {
      Path file = out.resolve("bin").resolve(name);
      write(file, launcher(name, Files.readString(src.resolve("bin").resolve(name), StandardCharsets.UTF_8), options,
          version).replace("@JVM_OPTIONS_SCAN@", name.endsWith(".ps1") ? psList(scan) : String.join(" ", scan)));
      if (!name.contains(".")) {
        file.toFile().setExecutable(true, false);
      }
    }
    CommandLine cmd = tree();
    write(out.resolve("completion/spdoctor.bash"), bash(cmd));
    write(out.resolve("completion/spdoctor.zsh"), zsh(cmd));
    write(out.resolve("completion/spdoctor.ps1"), powershell(cmd));
    write(out.resolve("man/man1/spdoctor.1"), man(cmd, version));
  }

  /** The options in {@code file} for every command: one a line, without comments and blank lines. */
  static List<String> jvmOptions(Path file) throws IOException {
    return jvmOptions(file, null);
  }

  /** The options in {@code file} for {@code command} only (lines {@code command: OPTION}), or for all when null. */
  static List<String> jvmOptions(Path file, String command) throws IOException {
    List<String> options = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String o = line.strip();
      if (o.isEmpty() || o.startsWith("#")) {
        continue;
      }
      boolean forCommand = o.matches("[a-z]+:\\s.*");
      if (forCommand != (command != null) || command != null && !o.startsWith(command + ":")) {
        continue;
      }
      if (command != null) {
        o = o.substring(command.length() + 1).strip();
      }
      if (!o.matches("-[A-Za-z0-9:+=._-]+")) {
        throw new IllegalArgumentException(file + ": '" + o + "' is not one plain JVM option (no spaces or quotes)");
      }
      options.add(o);
    }
    return options;
  }

  /** A launcher template with its options (in that launcher's syntax) and the version written in. */
  static String launcher(String name, String template, List<String> options, String version) {
    if (!template.contains("@JVM_OPTIONS@")) {
      throw new IllegalArgumentException(name + " has no @JVM_OPTIONS@ to write the options into");
    }
    String list = name.endsWith(".ps1") ? psList(options) : String.join(" ", options);
    String text = template.replace("@JVM_OPTIONS@", list).replace("@VERSION@", version);
    return name.endsWith(".cmd") ? text.replace("\r\n", "\n").replace("\n", "\r\n") : text;
  }

  /** The whole command tree, every subcommand built. */
  static CommandLine tree() {
    return Cli.commandLine(new ByteArrayInputStream(new byte[0]), null);
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** The bash completion script (picocli's; it also works in zsh after bashcompinit). */
  static String bash(CommandLine cmd) {
    return AutoComplete.bash("spdoctor", cmd);
  }

  /** The zsh completion: the bash script, loaded through zsh's bashcompinit. */
  static String zsh(CommandLine cmd) {
    return "# spdoctor completion for zsh: source this file from ~/.zshrc\n"
        + "autoload -U +X compinit && compinit\n"
        + "autoload -U +X bashcompinit && bashcompinit\n"
        + bash(cmd);
  }

  /** PowerShell completion: commands, options and option values, for spdoctor, spdoctor.cmd and spdoctor.ps1. */
  static String powershell(CommandLine cmd) {
    StringBuilder b = new StringBuilder();
    b.append("# spdoctor completion for PowerShell: dot-source this file from your $PROFILE\n");
    b.append("#   . \"C:\\path\\to\\spdoctor\\completion\\spdoctor.ps1\"\n");
    b.append("$spdoctorCommands = @{\n");
    List<CommandLine> all = new ArrayList<>();
    collect(cmd, all);
    for (CommandLine c : all) {
      String path = c.getCommandSpec().qualifiedName(" ");
      List<String> words = new ArrayList<>(c.getSubcommands().keySet());
      for (OptionSpec o : c.getCommandSpec().options()) {
        if (!o.hidden()) {
          words.addAll(List.of(o.names()));
        }
      }
      b.append("  '").append(ps(path)).append("' = @(").append(psList(words)).append(")\n");
    }
    b.append("}\n$spdoctorValues = @{\n");
    for (CommandLine c : all) {
      for (OptionSpec o : c.getCommandSpec().options()) {
        List<String> values = new ArrayList<>();
        if (o.completionCandidates() != null) {
          o.completionCandidates().forEach(values::add);
        }
        if (!values.isEmpty()) {
          b.append("  '").append(ps(c.getCommandSpec().qualifiedName(" ") + " " + o.longestName())).append("' = @(")
              .append(psList(values)).append(")\n");
        }
      }
    }
    b.append("}\n");
    b.append("""
        Register-ArgumentCompleter -Native -CommandName spdoctor, spdoctor.cmd, spdoctor.ps1 -ScriptBlock {
          param($wordToComplete, $commandAst, $cursorPosition)
          $words = @($commandAst.CommandElements | ForEach-Object { $_.ToString() })
          $path = 'spdoctor'
          $previous = $null
          for ($i = 1; $i -lt $words.Count; $i++) {
            if ($words[$i] -eq $wordToComplete -and $i -eq $words.Count - 1) { break }
            if ($spdoctorCommands.ContainsKey("$path $($words[$i])")) { $path = "$path $($words[$i])" }
            $previous = $words[$i]
          }
          $candidates = $null
          if ($previous -and $spdoctorValues.ContainsKey("$path $previous")) {
            $candidates = $spdoctorValues["$path $previous"]
          } else {
            $candidates = $spdoctorCommands[$path]
          }
          $candidates | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
            [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
          }
        }
        """);
    return b.toString();
  }

  private static void collect(CommandLine c, List<CommandLine> all) {
    all.add(c);
    for (Map.Entry<String, CommandLine> e : c.getSubcommands().entrySet()) {
      if (e.getValue().getCommandName().equals(e.getKey())) {
        collect(e.getValue(), all);
      }
    }
  }

  private static String ps(String s) {
    return s.replace("'", "''");
  }

  private static String psList(List<String> words) {
    List<String> quoted = new ArrayList<>();
    words.forEach(w -> quoted.add("'" + ps(w) + "'"));
    return String.join(", ", quoted);
  }

  /** The man page, in roff (man(7) macros). */
  static String man(CommandLine cmd, String version) {
    StringBuilder b = new StringBuilder();
    CommandSpec top = cmd.getCommandSpec();
    b.append(".TH SPDOCTOR 1 \"\" \"spdoctor ").append(roff(version)).append("\" \"User Commands\"\n");
    b.append(".SH NAME\nspdoctor \\- diagnose why an application cannot connect to SharePoint\n");
    b.append(".SH SYNOPSIS\n.B spdoctor\n.I COMMAND\n[\\fIOPTIONS\\fR]\n.br\n");
    b.append(".B spdoctor help\n[\\fICOMMAND\\fR]\n");
    b.append(".SH DESCRIPTION\n").append(roff(String.join(" ", top.usageMessage().description()))).append('\n');
    b.append(".PP\nWith no \\fB\\-\\-error\\fR or \\fB\\-\\-error\\-file\\fR and standard input not a terminal,"
        + " \\fBdiagnose\\fR reads the error text from standard input. \\fB\\-\\fR means standard input wherever"
        + " a file is read.\n");
    b.append(".SH COMMANDS\n");
    List<CommandLine> all = new ArrayList<>();
    collect(cmd, all);
    for (CommandLine c : all) {
      CommandSpec spec = c.getCommandSpec();
      if (c == cmd || spec.name().equals("help")) {
        continue;
      }
      b.append(".SS \"").append(roff(spec.qualifiedName(" "))).append("\"\n");
      b.append(roff(String.join(" ", spec.usageMessage().description()))).append('\n');
      String group = null;
      for (OptionSpec o : options(spec)) {
        String g = HelpLayout.group(o);
        if (!g.equals(group)) {
          b.append(".PP\n\\fI").append(roff(g)).append("\\fR\n");
          group = g;
        }
        b.append(".TP\n").append(optionHead(o)).append('\n');
        b.append(roff(String.join(" ", o.description()).replace("%%", "%"))).append('\n');
      }
    }
    b.append(".SH EXIT STATUS\n");
    for (ExitCodes.Code code : ExitCodes.ALL) {
      b.append(".TP\n.B ").append(code.value()).append('\n').append(roff(code.meaning().replace("`", ""))).append('\n');
    }
    b.append(".SH ENVIRONMENT\n");
    b.append(".TP\n.B JAVA_HOME\nThe Java runtime (17 or later) the launcher runs; else \\fBjava\\fR on the PATH.\n");
    b.append(".TP\n.B SPDOCTOR_JAVA_OPTS\nExtra JVM options, added last.\n");
    b.append(".TP\n.B NO_COLOR\nWhen set and not empty, text reports have no colour (unless \\-\\-color always).\n");
    b.append(".TP\n.B COLUMNS\nThe width to wrap text at, on a terminal.\n");
    b.append(".TP\n.B XDG_CONFIG_HOME\nWhere the configuration file is looked for"
        + " (\\fI$XDG_CONFIG_HOME/spdoctor/config.yaml\\fR, by default \\fI~/.config/spdoctor/config.yaml\\fR).\n");
    b.append(".SH SEE ALSO\nThe documents in the \\fIdocs/\\fR folder of the release: cli.md, profile.md, probes.md.\n");
    return b.toString();
  }

  private static List<OptionSpec> options(CommandSpec spec) {
    List<OptionSpec> list = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      if (!o.hidden()) {
        list.add(o);
      }
    }
    List<String> order = new ArrayList<>(List.of("Input", "Output", "Profile and probes", "Authoring", "General"));
    list.sort((a, c) -> Integer.compare(order.indexOf(HelpLayout.group(a)), order.indexOf(HelpLayout.group(c))));
    return list;
  }

  private static String optionHead(OptionSpec o) {
    List<String> names = new ArrayList<>();
    for (String n : o.names()) {
      names.add("\\fB" + roff(n) + "\\fR");
    }
    String head = String.join(", ", names);
    if (o.arity().max() > 0) {
      head += " \\fI" + roff(o.paramLabel()) + "\\fR";
    }
    return head;
  }

  /** Text made safe for roff: backslashes, hyphens, and a leading dot or quote. */
  static String roff(String s) {
    String t = s.replace("\\", "\\e").replace("-", "\\-");
    StringBuilder b = new StringBuilder();
    for (String line : t.split("\n", -1)) {
      if (line.startsWith(".") || line.startsWith("'")) {
        b.append("\\&");
      }
      b.append(line).append('\n');
    }
    return b.substring(0, b.length() - 1);
  }
}
