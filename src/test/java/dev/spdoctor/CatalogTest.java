package dev.spdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.authoring.CatalogWriter;
import dev.spdoctor.kb.KbLoader;
import dev.spdoctor.authoring.RuleSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/catalog.md is generated from the knowledge base and must not go stale. */
class CatalogTest {
  @Test
  void committedCatalogIsCurrent() throws IOException {
    String generated = CatalogWriter.write(KbLoader.load(Path.of("knowledge-base")),
        RuleSource.read(Path.of("rules")).rules());
    Path catalog = Path.of("docs/catalog.md");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(catalog, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(catalog, StandardCharsets.UTF_8))
        .as("docs/catalog.md is stale: regenerate with mvn -B test -Dtest=CatalogTest -Dgolden.update=true")
        .isEqualTo(generated);
  }
}
