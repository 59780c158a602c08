package org.camelkmp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camelkmp.kmp.testsupport.SocatPtyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The simulate command runs until stopped, says where it listens, and answers kmp-tool. */
class SimulateCommandTest {
  private static final Pattern DEVICE = Pattern.compile("socket://127\\.0\\.0\\.1:\\d+");

  private final ToolRunner tool = new ToolRunner();

  @Test
  void simulatorListensWhereItSaysAndAnswersUntilStopped(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("meter.properties");
    Files.writeString(config, "meterType=0x0004\nrevision=F1\nregister.E1=55.5 GJ\n");
    LineQueue out = new LineQueue();
    CommandLine simulate = tool.commandLine(out, new StringWriter());
    CompletableFuture<Integer> running =
        CompletableFuture.supplyAsync(
            () ->
                simulate.execute(
                    "simulate",
                    "--port",
                    "0",
                    "--config",
                    config.toString(),
                    "--serial-number",
                    "4242"));

    String listening = out.await("listening on");
    Matcher device = DEVICE.matcher(listening);
    assertThat(device.find()).as(listening).isTrue();
    ToolRunner.Result type = tool.run("-d", device.group(), "--json", "get-type");
    ToolRunner.Result serial = tool.run("-d", device.group(), "get-serial", "--json");
    ToolRunner.Result e1 = tool.run("-d", device.group(), "get-register", "--json", "-r", "E1");
    ((SimulateCommand) simulate.getSubcommands().get("simulate").getCommand()).stop();

    assertThat(running.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(type.json().get("meterTypeHex").asText()).isEqualTo("0x0004");
    assertThat(type.json().get("revision").asText()).isEqualTo("F1");
    assertThat(serial.json().get("serialNumber").asLong()).isEqualTo(4242);
    assertThat(e1.json().get("registers").get(0).get("value").decimalValue())
        .isEqualByComparingTo("55.5");
  }

  @Test
  void simulatorOnASerialDeviceAnswersTheToolOverTheOtherEnd() throws Exception {
    try (SocatPtyPair pty = SocatPtyPair.start()) {
      LineQueue out = new LineQueue();
      CommandLine simulate = tool.commandLine(out, new StringWriter());
      CompletableFuture<Integer> running =
          CompletableFuture.supplyAsync(
              () ->
                  simulate.execute("simulate", "--serial", pty.pathA(), "--serial-number", "2718"));
      out.await("answering on serial " + pty.pathA());

      ToolRunner.Result serial = tool.run("-d", pty.pathB(), "get-serial", "--json");
      ToolRunner.Result e1 = tool.run("-d", pty.pathB(), "get-register", "-r", "E1");
      ((SimulateCommand) simulate.getSubcommands().get("simulate").getCommand()).stop();

      assertThat(running.get(10, TimeUnit.SECONDS)).isZero();
      assertThat(serial.exitCode()).as(serial.toString()).isZero();
      assertThat(serial.json().get("serialNumber").asLong()).isEqualTo(2718);
      assertThat(e1.out()).containsPattern("60\\s+E1\\s+[0-9.]+\\s+GJ");
    }
  }

  @Test
  void simulateWithoutPortOrSerialIsAUsageError() {
    ToolRunner.Result result = tool.run("simulate");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines()).singleElement().asString().contains("--port");
  }

  @Test
  void badConfigurationIsAUsageErrorNamingTheKey(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("meter.properties");
    Files.writeString(config, "colour=green\n");

    ToolRunner.Result result = tool.run("simulate", "--port", "0", "--config", config.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines()).singleElement().asString().contains("colour");
  }

  @Test
  void missingConfigurationFileIsAUsageError(@TempDir Path dir) {
    ToolRunner.Result result =
        tool.run("simulate", "--port", "0", "--config", dir.resolve("none.properties").toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines()).singleElement().asString().contains("cannot read --config");
  }

  @Test
  void portInUseIsATransportError() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      ToolRunner.Result result =
          tool.run("simulate", "--port", Integer.toString(taken.getLocalPort()));

      assertThat(result.exitCode()).isEqualTo(ExitCodes.TRANSPORT);
      assertThat(result.errLines()).singleElement().asString().contains("cannot listen");
    }
  }
}
