package org.camelkmp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution zip as a user unpacks and runs it: {@code bin/kmp-tool} with its
 * class-data-sharing archive made on the first run and used by the next, and {@code java -jar
 * lib/kmp-tool.jar} beside it.
 */
class KmpToolDistributionIT {
  @TempDir Path dir;
  private Path home;
  private Path cache;

  record Run(int exitCode, String out) {}

  @BeforeEach
  void unpack() throws IOException {
    Path zip = Path.of(System.getProperty("kmpTool.dist", "target/kmp-tool-dist.zip"));
    assertThat(zip).as("the distribution, built by package").exists();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        Path target = dir.resolve("install").resolve(e.getName());
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    try (Stream<Path> tops = Files.list(dir.resolve("install"))) {
      home = tops.findFirst().orElseThrow();
    }
    assertThat(home.getFileName().toString()).matches("kmp-tool-[0-9].*");
    assertThat(home.resolve("lib/kmp-tool.jar")).exists();
    assertThat(home.resolve("bin/kmp-tool.cmd")).exists();
    assertThat(home.resolve("LICENSE")).exists();
    // the zip keeps the launcher's mode; ZipInputStream does not restore it
    assertThat(home.resolve("bin/kmp-tool").toFile().setExecutable(true)).isTrue();
    cache = dir.resolve("cache");
  }

  private Run launcher(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/kmp-tool").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove(KmpTool.DEVICE_VARIABLE);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("KMP_TOOL_CACHE", cache.toString());
    builder.environment().putAll(env);
    Process process = builder.start();
    String out;
    try (InputStream in = process.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), out);
  }

  private List<Path> archives() throws IOException {
    if (!Files.isDirectory(cache)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(cache)) {
      return files.toList();
    }
  }

  @Test
  void theLauncherReadsTheMeterAndMakesItsArchiveOnTheFirstRunThenUsesIt() throws Exception {
    try (MeterSimulator meter =
        MeterSimulator.builder()
            .meter(MeterConfig.builder().serialNumber(4_400_044L).build())
            .tcpPort(0)
            .start()) {
      String device = "socket://127.0.0.1:" + meter.tcpPort();

      Run first = launcher(Map.of(), "-d", device, "get-serial");
      assertThat(first.exitCode()).as(first.out()).isZero();
      assertThat(first.out()).contains("4400044");
      assertThat(archives())
          .singleElement()
          .satisfies(a -> assertThat(a.toString()).endsWith(".jsa"));

      // -Xshare:on makes the JVM refuse to start unless it maps the archive
      Run second =
          launcher(Map.of("JAVA_OPTS", "-Xshare:on"), "-d", device, "get-register", "-r", "E1,V1");
      assertThat(second.exitCode()).as(second.out()).isZero();
      assertThat(second.out()).contains("E1", "V1");
      assertThat(archives()).hasSize(1);
    }
  }

  @Test
  void theLaunchersExitStatusIsKmpToolsOnTheFirstRunAndAfter() throws Exception {
    Run first = launcher(Map.of(), "-d", "socket://127.0.0.1:1", "get-serial");
    Run second = launcher(Map.of(), "-d", "socket://127.0.0.1:1", "get-serial");
    Run without =
        launcher(Map.of("KMP_TOOL_CDS", "off"), "-d", "socket://127.0.0.1:1", "get-serial");

    assertThat(first.exitCode()).isEqualTo(ExitCodes.TRANSPORT);
    assertThat(second.exitCode()).isEqualTo(ExitCodes.TRANSPORT);
    assertThat(without.exitCode()).isEqualTo(ExitCodes.TRANSPORT);
    assertThat(second.out()).startsWith("kmp-tool: cannot connect to socket://127.0.0.1:1");
  }

  @Test
  void withoutAWritableCacheTheLauncherRunsWithoutAnArchive() throws Exception {
    Files.writeString(dir.resolve("not-a-directory"), "");
    cache = dir.resolve("not-a-directory").resolve("cache");

    Run run = launcher(Map.of(), "--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("kmp-tool ");
  }

  @Test
  void theJarInLibStillRunsWithJavaJar() throws Exception {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                home.resolve("lib/kmp-tool.jar").toString(),
                "--version")
            .redirectErrorStream(true)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(out).startsWith("kmp-tool ");
  }
}
