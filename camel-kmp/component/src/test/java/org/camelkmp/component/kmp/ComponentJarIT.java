package org.camelkmp.component.kmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The component's jar as it is published: the component and its Camel metadata, nothing else. */
class ComponentJarIT {
  private static Path jar() {
    return Path.of(System.getProperty("component.jar", "target/camel-kmp.jar"));
  }

  private static List<String> entries() throws IOException {
    return entries(jar());
  }

  private static List<String> entries(Path jar) throws IOException {
    assertThat(jar).as("a jar built by package").exists();
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream().map(JarEntry::getName).toList();
    }
  }

  @Test
  void theJarHoldsTheComponentAndItsMetadataButNeitherCoreNorSimulator() throws IOException {
    List<String> entries = entries();
    assertThat(entries)
        .contains(
            "org/camelkmp/component/kmp/KmpComponent.class",
            "META-INF/services/org/apache/camel/component/kmp",
            "META-INF/org/camelkmp/component/kmp/kmp.json")
        .noneMatch(name -> name.startsWith("org/camelkmp/kmp/"));
  }

  @Test
  void sourcesAndJavadocJarsArePublishedBesideIt() throws IOException {
    String name = jar().getFileName().toString().replace(".jar", "");
    Path sources = jar().resolveSibling(name + "-sources.jar");
    Path javadoc = jar().resolveSibling(name + "-javadoc.jar");

    assertThat(entries(sources)).contains("org/camelkmp/component/kmp/KmpComponent.java");
    assertThat(entries(javadoc))
        .contains("org/camelkmp/component/kmp/KmpComponent.html", "index.html");
  }
}
