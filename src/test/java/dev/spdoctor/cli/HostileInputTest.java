package dev.spdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.text.PlantedSecrets;
import dev.spdoctor.text.PlantedSecrets.Planted;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input suite (issue 12): hundreds of bad, adversarial or secret-laden inputs across
 * every command, run in-process through the same terminal-safe, checked streams as the real
 * command. Each asserts the exit code, the message, no stack trace or library internals, no raw
 * control character on either stream, no planted secret in any output or file written, no file
 * replaced through a link or onto a device, and no temporary file left behind.
 */
class HostileInputTest {
  @TempDir static Path dir;
  static final String TENANT = "AADSTS90002: Tenant 'fabrikam.onmicrosoft.com' not found.";

  /** One hostile run and what it must do. */
  record Case(String name, List<String> args, byte[] stdin, int exit, String message, List<String> secrets,
      Consumer<Run> also, String stdoutFails) {
    Case(String name, List<String> args, byte[] stdin, int exit, String message, List<String> secrets,
        Consumer<Run> also) {
      this(name, args, stdin, exit, message, secrets, also, null);
    }

    Case expect(String m) {
      return new Case(name, args, stdin, exit, m, secrets, also, stdoutFails);
    }

    Case then(Consumer<Run> check) {
      return new Case(name, args, stdin, exit, message, secrets, check, stdoutFails);
    }

    /** Standard output fails every write with an IOException saying {@code why} ("Broken pipe"). */
    Case stdoutFails(String why) {
      return new Case(name, args, stdin, exit, message, secrets, also, why);
    }
  }

  /** What a run printed. */
  record Run(int exit, String out, String err) {}

  static Case c(String name, int exit, String... args) {
    return new Case(name, List.of(args), new byte[0], exit, null, List.of(), r -> { });
  }

  static Case stdin(String name, int exit, byte[] in, String... args) {
    return new Case(name, List.of(args), in, exit, null, List.of(), r -> { });
  }

  static Case secret(String name, int exit, String secret, String... args) {
    return new Case(name, List.of(args), new byte[0], exit, null, List.of(secret), r -> { });
  }

  static Path write(String name, String content) {
    return write(name, content.getBytes(StandardCharsets.UTF_8));
  }

