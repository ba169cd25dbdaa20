package dev.spdoctor.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.spdoctor.engine.Diagnosis;
import dev.spdoctor.io.SafeFiles;
import dev.spdoctor.text.Redactor;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Appends texts that led to no cause to a JSON Lines file, as candidates for knowledge-base authors. */
final class UnrecognisedLog {
  private UnrecognisedLog() {}

  static void append(Path file, List<String> texts, Diagnosis d) {
    StringWriter line = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(line)) {
      g.writeStartObject();
      g.writeStringField("at", Instant.now().toString());
      g.writeArrayFieldStart("texts");
      for (String t : texts) {
        g.writeString(Redactor.redact(t));
      }
      g.writeEndArray();
      g.writeArrayFieldStart("codes");
      for (Diagnosis.FoundCode c : d.codes()) {
        g.writeString(c.code());
      }
      g.writeEndArray();
      g.writeObjectFieldStart("identifiers");
      for (Map.Entry<String, String> e : d.identifiers().entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    line.write('\n');
    // One write of the whole line, appended: concurrent runs never interleave half lines.
    SafeFiles.append(file, line.toString());
  }
}
