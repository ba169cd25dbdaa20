package dev.spdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.kb.ErrorCodeDef;
import dev.spdoctor.kb.KnowledgeBase;
import dev.spdoctor.render.TextRenderer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The code tables: every code of each reference, pasted alone, is named in the report. */
class CodeTablesTest {
  private static final Engine ENGINE = Engine.bundled();

  @Test
  void everyReferenceCodePastedAloneIsNamedInTheReport() {
    KnowledgeBase kb = ENGINE.knowledgeBase();
    List<ErrorCodeDef> reference = kb.codes().values().stream().filter(ErrorCodeDef::reference).toList();
    assertThat(reference.stream().filter(d -> d.family().equals("aadsts")).count())
        .as("AADSTS codes of the public reference in the table").isGreaterThanOrEqualTo(290);
    List<String> missing = new ArrayList<>();
    for (ErrorCodeDef def : reference) {
      String paste = def.code().replace(":", ": ");
      Diagnosis d = ENGINE.diagnose(new DiagnosisRequest(List.of(paste), Map.of(), LocalDate.of(2026, 6, 1)));
      StringWriter out = new StringWriter();
      new TextRenderer(false, false).render(d, new PrintWriter(out));
      boolean named = d.codes().stream().anyMatch(c -> c.code().equals(def.code()) && def.name().equals(c.name()));
      if (!named || !out.toString().contains(def.code().replaceFirst("^[A-Za-z_-]+:", ""))) {
        missing.add(def.family() + " " + def.code());
      }
    }
    assertThat(missing).as("codes not named in the report when pasted alone").isEmpty();
  }

  @Test
  void codesAreFoundInAnyCaseAndInTheirDecimalForm() {
    CodeFinder finder = new CodeFinder(ENGINE.knowledgeBase().codes());
    assertThat(finder.find("error aadsts700027: x").get(0).code()).isEqualTo("AADSTS700027");
    assertThat(finder.find("(Error code: -2147186655)").get(0).code()).isEqualTo("0x80048821");
    assertThat(finder.find("HRESULT: 0x80070005").get(0).family()).isEqualTo("hresult");
    assertThat(finder.find("\"error_codes\":[70002,50012]")).extracting(CodeFinder.Found::code)
        .containsExactly("AADSTS70002", "AADSTS50012");
    assertThat(finder.find("access denied to the account")).isEmpty();
  }
}