  static Path write(String name, byte[] content) {
    try {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      Files.write(p, content);
      return p;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String s(Path p) {
    return p.toString();
  }

  @BeforeAll
  static void files() throws IOException {
    write("victim.txt", "precious");
    Files.createSymbolicLink(dir.resolve("link-to-victim.json"), dir.resolve("victim.txt"));
    Files.createSymbolicLink(dir.resolve("dangling.json"), dir.resolve("nowhere/created-through-link.txt"));
    Files.createDirectories(dir.resolve("a-folder"));
    Path wc = dir.resolve("wc");
    Files.createDirectories(wc.resolve("knowledge-base/causes"));
    Files.createDirectories(wc.resolve("rules"));
    Files.createSymbolicLink(wc.resolve("knowledge-base/causes/linked-cause.yaml"), dir.resolve("victim.txt"));
    Path zeroRules = dir.resolve("wc-zero");
    Files.createDirectories(zeroRules.resolve("knowledge-base/causes"));
    Files.createDirectories(zeroRules.resolve("rules/x"));
    Files.createSymbolicLink(zeroRules.resolve("rules/x/zero.drl"), Path.of("/dev/zero"));
    Files.createSymbolicLink(zeroRules.resolve("knowledge-base/causes/zero.yaml"), Path.of("/dev/zero"));
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    secrets(cases);
    escapes(cases);
    writers(cases);
    reads(cases);
    exits(cases);
    decoding(cases);
    batchLines(cases);
    leftovers(cases);
    return cases;
  }

  /** Every planted secret, through every output format and every file spdoctor writes. */
  static void secrets(List<Case> cases) {
    int i = 0;
    for (Planted p : PlantedSecrets.ALL) {
      String text = p.text() + "\n" + TENANT;
      for (String format : List.of("text", "json", "markdown")) {
        cases.add(secret("secret " + p.name() + " as " + format, 0, p.secret(), "diagnose", "--as-of", "2026-06-01",
            "--color", "never", "--explain", "--format", format, "--error", text));
      }
      Path unrecognised = dir.resolve("unrecognised-" + i + ".jsonl");
      cases.add(new Case("secret " + p.name() + " in --unrecognised-out", List.of("diagnose", "--error", p.text(),
          "--unrecognised-out", s(unrecognised)), new byte[0], -1, null, List.of(p.secret()), r -> {
            if (r.exit() == 1) {
              assertThat(unrecognised).exists();
              assertThat(mode(unrecognised)).isEqualTo("rw-------");
            }
          }));
      Path transcript = dir.resolve("transcript-" + i + ".json");
      cases.add(new Case("secret " + p.name() + " in a transcript and its replay", List.of("guide", "--as-of",
          "2026-06-01", "--error", text, "--transcript", s(transcript)), new byte[0], -1, null, List.of(p.secret()), r -> {
            assertThat(transcript).exists();
            assertThat(mode(transcript)).isEqualTo("rw-------");
            Run replay = run(List.of("diagnose", "--transcript", s(transcript), "--format", "json"), new byte[0]);
            assertThat(replay.exit()).as(replay.err()).isIn(0, 1);
            assertThat(replay.out() + replay.err()).doesNotContain(p.secret());
          }));
      String line = "{\"id\":\"s" + i + "\",\"text\":" + json(text) + "}\n";
      cases.add(new Case("secret " + p.name() + " in a batch line", List.of("diagnose", "--batch", "-"),
          line.getBytes(StandardCharsets.UTF_8), 0, null, List.of(p.secret()), r -> { }));
      i++;
    }
  }

  static final List<String> ESCAPES = List.of("\u001b[2J", "\u001b]0;owned\u0007", "\u001b[1A\u001b[2K",
      "\u001b]8;;http://evil/\u001b\\link\u001b]8;;\u001b\\",
      "\u001b[31mred", "\u009b2J", "\r\u001b[Kfake line", "\u0008\u0008\u0008ok", "\u202eevil", "\u001bP+q\u001b\\",
          "\u0007bell", "\u0085next",
      "\u001b[1m", "\u001b[0m\u001b[2m");

  /** Escape sequences in a paste, a batch line, a file name and an answer: never raw on a terminal. */
  static void escapes(List<Case> cases) {
    int i = 0;
    for (String e : ESCAPES) {
      String text = TENANT + " " + e + " Trace ID: " + e + "1c7e9d3a-2b4f-4e6a-8c1d-9f0e2a3b4c5d";
      for (String format : List.of("text", "json", "markdown")) {
        cases.add(c("escape " + i + " in a paste as " + format, 0, "diagnose", "--as-of", "2026-06-01", "--color",
            "never", "--format", format, "--explain", "--error", text));
      }
      cases.add(c("escape " + i + " in an unknown paste", 1, "diagnose", "--color", "never", "--error",
          "AADSTS50034: unknown " + e + " correlationId: " + e));
      cases.add(stdin("escape " + i + " in a batch line", 0, ("{\"id\":\"" + e.replace("\\", "\\\\").replace("\u001b", "\\u001b")
          .replace("\u0007", "\\u0007").replace("\r", "\\r").replace("\u0008", "\\b") + "\",\"text\":" + json(text) + "}\n")
          .getBytes(StandardCharsets.UTF_8), "diagnose", "--batch", "-"));
      cases.add(c("escape " + i + " in an answer key", 2, "diagnose", "--error", TENANT, "--answer", "k" + e + "=yes"));
      cases.add(c("escape " + i + " in a file name", 3, "diagnose", "--error-file", s(dir.resolve("missing" + e + ".txt"))));
      cases.add(c("escape " + i + " in a date", 2, "diagnose", "--error", TENANT, "--as-of", "2026" + e));
      i++;
    }
  }

  /** Links, folders and devices as the target of every writer: refused, nothing replaced. */
  static void writers(List<Case> cases) {
    Consumer<Run> victimIntact = r -> {
      try {
        assertThat(Files.isSymbolicLink(dir.resolve("link-to-victim.json"))).isTrue();
        assertThat(Files.readString(dir.resolve("victim.txt"))).isEqualTo("precious");
        assertThat(Files.isSymbolicLink(dir.resolve("dangling.json"))).isTrue();
        assertThat(dir.resolve("nowhere")).doesNotExist();
        assertThat(Files.isDirectory(dir.resolve("a-folder"))).isTrue();
        assertThat(Files.isRegularFile(Path.of("/dev/null"), LinkOption.NOFOLLOW_LINKS)).isFalse();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    };
    for (String target : List.of("link-to-victim.json", "dangling.json", "a-folder", "/dev/null")) {
      Path t = target.startsWith("/") ? Path.of(target) : dir.resolve(target);
      String says = target.startsWith("/") ? "device or special file" : target.equals("a-folder") ? "is a folder"
          : "symbolic link";
      cases.add(c("--unrecognised-out to " + target, 73, "diagnose", "--error", "nothing known here",
          "--unrecognised-out", s(t)).expect(says).then(victimIntact));
      cases.add(c("guide --transcript to " + target, 73, "guide", "--error", TENANT, "--transcript", s(t))
          .expect(says).then(victimIntact));
    }
    cases.add(c("--unrecognised-out under a file", 73, "diagnose", "--error", "nothing known here",
        "--unrecognised-out", s(dir.resolve("victim.txt/x.jsonl"))).then(victimIntact));
    cases.add(c("guide --transcript under a file", 73, "guide", "--error", TENANT, "--transcript",
        s(dir.resolve("victim.txt/t.json"))).then(victimIntact));
  }

  /** Every file spdoctor reads: endless devices, folders, missing and oversized files. */
  static void reads(List<Case> cases) {
    Path huge = write("huge.txt", new byte[6 * 1024 * 1024 + 1]);
    String profileHead = "name: t\ndeployment: online\ncloud: global\nsharepoint:\n  url: https://contoso.sharepoint.com\n"
        + "registration: manual\nclient-id: 9d3e5f71-0a2b-4c6d-8e9f-a1b2c3d4e5f6\n"
        + "tenant-id: 3c8a7f12-6b4e-4d91-a0c5-e27f1b9d8a64\n";
    for (String bad : List.of("/dev/zero", s(dir.resolve("a-folder")), s(dir.resolve("missing.bin")), s(huge))) {
      String tag = bad.substring(bad.lastIndexOf('/') + 1);
      cases.add(c("--error-file " + tag, 3, "diagnose", "--error-file", bad));
      cases.add(c("--profile " + tag, 3, "diagnose", "--profile", bad));
      cases.add(c("--answers " + tag, 3, "guide", "--error", TENANT, "--answers", bad));
      cases.add(c("--transcript " + tag, 3, "diagnose", "--transcript", bad));
      cases.add(c("--batch " + tag, 3, "diagnose", "--batch", bad));
      cases.add(c("--config " + tag, 3, "diagnose", "--config", bad, "--error", TENANT));
      Path trust = write("trust-" + tag + ".yaml", profileHead + "network:\n  trust-store: " + bad + "\n");
      cases.add(c("trust store " + tag, 3, "probe", "--offline", "--profile", s(trust)));
      Path cert = write("cert-" + tag + ".yaml", profileHead + "certificate:\n  file: " + bad + "\n");
      cases.add(c("certificate " + tag, -1, "probe", "--offline", "--profile", s(cert)));
      Path secretFile = write("secretfile-" + tag + ".yaml", profileHead + "certificate:\n  file: " + s(dir.resolve("c.pfx"))
          + "\n  password: {file: " + bad + "}\n");
      cases.add(c("secret file " + tag, -1, "probe", "--offline", "--profile", s(secretFile)));
    }
    cases.add(c("--kb folder without a knowledge base", 3, "diagnose", "--kb", s(dir.resolve("a-folder")), "--error", TENANT));
  }

  static void exits(List<Case> cases) {
    cases.add(c("--batch FOLDER", 3, "diagnose", "--batch", s(dir)).expect("folder"));
    cases.add(c("--transcript MISSING", 3, "diagnose", "--transcript", s(dir.resolve("missing.json"))).expect("no such file"));
    String profileHead = "name: t\ndeployment: online\ncloud: global\nsharepoint:\n  url: https://contoso.sharepoint.com\n"
        + "registration: manual\nclient-id: 9d3e5f71-0a2b-4c6d-8e9f-a1b2c3d4e5f6\n"
        + "tenant-id: 3c8a7f12-6b4e-4d91-a0c5-e27f1b9d8a64\n";
    for (String t : List.of("9999999h", "999999999m", "999999999s", "25h")) {
      cases.add(c("profile timeout " + t, 3, "diagnose", "--profile", s(write("timeout-" + t + ".yaml", profileHead
          + "network:\n  timeout: " + t + "\n")), "--dry-run").expect("longer than a day"));
      cases.add(c("profile deadline " + t, 3, "probe", "--offline", "--profile", s(write("deadline-" + t + ".yaml",
          profileHead + "network:\n  deadline: " + t + "\n"))));
    }
    Path proxy = write("proxy.yaml", profileHead + "network:\n  proxy: http://proxy.contoso.local:8080\n  proxy-user: u\n"
        + "  proxy-password: {env: SPDOCTOR_TEST_UNSET_PROXY_PASSWORD}\n");
    cases.add(c("--dry-run needs no proxy password", 0, "diagnose", "--profile", s(proxy), "--dry-run"));
    cases.add(c("probe --dry-run needs no proxy password", 0, "probe", "--profile", s(proxy), "--dry-run"));
    cases.add(c("probe --offline needs no proxy password", 0, "probe", "--profile", s(proxy), "--offline"));
    for (String asOf : List.of("not-a-date", "2026-02-30", "-2026-01-01", "+999999999-12-31", "1999-12-31", "2101-01-01",
        "99999-01-01", "2026-1-1", "", "2026-13-01")) {
      String json = "{\"schemaVersion\":1,\"asOf\":" + json(asOf) + ",\"texts\":[" + json(TENANT)
          + "],\"given\":{},\"turns\":[]}";
      cases.add(c("transcript asOf " + asOf, 3, "diagnose", "--transcript", s(write("asof-" + cases.size() + ".json", json))));
      cases.add(c("--as-of " + asOf, 2, "diagnose", "--error", TENANT, "--as-of", asOf));
    }
    String good = "\"asOf\":\"2026-06-01\",\"given\":{},\"turns\":[]";
    cases.add(c("transcript with a NUL", 3, "diagnose", "--transcript", s(write("nul.json", "{" + good
        + ",\"texts\":[\"a\\u0000b\"]}")))
        .expect("NUL"));
    cases.add(c("transcript with a blank text", 3, "diagnose", "--transcript", s(write("blank.json", "{" + good
        + ",\"texts\":[\"  \"]}"))));
    StringBuilder many = new StringBuilder("{" + good + ",\"texts\":[");
    for (int k = 0; k < 1000; k++) {
      many.append(k == 0 ? "" : ",").append("\"x\"");
    }
    cases.add(c("transcript with 1000 texts", 3, "diagnose", "--transcript", s(write("many.json", many + "]}"))));
    cases.add(c("transcript with a 6 MiB text", 3, "diagnose", "--transcript", s(write("long.json", "{" + good + ",\"texts\":[\""
        + "a".repeat(6 * 1024 * 1024) + "\"]}"))));
    for (String probe : List.of("{\"probe\":\"nonsense\",\"outcome\":\"collected\",\"values\":{}}",
        "{\"probe\":\"token\",\"outcome\":\"passed\",\"values\":{}}",
        "{\"probe\":\"token\",\"outcome\":\"collected\",\"values\":{\"admin\":\"yes\"}}",
        "{\"probe\":\"token\",\"outcome\":\"collected\",\"values\":{\"acquired\":{\"deep\":1}}}")) {
      cases.add(c("forged probe " + probe, 3, "diagnose", "--transcript", s(write("probe-" + cases.size() + ".json", "{" + good
          + ",\"texts\":[" + json(TENANT) + "],\"probes\":[" + probe + "]}"))));
    }
    cases.add(c("transcript not JSON", 3, "diagnose", "--transcript", s(write("notjson.json", "{\"asOf\": [1,"))));
    cases.add(c("transcript with unknown fact", 3, "diagnose", "--transcript", s(write("fact.json", "{\"asOf\":\"2026-06-01\","
        + "\"texts\":[" + json(TENANT) + "],\"given\":{\"no-such-question\":\"yes\"},\"turns\":[]}"))));
    // answers files
    String[][] answers = {
        {"unknown key", "app-registraton-exists: \"no\"\n", "did you mean 'app-registration-exists'"},
        {"alias", "deployment: &x online\napp-registration-exists: *x\n", "YAML a"},
        {"undefined alias", "app-registration-exists: *x\n", null},
        {"anchor", "app-registration-exists: &x \"no\"\n", "anchor"},
        {"tag", "app-registration-exists: !!python/object \"no\"\n", "tag"},
        {"nested", "app-registration-exists:\n  deep: yes\n", "map"},
        {"list", "app-registration-exists: [yes, no]\n", "list"},
        {"duplicate", "app-registration-exists: \"no\"\napp-registration-exists: \"yes\"\n", null},
        {"not a map", "- a\n- b\n", "not a map"},
        {"empty value", "app-registration-exists:\n", "empty"},
        {"two documents", "app-registration-exists: \"no\"\n---\nx: y\n", null},
        {"long value", "app-registration-exists: \"" + "n".repeat(5000) + "\"\n", "longer than"},
        {"big file", "app-registration-exists: \"" + "n".repeat(100_000) + "\"\n", "larger than"},
        {"bad yaml", "app-registration-exists: [\n", null},
        {"bad yaml 2", "app-registration-exists: \"no\n", "not valid YAML"},
        {"NUL", "app-registration-exists: \"no\u0000\"\n", "NUL"},
        {"empty file", "", "empty"},
        {"bad value", "app-registration-exists: maybe\n", "yes or no"}};
    for (String[] a : answers) {
      Case k = c("--answers " + a[0], 3, "guide", "--error", "AADSTS700016: Application with identifier"
          + " 'd2f4e6a8-1b3c-4d5e-9f70-81a2b3c4d5e6' was not found in the directory 'contoso.onmicrosoft.com'.",
          "--answers", s(write("answers-" + cases.size() + ".yaml", a[1])));
      cases.add(a[2] == null ? k : k.expect(a[2]));
    }
    cases.add(c("conflicting --answer", 2, "diagnose", "--error", TENANT, "--answer", "app-registration-exists=no",
        "--answer", "app-registration-exists=yes").expect("contradict"));
    cases.add(c("repeated equal --answer", 0, "diagnose", "--error", TENANT, "--answer", "app-registration-exists=no",
        "--answer", "app-registration-exists=no"));
    cases.add(c("--answer without =", 2, "diagnose", "--error", TENANT, "--answer", "app-registration-exists"));
    for (String option : List.of("--transcript", "--unrecognised-out", "--why-not")) {
      cases.add(c("--batch with " + option, 2, "diagnose", "--batch", "-", option, "x").expect("drop " + option));
    }
    cases.add(c("--transcript with --answer", 2, "diagnose", "--transcript", s(dir.resolve("t.json")), "--answer", "a=b"));
    Path plan = write("dry-run-profile.yaml", "name: t\ndeployment: online\nsharepoint:\n  url: https://contoso.sharepoint.com\n"
        + "client-id: 9d3e5f71-0a2b-4c6d-8e9f-a1b2c3d4e5f6\ntenant-id: 3c8a7f12-6b4e-4d91-a0c5-e27f1b9d8a64\n");
    for (String[] extra : new String[][] {{"--error", TENANT}, {"--explain"}, {"--unrecognised-out", s(dir.resolve("u.jsonl"))},
        {"--answer", "app-registration-exists=no"}, {"--as-of", "2026-06-01"}}) {
      List<String> args = new java.util.ArrayList<>(List.of("diagnose", "--profile", s(plan), "--dry-run"));
      args.addAll(List.of(extra));
      cases.add(c("diagnose --dry-run with " + extra[0], 2, args.toArray(String[]::new)).expect("drop " + extra[0]));
    }
    for (String[] extra : new String[][] {{"--error", TENANT}, {"--answers", s(dir.resolve("a.yaml"))},
        {"--transcript", s(dir.resolve("dry.json"))}}) {
      List<String> args = new java.util.ArrayList<>(List.of("guide", "--profile", s(plan), "--dry-run"));
      args.addAll(List.of(extra));
      cases.add(c("guide --dry-run with " + extra[0], 2, args.toArray(String[]::new)).expect("drop " + extra[0]));
    }
    cases.add(c("--transcript that looks like UTF-32", 3, "diagnose", "--transcript",
        s(write("utf32.json", new byte[] {0, 0, 0, '{', 0, 0}))).expect("not JSON text in UTF-8"));
    cases.add(c("--transcript with --as-of", 2, "diagnose", "--transcript", s(dir.resolve("t.json")), "--as-of", "2026-06-01"));
    Path wc = dir.resolve("wc");
    cases.add(c("kb new with a 5,000-character id", 2, "kb", "new", "a".repeat(5000), "--kb", s(wc)).expect("at most"));
    cases.add(c("kb new over a link", 3, "kb", "new", "linked-cause", "--kb", s(wc)).expect("already exists"));
    cases.add(c("kb new", 0, "kb", "new", "fresh-cause", "--kb", s(wc)).then(r -> {
      assertThat(mode(wc.resolve("knowledge-base/causes/fresh-cause.yaml"))).isEqualTo("rw-------");
      assertThat(wc.resolve("rules/custom/fresh-cause.drl")).exists();
    }));
    cases.add(c("kb new with a bad domain", 2, "kb", "new", "other-cause", "--domain", "../../etc", "--kb", s(wc)));
    Path zeroRules = dir.resolve("wc-zero");
    for (String tool : List.of("check", "test", "coverage", "docs")) {
      cases.add(c("kb " + tool + " over /dev/zero rules", -1, "kb", tool, "--kb", s(zeroRules)));
    }
    cases.add(c("diagnose --kb over /dev/zero rules", -1, "diagnose", "--kb", s(zeroRules), "--error", TENANT));
    for (String[] f : new String[][] {{"cases: 5\n", null}, {"cases:\n  - nme: x\n    text: a\n", "unknown key"},
        {"cases:\n  - name: x\n    text: [1]\n", null}, {"just a string\n", null}, {"- 1\n", null}, {"cases: [\n", null},
        {"", null}}) {
      Case k = c("kb test with fixture " + f[0].strip(), 3, "kb", "test", s(write("fixture-" + cases.size() + ".yaml", f[0])));
      cases.add(f[1] == null ? k : k.expect(f[1]));
    }
    cases.add(c("kb test --filter that selects nothing", 2, "kb", "test", "--filter", "no-such-cause-or-rule",
        "fixtures/generic/http-401.yaml").expect("selects no case"));
  }

  static void decoding(List<Case> cases) {
    byte[] log = (TENANT + "\n").repeat(2000).getBytes(StandardCharsets.ISO_8859_1);
    byte[] stray = log.clone();
    stray[10] = (byte) 0xe9;
    stray[5000] = (byte) 0x92;
    cases.add(stdin("a few stray Windows-1252 bytes", 0, stray, "diagnose", "--error-file", "-").then(r ->
        assertThat(r.err()).contains("warning").contains("Windows-1252")));
    cases.add(c("a stray byte in a file", 0, "diagnose", "--error-file", s(write("stray.log", stray))));
    byte[] latin = "Mot de passe incorrect pour l'accès: échec répété à é à è ù ç".getBytes(StandardCharsets.ISO_8859_1);
    cases.add(stdin("mostly Windows-1252", 3, latin, "diagnose", "--error-file", "-").expect("iconv"));
    byte[] binary = new byte[4096];
    new java.util.Random(12).nextBytes(binary);
    binary[7] = 0;
    cases.add(stdin("binary", 3, binary, "diagnose", "--error-file", "-").expect("binary"));
    byte[] noNul = binary.clone();
    for (int k = 0; k < noNul.length; k++) {
      noNul[k] = (byte) (noNul[k] | 0x80);
    }
    cases.add(stdin("high bytes, no NUL", 3, noNul, "diagnose", "--error-file", "-"));
    cases.add(stdin("UTF-16 without BOM", 3, TENANT.getBytes(StandardCharsets.UTF_16LE), "diagnose", "--error-file", "-"));
  }

  static void batchLines(List<Case> cases) {
    List<String> lines = List.of("{\"text\":\"a\",\"text\":\"" + TENANT + "\"}", "[1,2]", "\"text\"", "null", "{}",
        "{\"text\":null}", "{\"text\":42}", "{\"text\":\"\"}", "{\"text\":\"a\\u0000b\"}", "{\"text\":\"x\",\"answers\":[1]}",
        "{\"text\":\"x\",\"answers\":{\"nope\":\"yes\"}}", "{\"text\":\"x\",\"deployment\":\"moon\"}",
        "{\"text\":\"x\",\"deployment\":\"online\",\"answers\":{\"deployment\":\"onprem\"}}", "{\"text\":\"x\"",
            "{\"text\":\"\\ud800\"}",
        "{\"text\":\"x\",\"id\":{\"a\":1}}", "{" + "\"a\":{".repeat(2000) + "}".repeat(2000) + "}", "{\"text\":\""
            + "\\u001b".repeat(10) + "\"}",
        "\u00ef\u00bb\u00bf{\"text\":\"x\"}", "{\"text\":\"x\",\"answers\":{\"app-registration-exists\":{\"a\":1}}}");
    List<String> fine = List.of("{\"text\":\"\\ud800\"}", "{\"text\":\"x\",\"id\":{\"a\":1}}",
        "{\"text\":\"" + "\\u001b".repeat(10) + "\"}");
    for (String line : lines) {
      cases.add(stdin("batch line " + line.substring(0, Math.min(40, line.length())), fine.contains(line) ? 0 : 3,
          (line + "\n{\"id\":\"ok\",\"text\":" + json(TENANT) + "}\n").getBytes(StandardCharsets.UTF_8), "diagnose",
              "--batch", "-")
          .then(r -> assertThat(r.out()).contains("\"id\":\"ok\"").contains("tenant-not-found")));
    }
    cases.add(stdin("batch line too long", 3, ("{\"text\":\"" + "a".repeat(33 * 1024 * 1024)
        + "\"}\n").getBytes(StandardCharsets.UTF_8),
        "diagnose", "--batch", "-").then(r -> assertThat(r.out()).contains("longer than")));
  }

  /**
   * The last of issue 12: a closed pipe is quiet, a too-long batch text says which line, the limit
   * and how to split, picocli's messages end with a full stop, and output paths are refused before
   * any work.
   */
  static void leftovers(List<Case> cases) {
    Path batch = write("pipe.jsonl", ("{\"id\":\"p\",\"text\":" + json(TENANT) + "}\n").repeat(50));
    Consumer<Run> quiet = r -> assertThat(r.err()).as("nothing said about a pipe its reader closed").isEmpty();
    for (String[] args : new String[][] {{"diagnose", "--error", TENANT}, {"diagnose", "--batch", s(batch)},
        {"diagnose", "--error", TENANT, "--format", "json", "--explain"}, {"kb", "patterns"}, {"--help"},
        {"guide", "--error", TENANT, "--answers", s(write("pipe-answers.yaml", "app-registration-exists: \"no\"\n"))}}) {
      String name = String.join(" ", args).replace(s(dir), "DIR");
      cases.add(c("closed pipe: " + name, 141, args).stdoutFails("Broken pipe").then(quiet));
      cases.add(c("full disk: " + name, 74, args).stdoutFails("No space left on device")
          .expect("could not write to standard output"));
    }
    cases.add(stdin("batch text over the parser's own limit", 3, ("{\"id\":\"long\",\"text\":\"" + "x".repeat(21_000_000)
        + "\"}\n{\"id\":\"ok\",\"text\":" + json(TENANT) + "}\n").getBytes(StandardCharsets.UTF_8), "diagnose", "--batch",
        "-").expect("the first failure, line 1: \"text\" is 21,000,000 characters long").then(r -> assertThat(r.out())
        .contains("\"id\":\"long\"").contains("at most 5,242,880 characters").contains("split the text over several lines")
        .contains("\"id\":\"ok\"")));
    cases.add(c("unknown option", 2, "diagnose", "--bogus").expect("Unknown option: '--bogus'.\n"));
    cases.add(c("bad option value", 2, "diagnose", "--format", "xml", "--error", TENANT).expect("but was 'xml'.\n"));
    cases.add(c("missing option value", 2, "diagnose", "--error").expect(".\n"));
    Consumer<Run> nothingDone = r -> {
      assertThat(r.out()).as("nothing asked or reported before the refusal").isEmpty();
      assertThat(dir.resolve("victim.txt")).hasContent("precious");
    };
    Path answers = write("early-answers.yaml", "app-registration-exists: \"no\"\n");
    String e700016 = "AADSTS700016: Application with identifier 'd2f4e6a8-1b3c-4d5e-9f70-81a2b3c4d5e6' was not found"
        + " in the directory 'contoso.onmicrosoft.com'.";
    for (String target : List.of("link-to-victim.json", "dangling.json", "a-folder", "victim.txt/under.json")) {
      String says = target.equals("a-folder") ? "is a folder" : target.startsWith("victim") ? "cannot write"
          : "symbolic link";
      cases.add(c("guide --transcript to " + target + " refused before the interview", 73, "guide", "--error", e700016,
          "--answers", s(answers), "--transcript", s(dir.resolve(target))).expect(says).then(nothingDone));
      cases.add(stdin("guide --transcript to " + target + " refused before the first question", 73,
          "no\nno\nno\n".getBytes(StandardCharsets.UTF_8), "guide", "--error", e700016, "--transcript",
          s(dir.resolve(target))).expect(says).then(nothingDone));
      cases.add(c("--unrecognised-out to " + target + " refused before the diagnosis", 73, "diagnose", "--error",
          "nothing known here", "--unrecognised-out", s(dir.resolve(target))).expect(says).then(nothingDone));
    }
  }

  static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      if (ch == '"' || ch == '\\') {
        b.append('\\').append(ch);
      } else if (ch < 0x20 || (ch >= 0x7f && ch <= 0x9f) || (ch >= 0x2000 && ch <= 0x206f)) {
        b.append(String.format("\\u%04x", (int) ch));
      } else {
        b.append(ch);
      }
    }
    return b.append('"').toString();
  }

  static String mode(Path p) {
    try {
      return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Run run(List<String> args, byte[] stdin) {
    return run(args, stdin, null);
  }

  static Run run(List<String> args, byte[] stdin, String stdoutFails) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    picocli.CommandLine cmd = Cli.commandLine(new ByteArrayInputStream(stdin), args.isEmpty() ? null : args.get(0));
    int code = CheckedStreams.execute(cmd, stdoutFails == null ? out : new Failing(stdoutFails), err,
        args.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  /** Standard output that refuses every write, as a closed pipe or a full disk does. */
  static final class Failing extends java.io.Writer {
    private final String why;

    Failing(String why) {
      this.why = why;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      throw new IOException(why);
    }

    @Override
    public void flush() throws IOException {
      throw new IOException(why);
    }

    @Override
    public void close() {}
  }

  @Test
  void theSuiteHoldsAtLeastFiveHundredInputs() {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(500);
  }

  @TestFactory
  Stream<DynamicTest> hostileInputs() {
    return cases().stream().map(k -> DynamicTest.dynamicTest(k.name(), () -> check(k)));
  }

  static void check(Case k) throws IOException {
    Run r = run(k.args(), k.stdin(), k.stdoutFails());
    String both = r.out() + r.err();
    if (k.exit() >= 0) {
      assertThat(r.exit()).as("exit code; stderr: " + r.err()).isEqualTo(k.exit());
    }
    assertThat(r.exit()).as("never an internal error: " + r.err()).isNotEqualTo(70);
    if (k.message() != null) {
      assertThat(r.err()).as("message").contains(k.message());
    }
    assertThat(r.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception:")
        .doesNotContain("com.fasterxml").doesNotContain("StreamReadConstraints").doesNotContain("$")
        .doesNotContain("Cannot deserialize").doesNotContain("Cannot construct").doesNotContain("JsonToken");
    for (int i = 0; i < both.length(); i++) {
      char ch = both.charAt(i);
      boolean control = (ch < 0x20 && ch != '\n' && ch != '\t') || (ch >= 0x7f && ch <= 0x9f) || (ch >= 0x202a && ch <= 0x202e);
      assertThat(control).as("raw control character U+%04X at %d in output", (int) ch, i).isFalse();
    }
    for (String secret : k.secrets()) {
      assertThat(both).as("secret in output").doesNotContain(secret);
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          if (Files.size(f) < 1_000_000) {
            assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as("secret in " + f).doesNotContain(secret);
          }
        }
      }
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(Path::toString).filter(n -> n.endsWith(".tmp")).toList()).as("temporary files left").isEmpty();
    }
    k.also().accept(r);
  }
}
