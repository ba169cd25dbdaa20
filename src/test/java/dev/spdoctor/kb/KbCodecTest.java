package dev.spdoctor.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KbCodecTest {
  @Test
  void theCompiledFormReadsBackEqualToTheYaml() throws IOException {
    KnowledgeBase yaml = KbLoader.load(Path.of("knowledge-base"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    KbCodec.write(yaml, bytes);
    assertThat(KbCodec.read(new ByteArrayInputStream(bytes.toByteArray()))).isEqualTo(yaml);
    assertThat(KnowledgeBase.bundled()).isEqualTo(yaml);
  }

  @Test
  void aForeignFileIsRefusedWithAFix() {
    assertThatThrownBy(() -> KbCodec.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})))
        .hasMessageContaining("rebuild with mvn package");
  }
}
