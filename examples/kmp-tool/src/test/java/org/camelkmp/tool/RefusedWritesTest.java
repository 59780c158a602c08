package org.camelkmp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Commands that change the meter send nothing without --yes and exit with 6. */
class RefusedWritesTest {
  private static final String NOWHERE = "socket://127.0.0.1:9";

  private final ToolRunner tool = new ToolRunner();

  @Test
  void setClockWithoutYesIsRefusedAndSendsNothing() {
    ToolRunner.Result result =
        tool.run("-d", NOWHERE, "set-clock", "--time", "2026-11-23T10:00:00");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.WRITE_REFUSED);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .contains("set-clock changes the meter")
        .contains("2026-11-23T10:00:00")
        .contains("--yes");
    assertThat(result.out()).isEmpty();
    assertThat(tool.devicesOpened).isEmpty();
  }

  @Test
  void putRegisterWithoutYesIsRefusedAndSendsNothing() {
    ToolRunner.Result result =
        tool.run(
            "-d",
            NOWHERE,
            "put-register",
            "-r",
            "1002",
            "--value",
            "10:30:00",
            "--unit",
            "hh:mm:ss");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.WRITE_REFUSED);
    assertThat(result.errLines()).singleElement().asString().contains("CLOCK (1002) = 10:30:00");
    assertThat(tool.devicesOpened).isEmpty();
  }

  @Test
  void clearEventStatusWithoutYesIsRefusedAndSendsNothing() {
    ToolRunner.Result result = tool.run("-d", NOWHERE, "clear-event-status");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.WRITE_REFUSED);
    assertThat(result.errLines()).singleElement().asString().contains("--yes");
    assertThat(tool.devicesOpened).isEmpty();
  }
}
