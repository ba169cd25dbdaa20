package dev.spdoctor.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets come from the environment, a file or a prompt; failures say where they looked, never what they found. */
class SecretsTest {
  @TempDir Path tmp;

  private final Secrets secrets = new Secrets(Map.of("CERT_PW", "s3cret", "EMPTY", "")::get);

  @Test
  void anEnvironmentVariableIsReadThroughTheInjectedLookup() {
    assertThat(secrets.read(new SecretRef("CERT_PW", null, false), "the certificate's password"))
        .containsExactly('s', '3', 'c', 'r', 'e', 't');
    assertThat(secrets.read(new SecretRef("EMPTY", null, false), "x")).isEmpty();
  }

  @Test
  void aMissingEnvironmentVariableIsNamed() {
    assertThatThrownBy(() -> secrets.read(new SecretRef("NOT_SET_PW", null, false), "the certificate's password"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the certificate's password is to come from the environment variable NOT_SET_PW,"
            + " which is not set");
  }

  @Test
  void aFileLosesOneTrailingLineBreak() throws Exception {
    assertThat(fromFile("pw\n")).isEqualTo("pw");
    assertThat(fromFile("pw\r\n")).isEqualTo("pw");
    assertThat(fromFile("pw")).isEqualTo("pw");
    assertThat(fromFile("pw\n\n")).isEqualTo("pw\n");
    assertThat(fromFile(" p w \n")).isEqualTo(" p w ");
    assertThat(fromFile("\uFEFFpässword\n")).isEqualTo("pässword");
    assertThat(fromFile("")).isEmpty();
  }

  @Test
  void aMissingFileIsNamed() {
    Path file = tmp.resolve("nope.txt");
    assertThatThrownBy(() -> secrets.read(new SecretRef(null, file, false), "the proxy password"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the proxy password is to come from the file " + file + ", which does not exist");
  }

  @Test
  void aFileThatIsNotUtf8IsRefusedWithoutShowingIt() throws Exception {
    Path file = tmp.resolve("latin1.txt");
    Files.write(file, "h\u00e9nter2".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> secrets.read(new SecretRef(null, file, false), "the proxy password"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageEndingWith("which is not UTF-8 text")
        .hasMessageNotContaining("nter2");
  }

  @Test
  void aPromptWithoutAConsoleSaysToUseEnvOrFile() {
    Secrets noConsole = new Secrets(name -> null, () -> null);
    assertThatThrownBy(() -> noConsole.read(new SecretRef(null, null, true), "the legacy account's password"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no terminal")
        .hasMessageContaining("{env: NAME} or {file: PATH}");
  }

  private String fromFile(String content) throws Exception {
    Path file = Files.writeString(tmp.resolve("pw.txt"), content);
    return new String(secrets.read(new SecretRef(null, file, false), "the password"));
  }
}
