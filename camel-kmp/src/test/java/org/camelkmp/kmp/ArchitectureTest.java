package org.camelkmp.kmp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  private final JavaClasses core =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.camelkmp.kmp");

  @Test
  void protocolCoreDoesNotDependOnCamel() {
    noClasses()
        .that()
        .resideInAPackage("org.camelkmp.kmp..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.apache.camel..")
        .check(core);
  }

  @Test
  void protocolCoreDoesNotDependOnJackson() {
    noClasses()
        .that()
        .resideInAPackage("org.camelkmp.kmp..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.fasterxml.jackson..")
        .check(core);
  }

  @Test
  void lowerLayersDoNotKnowHigherOnes() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.camelkmp.kmp.frame..", "org.camelkmp.kmp.value..", "org.camelkmp.kmp.transport..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.camelkmp.kmp.message..",
            "org.camelkmp.kmp.client..",
            "org.camelkmp.kmp.simulator..")
        .check(core);
  }

  @Test
  void clientDoesNotDependOnSimulator() {
    noClasses()
        .that()
        .resideInAPackage("org.camelkmp.kmp.client..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.camelkmp.kmp.simulator..")
        .check(core);
  }
}
