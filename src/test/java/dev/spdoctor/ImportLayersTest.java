package dev.spdoctor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layering of the production code, written down once: a package may use its own tier and
 * the tiers below it, never one above, and no packages depend on each other in a circle. A new
 * package must be placed in a tier here (the test names it otherwise).
 */
class ImportLayersTest {
  /** Top to bottom. */
  static final List<List<String>> TIERS = List.of(
      List.of("dev.spdoctor", "dev.spdoctor.cli"),     // Main and the picocli commands
      List.of("dev.spdoctor.app"),                      // intake and use cases the commands call
      List.of("dev.spdoctor.guide", "dev.spdoctor.batch", "dev.spdoctor.scan"), // interview, batch, log scan
      List.of("dev.spdoctor.render"),                   // text, Markdown, JSON, probe and why-not printing
      List.of("dev.spdoctor.authoring"),                // kb check/test/docs/coverage/why-not, fixtures, rule source
      List.of("dev.spdoctor.engine"),                   // facts in, rule session, Diagnosis out
      List.of("dev.spdoctor.kb", "dev.spdoctor.probe"), // the knowledge base; live probes
      List.of("dev.spdoctor.probe.net", "dev.spdoctor.probe.cert"), // network plumbing; certificate files
      List.of("dev.spdoctor.profile"),                  // connection profiles, secrets, user config
      List.of("dev.spdoctor.facts", "dev.spdoctor.io", "dev.spdoctor.yaml"), // facts the rules reason over; files; strict YAML
      List.of("dev.spdoctor.text", "dev.spdoctor.input")); // text utilities; reading pasted input

  static JavaClasses production;

  @BeforeAll
  static void load() throws URISyntaxException {
    // the folder (or jar) Main was loaded from: production classes only, whatever the build tool
    Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    // only our own classes (not the thousands the rule compiler generates), and the libraries' classes
    // only by name: what a class depends on is read from its own class file
    ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
    production = new ClassFileImporter()
        .withImportOption(location -> location.contains("/dev/spdoctor/"))
        .importPath(classes);
  }

  @Test
  void everyPackageHasATier() {
    Set<String> placed = TIERS.stream().flatMap(List::stream).collect(Collectors.toSet());
    Set<String> unplaced = production.stream().map(JavaClass::getPackageName)
        .filter(p -> !placed.contains(p)).collect(Collectors.toCollection(TreeSet::new));
    assertThat(unplaced).as("packages in no tier of ImportLayersTest.TIERS: add each where it belongs").isEmpty();
  }

  @Test
  void noPackageUsesATierAboveIt() {
    for (int i = 1; i < TIERS.size(); i++) {
      String[] above = TIERS.subList(0, i).stream().flatMap(List::stream).toArray(String[]::new);
      noClasses().that().resideInAnyPackage(TIERS.get(i).toArray(String[]::new))
          .should().dependOnClassesThat().resideInAnyPackage(above)
          .because("a package uses only its own tier and the tiers below it (ImportLayersTest.TIERS)")
          .check(production);
    }
  }

  @Test
  void noPackagesDependOnEachOtherInACircle() {
    slices().matching("dev.spdoctor.(**)").should().beFreeOfCycles().check(production);
  }
}
