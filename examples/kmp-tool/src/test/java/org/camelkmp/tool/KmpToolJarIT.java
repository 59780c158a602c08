package org.camelkmp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.junit.jupiter.api.Test;

/** Runs the shaded jar as users do: {@code java -jar kmp-tool.jar …} in its own process. */
class KmpToolJarIT {

  record Run(int exitCode, String out, String err) {}

  static Run java(String... args) throws IOException, InterruptedException {
    return javaWith(List.of(), args);
  }

  /** With options for the JVM before {@code -jar}, such as {@code -Duser.timezone=…}. */
  static Run javaWith(List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("kmpTool.jar", "target/kmp-tool.jar"));
    assertThat(jar).as("the shaded jar, built by package").exists();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    File out = File.createTempFile("kmp-tool", ".out");
    File err = File.createTempFile("kmp-tool", ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out).redirectError(err);
      builder.environment().remove(KmpTool.DEVICE_VARIABLE);
      Process process = builder.start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("kmp-tool did not finish within 60 s: " + command);
      }
      return new Run(
          process.exitValue(),
          Files.readString(out.toPath(), StandardCharsets.UTF_8),
          Files.readString(err.toPath(), StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out.toPath());
      Files.deleteIfExists(err.toPath());
    }
  }

  @Test
  void theShadedJarHoldsTheCoreAndTheSimulatorButNoCamel() throws IOException {
    Path jar = Path.of(System.getProperty("kmpTool.jar", "target/kmp-tool.jar"));
    List<String> classes;
    try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
      classes =
          file.stream()
              .map(java.util.jar.JarEntry::getName)
              .filter(name -> name.endsWith(".class"))
              .toList();
    }
    assertThat(classes)
        .contains(
            "org/camelkmp/kmp/client/KmpClient.class",
            "org/camelkmp/kmp/simulator/SimulatedMeter.class")
        .noneMatch(name -> name.startsWith("org/apache/camel/"))
        .noneMatch(name -> name.startsWith("org/camelkmp/component/"));
  }

  @Test
  void helpNamesTheCommandsAndExitCodes() throws Exception {
    Run run = java("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("Usage: kmp-tool")
        .contains("get-register", "get-serial", "get-type", "set-clock", "put-register")
        .contains("read-log", "get-event-status", "clear-event-status", "decode")
        .contains("Exit codes:");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void getRegisterJsonAgainstASimulator() throws Exception {
    MeterConfig config =
        MeterConfig.builder().register(60, new BigDecimal("1234.567"), 8).remove(68).build();
    try (MeterSimulator simulator = MeterSimulator.builder().meter(config).tcpPort(0).start()) {
      Run run =
          java(
              "-d",
              "socket://127.0.0.1:" + simulator.tcpPort(),
              "get-register",
              "--json",
              "-r",
              "E1,V1",
              "-r",
              "T1");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.err()).isEmpty();
      JsonNode json = ToolRunner.JSON.readTree(run.out());
      JsonNode e1 = json.get("registers").get(0);
      assertThat(e1.get("name").asText()).isEqualTo("E1");
      assertThat(e1.get("unit").asText()).isEqualTo("GJ");
      assertThat(e1.get("value").decimalValue()).isEqualTo(new BigDecimal("1234.567"));
      assertThat(json.get("registers").get(1).get("unit").asText()).isEqualTo("°C");
      assertThat(json.get("missing")).extracting(JsonNode::asInt).containsExactly(68);
      assertThat(json.get("requestCount").asInt()).isEqualTo(1);
    }
  }

  @Test
  void verboseLogsGoToStderrAndLeaveTheJsonOnStdoutAlone() throws Exception {
    try (MeterSimulator simulator = MeterSimulator.builder().tcpPort(0).start()) {
      String device = "socket://127.0.0.1:" + simulator.tcpPort();

      Run quiet = java("-d", device, "get-type", "--json");
      Run info = java("-v", "-d", device, "get-type", "--json");
      Run debug = java("-vv", "-d", device, "get-type", "--json");

      assertThat(quiet.err()).isEmpty();
      assertThat(info.err())
          .contains("INFO")
          .contains("get-type on " + device)
          .doesNotContain("->");
      assertThat(debug.err()).contains("-> 80 3F 01 05 8A 0D").contains("<- 40 3F 01");
      // every log record with its time, to the millisecond, with its offset
      for (Run run : List.of(info, debug)) {
        assertThat(run.err().lines().filter(l -> l.contains(" INFO ")).toList())
            .isNotEmpty()
            .allMatch(
                l ->
                    l.matches(
                        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO .*"),
                "starts with an ISO 8601 timestamp");
      }
      for (Run run : List.of(quiet, info, debug)) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ToolRunner.JSON.readTree(run.out()).get("revision").asText()).isEqualTo("F1");
      }
    }
  }

  @Test
  void sinceTakesAnInstantWithAZoneInThisComputersTimeZone() throws Exception {
    LocalDateTime meterTime = LocalDateTime.of(2026, 11, 23, 20, 2, 43);
    try (MeterSimulator simulator =
        MeterSimulator.builder()
            .clock(Clock.fixed(meterTime.toInstant(ZoneOffset.UTC), ZoneOffset.UTC))
            .tcpPort(0)
            .start()) {
      String device = "socket://127.0.0.1:" + simulator.tcpPort();
      String[] readLog = {
        "-d", device, "read-log", "--json", "-r", "CLOCK", "--count", "1", "--since", null
      };

      // 09:00 UTC is 10:00 in Copenhagen in November (CET, +01:00)
      readLog[readLog.length - 1] = "2026-11-23T09:00:00Z";
      Run zoned = javaWith(List.of("-Duser.timezone=Europe/Copenhagen"), readLog);
      readLog[readLog.length - 1] = "2026-11-23T10:00:00+01:00";
      Run offset = javaWith(List.of("-Duser.timezone=Europe/Copenhagen"), readLog);
      readLog[readLog.length - 1] = "2026-11-23T10:00:00";
      Run local = javaWith(List.of("-Duser.timezone=Europe/Copenhagen"), readLog);

      for (Run run : List.of(zoned, offset, local)) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode record = ToolRunner.JSON.readTree(run.out()).get("records").get(0);
        assertThat(record.get("registers").get(0).get("text").asText()).isEqualTo("10:00:00");
      }
    }
  }

  @Test
  void simulateRunsUntilStoppedAndAnswersTheTool() throws Exception {
    Path jar = Path.of(System.getProperty("kmpTool.jar", "target/kmp-tool.jar"));
    Process simulator =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "simulate",
                "--port",
                "0",
                "--serial-number",
                "31415")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(simulator.getInputStream(), StandardCharsets.UTF_8))) {
      String device = null;
      for (String line = out.readLine(); line != null && device == null; line = out.readLine()) {
        Matcher matcher = Pattern.compile("socket://\\S+").matcher(line);
        if (line.startsWith("listening on") && matcher.find()) {
          device = matcher.group();
        }
      }
      assertThat(device).as("the simulator says where it listens").isNotNull();

      Run run = java("-d", device, "get-serial", "--json");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(ToolRunner.JSON.readTree(run.out()).get("serialNumber").asLong()).isEqualTo(31415);
    } finally {
      simulator.destroy();
      assertThat(simulator.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    }
  }

  @Test
  void missingDeviceExitsWithTwoAndOneLine() throws Exception {
    Run run = java("get-serial");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).singleElement().asString().contains("no device");
  }

  @Test
  void decodeShowsAnElectricityMetersAnswerWithANoB10Register() throws Exception {
    // ENERGY_IN (kWh, NoB 4), ENERGY_IN_HIGH_RES (Wh, NoB 10), VOLTAGE_L1 (V, NoB 2)
    byte[] application =
        java.util.HexFormat.of()
            .parseHex(
                "10"
                    + "0001020400"
                    + "0002F556"
                    + "000D010A00"
                    + "0000000000000B8E5A1F"
                    + "041E210200"
                    + "00E6");
    byte[] frame =
        org.camelkmp.kmp.frame.PhysicalLayer.encode(
            org.camelkmp.kmp.frame.Direction.RESPONSE,
            org.camelkmp.kmp.frame.DataLinkLayer.encode(
                new org.camelkmp.kmp.frame.DataLinkFrame(0x3F, application)));

    Run run = java("decode", java.util.HexFormat.of().formatHex(frame));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern("13\\s+ENERGY_IN_HIGH_RES\\s+193878559\\s+Wh")
        .containsPattern("1054\\s+VOLTAGE_L1\\s+230\\s+V");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void badCrcExitsWithFourAndOneLineWithoutLoggingNoise() throws Exception {
    Run run = java("decode", "403F0100041BF90126980D");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_FRAME);
    assertThat(run.err().lines()).singleElement().asString().contains("CRC mismatch");
  }
}
