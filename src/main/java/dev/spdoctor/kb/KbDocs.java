package dev.spdoctor.kb;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The shapes of the YAML files, as Jackson reads them; validated by {@link KbLoader}. */
final class KbDocs {
  private KbDocs() {}

  record SourceDoc(String article, String section) {}

  /** A public page and the day it was checked, or a seed article and section. */
  record RefDoc(String url, String checked, String article, String section) {}

  record StepDoc(
      String id,
      String text,
      String role,
      @JsonProperty("wait") String waitTime,
      String verify,
      Boolean deprecated,
      String history,
      String use,
      String risk,
      RefDoc source,
      List<VariantDoc> variants,
      List<String> needs) {}

  /** A step in some clients' words. */
  record VariantDoc(List<String> clients, String text, String verify) {}

  record CauseDoc(
      String id,
      String title,
      List<String> deployment,
      String status,
      SourceDoc source,
      String summary,
      String explanation,
      List<StepDoc> remediation,
      List<String> blocks) {}

  record SignatureDoc(
      String id,
      String message,
      SourceDoc source,
      List<String> deployment,
      List<String> patterns,
      List<String> examples,
      List<LocalizedDoc> localized) {}

  record LocalizedDoc(String language, String text, String source) {}

  record QuestionDoc(String id, String prompt, String type, List<String> choices, String help, String check,
      String effort, List<String> clients) {}

  record MilestoneDoc(String id, String date, String title, RefDoc source) {}

  record MilestonesDoc(List<MilestoneDoc> milestones) {}

  record CodeDoc(String code, String name, String meaning, String signature, java.util.Map<String, Double> causes,
      Boolean wrapper, Boolean reference) {}

  record CodesDoc(String family, String source, String lookup, List<CodeDoc> codes) {}

  record PortalPathDoc(String id, String center, String path, RefDoc source) {}

  record PortalRoleDoc(String id, String roles, RefDoc source) {}

  record PortalDoc(List<PortalPathDoc> paths, List<PortalRoleDoc> roles) {}

  record AppDoc(String id, @JsonProperty("app-id") String appId, String name, String note, RefDoc source) {}

  record AppsDoc(List<AppDoc> apps) {}

  record ClientDoc(String id, String name, String like, List<String> markers, List<String> examples,
      @JsonProperty("own-words") List<String> ownWords) {}

  record ClientsDoc(List<ClientDoc> clients) {}
}
