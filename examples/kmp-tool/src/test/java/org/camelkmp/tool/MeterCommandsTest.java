package org.camelkmp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.camelkmp.kmp.simulator.Fault;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.camelkmp.kmp.simulator.SimulatedMeter;
import org.camelkmp.kmp.value.RegisterValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every meter command end to end, in-process, against the simulator over TCP. */
class MeterCommandsTest {
  private static final LocalDateTime METER_TIME = LocalDateTime.of(2026, 11, 23, 20, 2, 43);
  private static final ZoneId ZONE = ZoneOffset.UTC;
  private static final int PASSWORD = 0x1234;

  private final ToolRunner tool = new ToolRunner();
  private MeterSimulator simulator;
  private SimulatedMeter meter;

  @BeforeEach
  void startSimulator() {
    MeterConfig config =
        MeterConfig.builder()
            .serialNumber(12_345_678L)
            .meterType(0x0004)
            .revision("G1")
            .password(PASSWORD)
            .register(60, new BigDecimal("1234.567"), 8)
            .register(RegisterValue.ofNumber(80, new BigDecimal("87654321000"), 0x16))
            .remove(68)
            .build();
    simulator =
        MeterSimulator.builder()
            .meter(config)
            .clock(Clock.fixed(METER_TIME.toInstant(ZoneOffset.UTC), ZONE))
            .tcpPort(0)
            .start();
    meter = simulator.meter();
  }

  @AfterEach
  void stopSimulator() {
    simulator.close();
  }

  /** Global options for the simulator, then the command and its arguments. */
  private ToolRunner.Result kmp(String... commandAndArguments) {
    List<String> args = new ArrayList<>();
    args.addAll(List.of("-d", "socket://127.0.0.1:" + simulator.tcpPort()));
    args.addAll(List.of("--timeout", "500ms", "--retries", "0"));
    args.addAll(List.of(commandAndArguments));
    return tool.run(args.toArray(String[]::new));
  }

