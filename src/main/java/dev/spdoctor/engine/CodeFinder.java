package dev.spdoctor.engine;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.spdoctor.kb.ErrorCodeDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the error codes of every family in normalised text (linear time, RE2J): AADSTS codes (any
 * case, also in an {@code error_codes} array), Graph codes, SharePoint error numbers, HRESULTs and
 * IDCRL codes in hexadecimal (or their signed decimal form), {@code x-ms-diagnostics} and
 * {@code X-MSDAVEXT_Error} header codes. A code is found whether or not a table knows it; the table
 * gives it a family, a name and what it points at.
 */
public final class CodeFinder {
  /** A code found in one text: its table key, family, and where. */
  public record Found(String family, String code, int start, int end) {}

  private static final Pattern AADSTS = Pattern.compile("(?i)\\bAADSTS[ _-]?([0-9]{4,8})\\b");
  private static final Pattern ERROR_CODES = Pattern.compile("[\"']error_codes[\"']\\s*:\\s*\\[\\s*([0-9][0-9,\\s]*)\\]");
  private static final Pattern GRAPH_JSON = Pattern.compile("\"code\"\\s*:\\s*\"([A-Za-z][A-Za-z_]{3,60})\"");
  private static final Pattern NUMBER = Pattern.compile("(?:^|[^0-9A-Za-z.+-])(-2[0-9]{9})\\b(, (?:System|Microsoft)\\.)?");
  private static final Pattern HEX = Pattern.compile("\\b0[xX]([0-9A-Fa-f]{8})\\b");
  private static final Pattern DIAGNOSTICS = Pattern.compile("(?i)x-ms-diagnostics[\"']?\\s*[:=]\\s*[\"']?([0-9]{6,7})");
  private static final Pattern DAV = Pattern.compile("(?i)X-MSDAVEXT_Error[\"']?\\s*[:=]\\s*[\"']?([0-9]{5,7})");

  private final Map<String, ErrorCodeDef> table;
  private final Pattern graphNames;
  /** Finds, in one pass and ignoring case, whether any Graph code name is in a text at all. */
  private final LiteralGate graphGate;

  public CodeFinder(Map<String, ErrorCodeDef> table) {
    this.table = table;
    String names = table.values().stream().filter(d -> d.family().equals("graph"))
        .map(d -> Pattern.quote(d.code())).sorted(Comparator.comparingInt(String::length).reversed())
        .collect(Collectors.joining("|"));
    this.graphNames = names.isEmpty() ? null : Pattern.compile("\\b(" + names + ")\\b");
    this.graphGate = names.isEmpty() ? null : new LiteralGate(table.values().stream()
        .filter(d -> d.family().equals("graph")).map(ErrorCodeDef::code).toList());
  }

  /** Every code in {@code text}, ordered by position; each code once (its first place). */
  public List<Found> find(String text) {
    List<Found> all = new ArrayList<>();
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.contains("aadsts")) {
      Matcher m = AADSTS.matcher(text);
      while (m.find()) {
        all.add(new Found("aadsts", "AADSTS" + m.group(1), m.start(), m.end()));
      }
    }
    if (text.contains("error_codes")) {
      Matcher m = ERROR_CODES.matcher(text);
      while (m.find()) {
        for (String n : m.group(1).split("[,\\s]+")) {
          if (!n.isEmpty()) {
            all.add(new Found("aadsts", "AADSTS" + n, m.start(1), m.end(1)));
          }
        }
      }
    }
    if (graphNames != null && !graphGate.collect(text).isEmpty()) { // the gate is never stricter than the pattern
      Matcher m = graphNames.matcher(text);
      while (m.find()) {
        all.add(new Found("graph", m.group(1), m.start(1), m.end(1)));
      }
    }
    if (text.contains("\"code\"")) {
      Matcher m = GRAPH_JSON.matcher(text);
      while (m.find()) {
        all.add(new Found("graph", m.group(1), m.start(1), m.end(1)));
      }
    }
    if (text.contains("-2")) {
      Matcher m = NUMBER.matcher(text);
      while (m.find()) {
        number(all, m.group(1), m.group(2) != null, m.start(1), m.end(1));
      }
    }
    if (lower.contains("0x")) {
      Matcher m = HEX.matcher(text);
      while (m.find()) {
        String key = "0x" + m.group(1).toUpperCase(Locale.ROOT);
        ErrorCodeDef def = table.get(key);
        if (def != null || key.startsWith("0x8")) {
          all.add(new Found(def != null ? def.family() : "hresult", key, m.start(), m.end()));
        }
      }
    }
    if (lower.contains("x-ms-diagnostics")) {
      Matcher m = DIAGNOSTICS.matcher(text);
      while (m.find()) {
        all.add(new Found("x-ms-diagnostics", ErrorCodeDef.key("x-ms-diagnostics", m.group(1)), m.start(), m.end()));
      }
    }
    if (lower.contains("x-msdavext_error")) {
      Matcher m = DAV.matcher(text);
      while (m.find()) {
        all.add(new Found("msdavext", ErrorCodeDef.key("msdavext", m.group(1)), m.start(), m.end()));
      }
    }
    all.sort(Comparator.comparingInt(Found::start));
    Set<String> seen = new HashSet<>();
    List<Found> kept = new ArrayList<>();
    for (Found f : all) {
      if (seen.add(f.code())) {
        kept.add(f);
      }
    }
    return kept;
  }

  /** A signed decimal code: a SharePoint error number, or the decimal form of a tabled HRESULT. */
  private void number(List<Found> all, String decimal, boolean typed, int start, int end) {
    ErrorCodeDef def = table.get(decimal);
    if (def != null) {
      all.add(new Found(def.family(), decimal, start, end));
      return;
    }
    String hex = "0x" + Integer.toHexString((int) Long.parseLong(decimal)).toUpperCase(Locale.ROOT);
    ErrorCodeDef asHex = table.get(hex);
    if (asHex != null) {
      all.add(new Found(asHex.family(), hex, start, end));
    } else if (typed) {
      all.add(new Found("sharepoint", decimal, start, end));
    }
  }
}
