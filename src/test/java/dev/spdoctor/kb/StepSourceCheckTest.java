package dev.spdoctor.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kb check reports a step without a source or a risk, and a menu path written into a step or a question. */
class StepSourceCheckTest {
  @TempDir
  Path dir;

  private Path kb(String step) throws IOException {
    Path root = dir.resolve("knowledge-base");
    Files.createDirectories(root.resolve("causes"));
    Files.createDirectories(root.resolve("signatures"));
    Files.createDirectories(root.resolve("questions"));
    Files.createDirectories(root.resolve("tables"));
    Files.writeString(root.resolve("tables/portal.yaml"), """
        paths:
          - id: entra-app-registrations
            center: Microsoft Entra admin center
            path: Entra ID > App registrations > All applications
            source: {url: https://learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent, checked: 2026-12-02}
        roles:
          - id: edit-app-registration
            roles: Application Administrator
            source: {url: https://learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent, checked: 2026-12-02}
        """);
    Files.writeString(root.resolve("causes/some-cause.yaml"), """
        id: some-cause
        title: Some cause
        deployment: [online]
        status: stable
        source: {article: troubleshooting, section: Somewhere}
        summary: One sentence.
        explanation: A paragraph.
        remediation:
        """ + step);
    return root;
  }

  @Test
  void aStepWithSourceRiskAndPlaceholdersLoads() throws IOException {
    KnowledgeBase loaded = KbLoader.load(kb("""
          - id: do-it
            text: Open {portal:entra-app-registrations} and select the app.
            role: edit-app-registration
            risk: none
            source: {url: https://learn.microsoft.com/x, checked: 2026-12-02}
        """));
    Step step = loaded.steps().get("do-it");
    assertThat(step.text()).isEqualTo("Open Entra ID > App registrations > All applications and select the app.");
    assertThat(step.role()).isEqualTo("Application Administrator");
    assertThat(step.source().describe()).isEqualTo("https://learn.microsoft.com/x (checked 2026-12-02)");
  }

  @Test
  void aStepWithoutSourceOrRiskIsReported() throws IOException {
    Path root = kb("""
          - id: do-it
            text: Do it.
        """);
    assertThatThrownBy(() -> KbLoader.load(root)).isInstanceOf(KbException.class)
        .hasMessageContaining("has no risk:").hasMessageContaining("has no source:");
  }

  @Test
  void aLiteralMenuPathOrAnUnknownIdIsReported() throws IOException {
    Path root = kb("""
          - id: do-it
            text: Open Identity > Applications > App registrations, then {portal:entra-app-registration}.
            role: Global Administrator
            risk: sometimes
            source: {url: http://example.com/x}
        """);
    assertThatThrownBy(() -> KbLoader.load(root)).isInstanceOf(KbException.class)
        .hasMessageContaining("writes the menu path")
        .hasMessageContaining("unknown admin-center path 'entra-app-registration'")
        .hasMessageContaining("did you mean 'entra-app-registrations'")
        .hasMessageContaining("which is not an id")
        .hasMessageContaining("risk 'sometimes'")
        .hasMessageContaining("not an https:// URL")
        .hasMessageContaining("no valid checked: date");
  }

  @Test
  void aQuestionHelpTakesItsPathsFromThePortalTable() throws IOException {
    Path root = withQuestion("""
        id: app-exists
        prompt: Does the app exist ({portal:entra-app-registrations})?
        type: yesno
        help: Look in {portal:entra-app-registrations}.
        """);
    Question question = KbLoader.load(root).questions().get("app-exists");
    assertThat(question.prompt()).isEqualTo("Does the app exist (Entra ID > App registrations > All applications)?");
    assertThat(question.help()).isEqualTo("Look in Entra ID > App registrations > All applications.");
  }

  @Test
  void aLiteralMenuPathOrAnUnknownIdInAQuestionIsReported() throws IOException {
    Path root = withQuestion("""
        id: app-exists
        prompt: Does the app exist in {portal:entra-app-registration}?
        type: yesno
        help: >-
          In the Entra admin center open Identity > Applications > App registrations.
        """);
    assertThatThrownBy(() -> KbLoader.load(root)).isInstanceOf(KbException.class)
        .hasMessageContaining("question 'app-exists' writes the menu path 'In the Entra admin center open Identity > A...'")
        .hasMessageContaining("into its help:")
        .hasMessageContaining("question 'app-exists' names the unknown admin-center path 'entra-app-registration'")
        .hasMessageContaining("questions/app-exists.yaml:4:")
        .hasMessageContaining("questions/app-exists.yaml:2:");
  }

  /** A knowledge base with one plain step and the question {@code app-exists} as written. */
  private Path withQuestion(String question) throws IOException {
    Path root = kb("""
          - id: do-it
            text: Do it.
            risk: none
            source: {url: https://learn.microsoft.com/x, checked: 2026-12-02}
        """);
    Files.writeString(root.resolve("questions/app-exists.yaml"), question);
    return root;
  }
}