  @Test
  void getRegisterJsonGivesExactDecimalsUnitsAndNames() {
    ToolRunner.Result result = kmp("get-register", "--json", "-r", "E1");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).contains("\"value\" : 1234.567");
    JsonNode json = result.json();
    JsonNode e1 = json.get("registers").get(0);
    assertThat(e1.get("id").asInt()).isEqualTo(60);
    assertThat(e1.get("name").asText()).isEqualTo("E1");
    assertThat(e1.get("unitCode").asInt()).isEqualTo(8);
    assertThat(e1.get("unit").asText()).isEqualTo("GJ");
    assertThat(e1.get("value").isBigDecimal()).isTrue();
    assertThat(e1.get("value").decimalValue()).isEqualTo(new BigDecimal("1234.567"));
    assertThat(e1.get("kind").asText()).isEqualTo("number");
    assertThat(e1.get("text").isNull()).isTrue();
    assertThat(json.get("missing")).isEmpty();
    assertThat(json.get("requestCount").asInt()).isEqualTo(1);
    assertThat(result.err()).isEmpty();
  }

  @Test
  void largeValuesAreWrittenAsPlainNumbersNotExponents() {
    ToolRunner.Result result = kmp("--json", "get-register", "-r", "POWER1");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).contains("\"value\" : 87654321000").doesNotContain("E+");
  }

  @Test
  void clockAndDateRegistersCarryTheirTextInJson() {
    ToolRunner.Result result = kmp("get-register", "--json", "-r", "CLOCK,DATE,348");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    JsonNode registers = result.json().get("registers");
    assertThat(registers.get(0).get("text").asText()).isEqualTo("20:02:43");
    assertThat(registers.get(0).get("value").decimalValue()).isEqualByComparingTo("200243");
    assertThat(registers.get(0).get("kind").asText()).isEqualTo("clock");
    assertThat(registers.get(1).get("text").asText()).isEqualTo("2026-11-23");
    assertThat(registers.get(2).get("text").asText()).isEqualTo("2026-11-23T20:02:43");
  }

  @Test
  void nineToSixteenDistinctRegistersTakeTwoRequests() {
    ToolRunner.Result nine = kmp("get-register", "--json", "-r", "60,61,63,74,80,86,87,89,1002");
    ToolRunner.Result sixteen =
        kmp(
            "get-register",
            "--json",
            "-r",
            "60,61,63,74,80,86,87,89",
            "-r",
            "1002",
            "1003",
            "1004",
            "266",
            "239",
            "348",
            "99",
            "123");

    assertThat(nine.exitCode()).as(nine.toString()).isZero();
    assertThat(nine.json().get("requestCount").asInt()).isEqualTo(2);
    assertThat(sixteen.exitCode()).as(sixteen.toString()).isZero();
    assertThat(sixteen.json().get("requestCount").asInt()).isEqualTo(2);
    assertThat(sixteen.json().get("registers").size() + sixteen.json().get("missing").size())
        .isEqualTo(16);
  }

  @Test
  void seventeenRegistersTakeThreeRequests() {
    ToolRunner.Result result =
        kmp(
            "get-register",
            "--json",
            "-r",
            "60,61,63,74,80,86,87,89,1002,1003,1004,266,239,348,99,123,124");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.json().get("requestCount").asInt()).isEqualTo(3);
  }

  @Test
  void registersTheMeterDoesNotHaveAreListedAsMissing() {
    ToolRunner.Result json = kmp("get-register", "--json", "-r", "E1,V1,9999");
    ToolRunner.Result text = kmp("get-register", "-r", "E1,V1,9999");

    assertThat(json.exitCode()).as(json.toString()).isZero();
    assertThat(json.json().get("missing")).extracting(JsonNode::asInt).containsExactly(68, 9999);
    assertThat(json.json().get("registers")).hasSize(1);
    assertThat(text.exitCode()).isZero();
    assertThat(text.out()).contains("missing").contains("V1 (68)").contains("R9999 (9999)");
  }

  @Test
  void namesAndIdsMixedAreEachAskedOnce() {
    ToolRunner.Result result =
        kmp("get-register", "--json", "-r", "E1,60", "-r", "0x3C", "t1", "86");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.json().get("registers"))
        .extracting(r -> r.get("id").asInt())
        .containsExactly(60, 86);
    assertThat(result.json().get("requestCount").asInt()).isEqualTo(1);
  }

  @Test
  void textOutputHasAlignedColumns() {
    ToolRunner.Result result = kmp("get-register", "-r", "E1,CLOCK");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out().lines())
        .containsExactly(
            "  ID  NAME   VALUE     UNIT",
            "  60  E1     1234.567  GJ",
            "1002  CLOCK  20:02:43  hh:mm:ss");
  }

  @Test
  void getSerialJson() {
    ToolRunner.Result result = kmp("get-serial", "--json");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.json().get("serialNumber").asLong()).isEqualTo(12_345_678L);
    assertThat(result.json().size()).isEqualTo(1);
  }

  @Test
  void getSerialText() {
    ToolRunner.Result result = kmp("get-serial");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("12345678");
  }

  @Test
  void getTypeJson() {
    ToolRunner.Result result = kmp("get-type", "--json");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    JsonNode json = result.json();
    assertThat(json.get("meterType").asInt()).isEqualTo(4);
    assertThat(json.get("meterTypeHex").asText()).isEqualTo("0x0004");
    assertThat(json.get("revision").asText()).isEqualTo("G1");
  }

  @Test
  void setClockWithYesSetsTheMetersClock() {
    ToolRunner.Result result = kmp("set-clock", "--time", "2026-12-24T18:30:00", "--yes", "--json");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.json().get("clock").asText()).isEqualTo("2026-12-24T18:30:00");
    assertThat(result.json().get("acknowledged").asBoolean()).isTrue();
    assertThat(meter.meterTime()).isEqualTo(LocalDateTime.of(2026, 12, 24, 18, 30, 0));
  }

  @Test
  void putRegisterWithYesAndPasswordWritesTheValue() {
    ToolRunner.Result result =
        kmp(
            "put-register",
            "-r",
            "CLOCK",
            "--value",
            "10:30:00",
            "--unit",
            "hh:mm:ss",
            "--password",
            "0x1234",
            "--yes");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).contains("wrote CLOCK (1002) = 10:30:00 hh:mm:ss");
    assertThat(meter.register(1002).orElseThrow().time()).contains(java.time.LocalTime.of(10, 30));
  }

  @Test
  void putRegisterOfANumberWithJson() {
    ToolRunner.Result result =
        kmp(
            "put-register",
            "-r",
            "E1",
            "--value",
            "42.125",
            "--unit",
            "GJ",
            "--password",
            "4660",
            "--yes",
            "--json");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.json().get("register").get("value").decimalValue())
        .isEqualTo(new BigDecimal("42.125"));
    assertThat(meter.register(60).orElseThrow().decimal()).isEqualByComparingTo("42.125");
  }

  @Test
  void getRegisterReadsAValueOfMoreThanEightBytesFromTheSimulator() {
    BigDecimal highRes = new BigDecimal("1234567890123456789012.345");
    MeterConfig config = MeterConfig.builder().register(13, highRes, 1).build();
    try (MeterSimulator electricity =
        MeterSimulator.builder()
            .meter(config)
            .clock(Clock.fixed(METER_TIME.toInstant(ZoneOffset.UTC), ZONE))
            .tcpPort(0)
            .start()) {
      ToolRunner.Result result =
          tool.run(
              "-d",
              "socket://127.0.0.1:" + electricity.tcpPort(),
              "--timeout",
              "500ms",
              "--retries",
              "0",
              "get-register",
              "--json",
              "-r",
              "13");

      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.out()).contains("\"value\" : 1234567890123456789012.345");
      JsonNode register = result.json().get("registers").get(0);
      assertThat(register.get("nob").asInt()).isEqualTo(11);
      assertThat(register.get("value").decimalValue()).isEqualTo(highRes);
    }
  }

  @Test
  void putRegisterWritesAValueOfMoreThanEightBytes() {
    ToolRunner.Result result =
        kmp(
            "put-register",
            "-r",
            "E1",
            "--value",
            "12345678901234567890123.456",
            "--unit",
            "GJ",
            "--nob",
            "12",
            "--password",
            "4660",
            "--yes",
            "--json");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    RegisterValue written = meter.register(60).orElseThrow();
    assertThat(written.nob()).isEqualTo(12);
    assertThat(written.decimal()).isEqualTo(new BigDecimal("12345678901234567890123.456"));
  }

  @Test
  void putRegisterWithAWrongPasswordTimesOutBecauseTheMeterStaysSilent() {
    ToolRunner.Result result =
        kmp("put-register", "-r", "E1", "--value", "1", "--unit", "GJ", "--password", "1", "--yes");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.TIMEOUT);
    assertThat(result.errLines()).hasSize(1);
    assertThat(meter.register(60).orElseThrow().decimal()).isEqualByComparingTo("1234.567");
  }

  @Test
  void getEventStatusJson() {
    ToolRunner.Result result = kmp("get-event-status", "--json");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    JsonNode status = result.json().get("eventStatus");
    assertThat(status.get("hex").asText()).hasSize(8);
    assertThat(status.has("intervalLogUnread")).isTrue();
    assertThat(status.has("es2")).isTrue();
  }

  @Test
  void getLoggerConfigPrintsTheRegistersTheLoggerRecords() {
    ToolRunner.Result result = kmp("get-logger-config", "--type", "hour");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out())
        .contains("logger type    5 (hour)")
        .contains("registers      DATE (1003), CLOCK (1002), E1 (60)");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void getLoggerConfigJsonGivesTheTypeTheRegistersAndTheBytes() {
    ToolRunner.Result result = kmp("get-logger-config", "--json", "-t", "4");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    JsonNode json = result.json();
    assertThat(json.get("loggerType").asInt()).isEqualTo(4);
    assertThat(json.get("loggerTypeName").asText()).isEqualTo("day");
    assertThat(json.get("echoed").asBoolean()).isTrue();
    assertThat(json.get("registers").get(2).get("id").asInt()).isEqualTo(60);
    assertThat(json.get("registers").get(2).get("name").asText()).isEqualTo("E1");
    // a count of 10: this meter lacks V1
    assertThat(json.get("configuration").asText()).startsWith("0A03EB03EA003C");
  }

  @Test
  void getLoggerConfigForALoggerTheMeterLacksIsATimeout() {
    ToolRunner.Result result = kmp("get-logger-config", "--type", "year");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.TIMEOUT);
    assertThat(result.errLines()).hasSize(1);
  }

  @Test
  void getLoggerConfigWithAnUnknownTypeNamesTheKnownOnes() {
    ToolRunner.Result result = kmp("get-logger-config", "--type", "weekly");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .contains("logger type 'weekly' is not known: give year, month, day, hour");
  }

  @Test
  void clearEventStatusWithYesAnswersTheStatusAfter() {
    ToolRunner.Result result =
        kmp("clear-event-status", "--yes", "--json", "--unconditional", "00000300");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.json().get("eventStatus").get("es2").asInt()).isZero();
  }

  @Test
  void readLogSinceATimeReadsTowardsNow() {
    ToolRunner.Result result =
        kmp(
            "read-log",
            "--json",
            "-r",
            "E1,CLOCK",
            "--count",
            "3",
            "--since",
            "2026-11-23T10:00:00");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    JsonNode json = result.json();
    assertThat(json.get("command").asText()).isEqualTo("GetLogTimePresent");
    assertThat(json.get("cid").asInt()).isEqualTo(0xA0);
    assertThat(json.get("logId").asInt()).isEqualTo(1);
    JsonNode records = json.get("records");
    assertThat(records).hasSize(3);
    assertThat(records.get(0).get("registers").get(1).get("text").asText()).isEqualTo("10:00:00");
    assertThat(records.get(1).get("recordId").asInt())
        .isEqualTo(records.get(0).get("recordId").asInt() + 1);
  }

  @Test
  void readLogFromARecordId() {
    ToolRunner.Result result =
        kmp("read-log", "--json", "-r", "E1", "--count", "2", "--from-record", "5");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.json().get("command").asText()).isEqualTo("GetLogIDPresent");
    assertThat(result.json().get("records").get(0).get("recordId").asInt()).isEqualTo(5);
  }

  @Test
  void readLogBeforeATimeWithAnOffsetReadsTowardsThePast() {
    ToolRunner.Result result =
        kmp(
            "read-log",
            "--json",
            "-r",
            "CLOCK",
            "--count",
            "2",
            "--before",
            "2026-11-23T12:00:00",
            "--offset",
            "1");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    JsonNode records = result.json().get("records");
    assertThat(result.json().get("command").asText()).isEqualTo("GetLogTimePast");
    assertThat(records.get(0).get("registers").get(0).get("text").asText()).isEqualTo("11:00:00");
    assertThat(records.get(1).get("registers").get(0).get("text").asText()).isEqualTo("10:00:00");
  }

  @Test
  void readLogLastUnreadInText() {
    ToolRunner.Result result = kmp("read-log", "-r", "E1,V1", "--last-unread");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).contains("log 1: oldest record");
  }

  @Test
  void meterThatDoesNotAnswerIsATimeoutWithOneLine() {
    meter.faults().injectUntilCleared(Fault.noAnswer());

    ToolRunner.Result result = kmp("get-type", "--json");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.TIMEOUT);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines()).singleElement().asString().startsWith("kmp-tool: ");
    assertThat(result.err()).doesNotContain("\tat ");
  }

  @Test
  void corruptedAnswerIsABadFrameWithOneLine() {
    meter.faults().injectUntilCleared(Fault.corruptCrc());

    ToolRunner.Result result = kmp("get-register", "-r", "E1");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_FRAME);
    assertThat(result.errLines()).singleElement().asString().contains("CRC mismatch");
  }

  @Test
  void answerWithAnotherCidIsABadFrame() {
    meter.faults().injectUntilCleared(Fault.wrongCid(0x02));

    ToolRunner.Result result = kmp("get-type");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_FRAME);
    assertThat(result.errLines()).singleElement().asString().contains("CID");
  }

  @Test
  void retriesRecoverFromOneBadAnswer() {
    meter.faults().inject(Fault.corruptCrc(), 1);

    ToolRunner.Result result =
        tool.run("-d", "socket://127.0.0.1:" + simulator.tcpPort(), "--retries", "1", "get-serial");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).contains("12345678");
  }

  @Test
  void veryVerboseTracesEveryFrameBothWaysWithDecodingSteps() {
    ToolRunner.Result result = kmp("-vv", "get-type");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.err())
        .contains("-> 80 3F 01 05 8A 0D")
        .contains("<- 40 3F 01 00 04 07 01")
        .contains("start 0x40: response")
        .containsPattern("CRC 0x[0-9A-F]{4} ok")
        .contains("decoded GetType: meter type 0x0004; revision G1");
    assertThat(result.out()).contains("revision    G1");
  }

  @Test
  void verboseJsonKeepsStdoutPureJson() {
    ToolRunner.Result result = kmp("-vv", "get-register", "--json", "-r", "E1");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.json().get("registers").get(0).get("name").asText()).isEqualTo("E1");
  }

  @Test
  void wrongAddressGetsNoAnswer() {
    ToolRunner.Result result = kmp("-a", "0x7F", "get-type");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.TIMEOUT);
    assertThat(result.errLines()).hasSize(1);
  }
}
