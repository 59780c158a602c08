package org.camelkmp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the shaded jar as users do: {@code java -jar kmp-tool.jar …} in its own process. */
class KmpToolJarIT {

  record Run(int exitCode, String out, String err) {}

  static Run java(String... args) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("kmpTool.jar", "target/kmp-tool.jar"));
    assertThat(jar).as("the shaded jar, built by package").exists();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
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
  void missingDeviceExitsWithTwoAndOneLine() throws Exception {
    Run run = java("get-serial");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).singleElement().asString().contains("no device");
  }

  @Test
  void badCrcExitsWithFourAndOneLineWithoutLoggingNoise() throws Exception {
    Run run = java("decode", "403F0100041BF90126980D");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_FRAME);
    assertThat(run.err().lines()).singleElement().asString().contains("CRC mismatch");
  }
}
