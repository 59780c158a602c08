package org.camelkmp.component.kmp.jbang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.camel.main.KameletMain;
import org.apache.camel.main.download.DownloadListener;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a Camel JBang user does: a directory with a YAML route using {@code kmp:} and an {@code
 * application.properties} naming the component in {@code camel.jbang.dependencies}, run by
 * camel-kamelet-main as {@code camel run} runs it. The component is not on this test's classpath
 * (failsafe leaves it out): the run resolves it, with kmp-core, from a local Maven repository under
 * target that the build fills as {@code mvn install} fills a user's, and loads them. The route's
 * readings of a simulated meter arrive as files.
 */
class JBangStyleRunIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SERIAL = 2_718_281L;

  @TempDir Path project;

  @Test
  void aYamlRouteWithTheComponentAsDependencyReadsTheMeter() throws Exception {
    assertThatThrownBy(() -> Class.forName("org.camelkmp.component.kmp.KmpComponent"))
        .isInstanceOf(ClassNotFoundException.class);
    Path out = Files.createDirectory(project.resolve("out"));
    Path route = project.resolve("meter.camel.yaml");
    Files.writeString(
        route,
        """
        - route:
            id: meter
            from:
              uri: "kmp:socket://127.0.0.1:{{meter.port}}"
              parameters:
                registers: E1,V1,T1
                readSerialNumber: true
                initialDelay: 0
                delay: 100
                timeout: 500
              steps:
                - convertBodyTo:
                    type: String
                - to: "file:{{out.dir}}?fileName=${exchangeId}.json&tempFileName=${exchangeId}.part"
        """);
    try (MeterSimulator meter =
        MeterSimulator.builder()
            .meter(MeterConfig.builder().serialNumber(SERIAL).build())
            .tcpPort(0)
            .start()) {
      Path properties = project.resolve("application.properties");
      Files.writeString(
          properties,
          "camel.jbang.dependencies=org.camelkmp:camel-kmp:"
              + System.getProperty("kmp.version")
              + "\nmeter.port="
              + meter.tcpPort()
              + "\nout.dir="
              + out
              + "\n");

      List<String> downloaded = new CopyOnWriteArrayList<>();
      KameletMain main = camelRun(route, properties, downloaded);
      main.start();
      try {
        await().atMost(Duration.ofSeconds(30)).until(() -> files(out).size() >= 2);
        JsonNode reading = JSON.readTree(files(out).get(0).toFile());
        assertThat(reading.get("meterSerial").asLong()).isEqualTo(SERIAL);
        assertThat(reading.get("registers").findValuesAsText("name"))
            .containsExactly("E1", "V1", "T1");
        // the listener hears of the dependencies asked for; kmp-core comes with camel-kmp
        assertThat(downloaded).contains("org.camelkmp:camel-kmp");
        // loaded from the repository under target, not from a camel-kmp some build put in ~/.m2
        assertThat(
                main.getCamelContext()
                    .getComponent("kmp")
                    .getClass()
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .getPath())
            .startsWith(System.getProperty("jbang.local.repo"));
      } finally {
        main.stop();
      }
    }
  }

  /**
   * {@code camel run meter.camel.yaml application.properties}: camel-jbang hands the properties
   * file's entries, {@code camel.jbang.*} among them, to KameletMain as initial properties. Its
   * local repository is the one under target (failsafe sets {@code maven.repo.local}); Maven
   * Central is off and the machine's own local repository serves Camel's artifacts as a remote one,
   * so the run works offline and writes nothing outside target.
   */
  private static KameletMain camelRun(Path route, Path properties, List<String> downloaded)
      throws IOException {
    KameletMain main = new KameletMain("camel.jbang");
    main.setDownload(true);
    main.setMavenCentralEnabled(false);
    main.setRepositories("file://" + System.getProperty("maven.local.repo"));
    main.setDownloadListener(
        new DownloadListener() {
          @Override
          public void onDownloadDependency(String groupId, String artifactId, String version) {
            downloaded.add(groupId + ":" + artifactId);
          }

          @Override
          public void onAlreadyDownloadedDependency(
              String groupId, String artifactId, String version) {
            downloaded.add(groupId + ":" + artifactId);
          }
        });
    main.configure().withRoutesIncludePattern("file:" + route);
    Properties entries = new Properties();
    try (Reader in = Files.newBufferedReader(properties)) {
      entries.load(in);
    }
    entries.stringPropertyNames().forEach(k -> main.addInitialProperty(k, entries.getProperty(k)));
    return main;
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }
}
