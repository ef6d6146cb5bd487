package io.analytics.gateway.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module layering (catalog <- engine <- iceberg <- gateway) and packages without cycles in every
 * module, so that each package can be read and changed on its own. The gateway's classpath holds the
 * other modules' main classes, so this one test checks them all.
 */
class ArchitectureTest {
  private static final java.util.regex.Pattern TEST_JAR = java.util.regex.Pattern.compile(".*-tests\\.jar.*");
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    // Under `mvn verify` the engine's test classes arrive as engine-*-tests.jar, which
    // DO_NOT_INCLUDE_TESTS (a test-classes folder pattern) does not recognise.
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.matches(TEST_JAR))
        .importPackages("io.analytics");
  }

  @Test
  void everyModuleIsImported() {
    for (String module : new String[] {"catalog", "engine", "gateway"}) {
      assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith("io.analytics." + module + ".")))
          .as("classes of module %s", module).isTrue();
    }
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("io.analytics.(*).(*)..").namingSlices("$1.$2").should().beFreeOfCycles().check(classes);
  }

  @Test
  void catalogDependsOnNeitherEngineNorGateway() {
    noClasses().that().resideInAPackage("io.analytics.catalog..")
        .should().dependOnClassesThat().resideInAnyPackage("io.analytics.engine..", "io.analytics.iceberg..", "io.analytics.gateway..")
        .check(classes);
  }

  @Test
  void engineDependsOnNeitherIcebergNorGateway() {
    noClasses().that().resideInAPackage("io.analytics.engine..")
        .should().dependOnClassesThat().resideInAnyPackage("io.analytics.iceberg..", "io.analytics.gateway..")
        .check(classes);
  }

  @Test
  void icebergDoesNotDependOnGateway() {
    noClasses().that().resideInAPackage("io.analytics.iceberg..")
        .should().dependOnClassesThat().resideInAPackage("io.analytics.gateway..")
        .check(classes);
  }
}
