package org.camelkmp.examples.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The top-level README tells an integrator how to get the artifact until it is published: the
 * install command and the coordinates, with the version this build makes.
 */
class ReadmeCoordinatesTest {
  private static final Path ROOT = Path.of("../..");

  private static String projectVersion() throws Exception {
    Matcher version =
        Pattern.compile("<artifactId>camel-kmp-parent</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(Files.readString(ROOT.resolve("pom.xml")));
    assertThat(version.find()).as("the parent POM's version").isTrue();
    return version.group(1);
  }

  @Test
  void theReadmeGivesTheInstallCommandAndTheCoordinatesWithThisVersion() throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String version = projectVersion();

    assertThat(readme).contains("mvn -B -q install -DskipTests -pl camel-kmp/component -am");
    assertThat(readme)
        .contains(
            "<groupId>org.camelkmp</groupId>\n"
                + "  <artifactId>camel-kmp</artifactId>\n"
                + "  <version>"
                + version
                + "</version>")
        .contains("implementation(\"org.camelkmp:camel-kmp:" + version + "\")");
    // the coordinates name the module that command installs
    assertThat(Files.readString(ROOT.resolve("camel-kmp/component/pom.xml")))
        .contains("<artifactId>camel-kmp</artifactId>");
  }
}
