package dev.spdoctor.profile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers a profile gives to the knowledge base's questions (knowledge-base/questions), so a
 * diagnosis does not ask for what the profile already says. Answers given on the command line
 * win over these.
 */
public final class ProfileAnswers {
  private ProfileAnswers() {}

  public static Map<String, String> of(Profile profile) {
    if (profile == null) {
      throw new NullPointerException("profile == null");
    }
    Map<String, String> answers = new LinkedHashMap<>();
    answers.put("deployment", profile.online() ? "online" : "onprem");
    if (profile.registration() != null) {
      answers.put("registration", profile.registration());
    }
    if (profile.legacyAuth() != null && profile.legacyAuth().enabled() != null) {
      answers.put("legacy-auth-enabled", profile.legacyAuth().enabled() ? "yes" : "no");
    }
    if ("enabled".equals(profile.mfa()) || "enabled".equals(profile.securityDefaults())) {
      answers.put("mfa-or-security-defaults", "yes");
    } else if ("disabled".equals(profile.mfa()) && "disabled".equals(profile.securityDefaults())) {
      answers.put("mfa-or-security-defaults", "no");
    }
    if (profile.online() && profile.certificate() != null
        && (profile.legacyAuth() == null || !Boolean.TRUE.equals(profile.legacyAuth().enabled()))) {
      answers.put("app-credential", "certificate");
    }
    if (profile.client() != null) {
      answers.put("client", profile.client());
    }
    return answers;
  }
}
