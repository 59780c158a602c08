package org.camelkmp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A gateway that accepts the connection and never answers: the kernel completes the TCP handshake
 * for the listening socket, and nothing ever reads or writes.
 */
class SilentMeterTest {
  private final ToolRunner tool = new ToolRunner();
  private ServerSocket silent;

  @BeforeEach
  void listen() throws IOException {
    silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
  }

  @AfterEach
  void close() throws IOException {
    silent.close();
  }

  private String device() {
    return "socket://127.0.0.1:" + silent.getLocalPort();
  }

  @Test
  void timeoutExitsWithThreeAndOneLineNamingThePort() {
    ToolRunner.Result result =
        tool.run("-d", device(), "--timeout", "200ms", "--retries", "0", "get-type");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.TIMEOUT);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .startsWith("kmp-tool: port silent")
        .contains(device());
    assertThat(result.out()).isEmpty();
  }

  @Test
  void afterRetriesTheTimeoutSaysHowManyAttemptsAndHowLongInAll() {
    ToolRunner.Result result =
        tool.run("-d", device(), "--timeout", "200ms", "--retries", "1", "get-type");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.TIMEOUT);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .startsWith("kmp-tool: port silent")
        .containsPattern("\\(after 2 attempts in [0-9]+\\.[0-9] s\\)$");
  }

  @Test
  void timeoutWithJsonLeavesStdoutEmpty() {
    ToolRunner.Result result =
        tool.run(
            "-d",
            device(),
            "--timeout",
            "0.2",
            "--retries",
            "0",
            "get-register",
            "--json",
            "-r",
            "E1");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.TIMEOUT);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines()).hasSize(1);
  }

  @Test
  void veryVerboseShowsTheRequestFrameAndAStackTrace() {
    ToolRunner.Result result =
        tool.run("-vv", "-d", device(), "--timeout", "200ms", "--retries", "0", "get-serial");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.TIMEOUT);
    assertThat(result.err())
        .contains("-> 80 3F 02 35 E9 0D")
        .contains("decoded GetSerialNo")
        .contains("<- (nothing)")
        .contains("KmpPortSilentException")
        .contains("\tat ");
  }

  @Test
  void connectionRefusedIsATransportError() throws IOException {
    int port = silent.getLocalPort();
    silent.close();

    ToolRunner.Result result =
        tool.run("-d", "socket://127.0.0.1:" + port, "--retries", "0", "get-type");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.TRANSPORT);
    assertThat(result.errLines()).singleElement().asString().contains("cannot connect");
  }
}
