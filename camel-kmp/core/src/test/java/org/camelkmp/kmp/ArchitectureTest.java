package org.camelkmp.kmp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layers inside the protocol core. That the core uses no Camel and no Jackson is kept by the
 * build itself: neither is on its compile classpath, and the enforcer bans them from it.
 */
class ArchitectureTest {
  private final JavaClasses core =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.camelkmp.kmp");

  @Test
  void lowerLayersDoNotKnowHigherOnes() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.camelkmp.kmp.frame..", "org.camelkmp.kmp.value..", "org.camelkmp.kmp.transport..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.camelkmp.kmp.message..", "org.camelkmp.kmp.client..")
        .check(core);
  }

  @Test
  void messagesDoNotKnowTheClient() {
    noClasses()
        .that()
        .resideInAPackage("org.camelkmp.kmp.message..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.camelkmp.kmp.client..")
        .check(core);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("org.camelkmp.kmp.(*)..").should().beFreeOfCycles().check(core);
  }
}
