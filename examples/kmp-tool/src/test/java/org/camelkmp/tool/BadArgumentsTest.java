package org.camelkmp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input ends with exit 2 and one line on stderr, before anything is sent. */
class BadArgumentsTest {
  private static final String NOWHERE = "socket://127.0.0.1:9";

  private final ToolRunner tool = new ToolRunner();

  @Test
  void missingDeviceWithoutEnvironmentIsAUsageError() {
    ToolRunner.Result result = tool.run("get-serial");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .contains("no device")
        .contains("KMP_DEVICE");
    assertThat(tool.devicesOpened).isEmpty();
  }

  @Test
  void deviceComesFromTheEnvironmentWhenNotGiven() {
    ToolRunner fromEnvironment = new ToolRunner(Map.of("KMP_DEVICE", "tcp://gateway:2002"));

    ToolRunner.Result result = fromEnvironment.run("get-serial");

    assertThat(fromEnvironment.devicesOpened).containsExactly("tcp://gateway:2002");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines()).singleElement().asString().contains("socket://gateway:2002");
  }

  @Test
  void unknownRegisterNameGivesTheCataloguesExplanation() {
    ToolRunner.Result result = tool.run("-d", NOWHERE, "get-register", "-r", "E1,NOPE");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines()).singleElement().asString().contains("unknown register 'NOPE'");
    assertThat(tool.devicesOpened).isEmpty();
  }

  @Test
  void ambiguousRegisterNameAsksForTheId() {
    ToolRunner.Result result = tool.run("-d", NOWHERE, "get-register", "-r", "METER_TYPE");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .contains("ambiguous")
        .contains("give the id");
  }

  @Test
  void registerIdOutOfRangeIsRefused() {
    ToolRunner.Result result = tool.run("-d", NOWHERE, "get-register", "-r", "70000");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("out of range 0..65535");
  }

  @Test
  void addressOutOfRangeIsRefused() {
    ToolRunner.Result result = tool.run("-d", NOWHERE, "-a", "0x100", "get-type");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .contains("'0x100' is not a valid address");
  }

  @Test
  void badTimeoutIsRefused() {
    ToolRunner.Result result = tool.run("-d", NOWHERE, "--timeout", "soon", "get-type");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines()).singleElement().asString().contains("'soon' is not a valid time");
  }

  @Test
  void baudRateOutOfRangeIsRefused() {
    ToolRunner.Result result = tool.run("-d", NOWHERE, "--baud", "12", "get-type");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines()).singleElement().asString().contains("baud rate 12");
  }

  @Test
  void unknownCommandIsAUsageError() {
    ToolRunner.Result result = tool.run("-d", NOWHERE, "get-everything");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .startsWith("kmp-tool: unknown command 'get-everything'")
        .contains("get-register", "get-serial", "read-log");
  }

  @Test
  void aMistypedCommandIsAnUnknownCommandWithTheNearestSuggested() {
    ToolRunner.Result result = tool.run("-d", NOWHERE, "get-serials");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .startsWith("kmp-tool: unknown command 'get-serials'; did you mean 'get-serial'?")
        .doesNotContain("Unmatched");
    assertThat(tool.devicesOpened).isEmpty();
  }

  @Test
  void aGlobalOptionAfterTheCommandIsNotTakenForARegister() {
    ToolRunner.Result result = tool.run("get-register", "-r", "E1", "-d", NOWHERE);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .contains("'-d'", "global options such as -d go before the command")
        .doesNotContain("unknown register");
    assertThat(tool.devicesOpened).isEmpty();
  }

  @Test
  void aBaudRateNoKmpMeterSpeaksIsRefused() {
    ToolRunner.Result result = tool.run("-d", NOWHERE, "--baud", "9600", "get-type");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .contains("baud rate 9600", "1200", "2400");
    assertThat(tool.devicesOpened).isEmpty();
  }

  @Test
  void twentyFourHundredBaudIsAccepted() {
    ToolRunner.Result result = tool.run("-d", NOWHERE, "--baud", "2400", "get-type");

    // past the arguments: the port is tried (and refused, nothing listens on port 9)
    assertThat(tool.devicesOpened).containsExactly(NOWHERE);
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.TRANSPORT);
  }

  @Test
  void globalOptionAfterTheCommandSaysWhereItGoes() {
    ToolRunner.Result result = tool.run("get-serial", "-d", NOWHERE);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .contains("global options such as -d go before the command");
  }

  @Test
  void noCommandIsAUsageErrorNamingTheCommands() {
    ToolRunner.Result result = tool.run("-d", NOWHERE);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines()).singleElement().asString().contains("get-register");
  }

  @Test
  void getRegisterWithoutRegistersIsAUsageError() {
    ToolRunner.Result result = tool.run("-d", NOWHERE, "get-register");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines()).singleElement().asString().contains("--register");
  }

  @Test
  void badClockTimeIsAUsageError() {
    ToolRunner.Result result = tool.run("-d", NOWHERE, "set-clock", "--time", "tomorrow", "--yes");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines()).singleElement().asString().contains("2026-11-23T10:00:00");
    assertThat(tool.devicesOpened).isEmpty();
  }

  @Test
  void putRegisterWithAnUnknownUnitIsAUsageError() {
    ToolRunner.Result result =
        tool.run(
            "-d",
            NOWHERE,
            "put-register",
            "-r",
            "E1",
            "--value",
            "1",
            "--unit",
            "furlong",
            "--yes");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines()).singleElement().asString().contains("unknown unit 'furlong'");
  }

  @Test
  void readLogNeedsExactlyOneStartingPoint() {
    ToolRunner.Result none = tool.run("-d", NOWHERE, "read-log", "-r", "E1");
    ToolRunner.Result two =
        tool.run("-d", NOWHERE, "read-log", "-r", "E1", "--last-unread", "--from-record", "3");

    assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(none.errLines()).singleElement().asString().contains("say where to start reading");
    assertThat(two.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(two.errLines()).singleElement().asString().contains("only one");
  }

  @Test
  void readLogRefusesMoreThanEightRegisters() {
    ToolRunner.Result result =
        tool.run("-d", NOWHERE, "read-log", "-r", "60,61,62,63,64,65,66,67,68", "--last-unread");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines()).singleElement().asString().contains("1..8 registers");
  }

  @Test
  void offsetWithoutBeforeIsAUsageError() {
    ToolRunner.Result result =
        tool.run(
            "-d", NOWHERE, "read-log", "-r", "E1", "--since", "2026-01-01T00:00", "--offset", "2");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .contains("--offset goes with --before");
  }

  @Test
  void helpListsTheExitCodes() {
    ToolRunner.Result result = tool.run("--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("Exit codes:")
        .contains("3   timeout")
        .contains("6   write refused")
        .contains("KMP_DEVICE");
  }

  @Test
  void commandHelpAlsoListsTheExitCodes() {
    ToolRunner.Result result = tool.run("get-register", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("--register").contains("Exit codes:");
  }
}
