package org.camelkmp.component.kmp;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The rule that spans modules, checked where all three are on the classpath: the core, the
 * simulator (here in test scope) and the component. Which module may use which is kept by the build
 * (each module's compile classpath, and the enforcer's bans on Camel and Jackson in the core and
 * the simulator, and on the simulator in the component); what the build cannot see is a cycle
 * between packages that runs through several modules' classes.
 */
class ModuleArchitectureTest {
  private final JavaClasses all =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.camelkmp");

  @Test
  void theCoreTheSimulatorAndTheComponentAreAllChecked() {
    assertThat(all.containPackage("org.camelkmp.kmp.client")).isTrue();
    assertThat(all.containPackage("org.camelkmp.kmp.simulator")).isTrue();
    assertThat(all.containPackage("org.camelkmp.component.kmp")).isTrue();
  }

  @Test
  void packagesHaveNoCyclesAcrossModules() {
    slices().matching("org.camelkmp.(**)").should().beFreeOfCycles().check(all);
  }
}
