package dev.spdoctor.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;

/**
 * The rules compiled at build time into Drools' executable model. Building the {@link KieBase}
 * straight from the generated model classes skips the class-path container's scanning, which is
 * most of Drools' start-up cost.
 */
public final class RuleBase {
  /** Written by kie-maven-plugin: the generated model classes, one per DRL package. */
  static final String MODEL_INDEX = "/META-INF/kie/dev.spdoctor/spdoctor/drools-model";

  private RuleBase() {}

  /** The rules bundled in the jar. */
  public static KieBase bundled() {
    return KieBaseBuilder.createKieBaseFromModel(models());
  }

  /** Instances of the generated model classes listed in the model index. */
  static List<Model> models() {
    try (InputStream in = RuleBase.class.getResourceAsStream(MODEL_INDEX)) {
      if (in == null) {
        throw new IllegalStateException(
            "the compiled rules (" + MODEL_INDEX + ") are missing from the jar; rebuild with mvn package");
      }
      List<Model> models = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String name = line.strip();
        if (name.isEmpty() || name.contains(":")) {
          continue; // the version header, e.g. Drools-Model-Version:10.2.0
        }
        models.add((Model) Class.forName(name).getDeclaredConstructor().newInstance());
      }
      return models;
    } catch (IOException | ReflectiveOperationException e) {
      throw new IllegalStateException("cannot load the compiled rules: " + e, e);
    }
  }
}
