package dev.spdoctor.kb;

import java.io.Serializable;
import java.util.Map;

/**
 * An error code from a code table in {@code knowledge-base/tables/*-codes.yaml}.
 *
 * @param code the key it is found under: {@code AADSTS700016}, {@code accessDenied},
 *     {@code -2147024891}, {@code 0x80070005}, {@code x-ms-diagnostics:3000003}
 * @param family the table it belongs to: {@code aadsts}, {@code graph}, {@code sharepoint},
 *     {@code hresult}, {@code idcrl}, {@code x-ms-diagnostics} or {@code msdavext}
 * @param name its short name
 * @param meaning one line on what it means, in our own words
 * @param signature the signature whose message this code stands for when the code is found without
 *     a recognised message around it (the signature's rules then apply), or null
 * @param causes causes the code alone points at, with the confidence of that evidence (may be empty)
 * @param wrapper whether the code is an outer wrapper that yields to a more specific code after it
 * @param reference whether the code is listed in the family's public reference (false: seen in
 *     public pastes only, such as codes the reference dropped)
 */
public record ErrorCodeDef(String code, String family, String name, String meaning, String signature,
    Map<String, Double> causes, boolean wrapper, boolean reference) implements Serializable {
  public ErrorCodeDef {
    causes = causes == null ? Map.of() : Map.copyOf(causes);
  }

  /** A code with a name and meaning only. */
  public ErrorCodeDef(String code, String name, String meaning) {
    this(code, "aadsts", name, meaning, null, Map.of(), false, true);
  }

  /** The key for {@code raw} as written in a table of {@code family}. */
  public static String key(String family, String raw) {
    String r = raw.strip();
    return switch (family) {
      case "aadsts" -> "AADSTS" + r.replaceFirst("(?i)^AADSTS", "");
      case "hresult", "idcrl" -> "0x" + r.replaceFirst("^0[xX]", "").toUpperCase(java.util.Locale.ROOT);
      case "x-ms-diagnostics" -> "x-ms-diagnostics:" + r;
      case "msdavext" -> "X-MSDAVEXT_Error:" + r;
      default -> r;
    };
  }
}
