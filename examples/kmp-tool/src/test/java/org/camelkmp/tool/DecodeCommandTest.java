package org.camelkmp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecodeCommandTest {
  private static final String GET_TYPE_RESPONSE = "403F0100041BF90126990D";
  private static final String CLOCK_RESPONSE = "403F1003EA2F040000030E33B2320D";
  private static final String GET_REGISTER_REQUEST =
      "803F1008003C004403EC005600570059004A0050B6C50D";

  private final ToolRunner tool = new ToolRunner();

  @Test
  void getTypeResponseDecodesToTypeAndRevision() {
    ToolRunner.Result result = tool.run("decode", "--json", GET_TYPE_RESPONSE);

    assertThat(result.exitCode()).as(result.toString()).isZero();
    JsonNode frame = result.json().get("frames").get(0);
    assertThat(frame.get("direction").asText()).isEqualTo("response");
    assertThat(frame.get("address").asInt()).isEqualTo(0x3F);
    assertThat(frame.get("cid").asInt()).isEqualTo(0x01);
    assertThat(frame.get("command").asText()).isEqualTo("GetType");
    assertThat(frame.get("meterType").asInt()).isEqualTo(4);
    assertThat(frame.get("meterTypeHex").asText()).isEqualTo("0x0004");
    assertThat(frame.get("revision").asText()).isEqualTo("F1");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void loggerConfigFramesDecodeToTheLoggerTypeAndItsRegisters() {
    ToolRunner.Result request = tool.run("decode", "803FB8050270EE0D");
    ToolRunner.Result response = tool.run("decode", "--json", encode("3FB80505" + "02003C0044"));

    assertThat(request.exitCode()).as(request.toString()).isZero();
    assertThat(request.out()).contains("GetLoggerConfig").contains("logger type    2 (year)");
    assertThat(response.exitCode()).as(response.toString()).isZero();
    JsonNode frame = response.json().get("frames").get(0);
    assertThat(frame.get("command").asText()).isEqualTo("GetLoggerConfig");
    assertThat(frame.get("loggerTypeName").asText()).isEqualTo("hour");
    assertThat(frame.get("registers").get(1).get("name").asText()).isEqualTo("V1");
    assertThat(frame.get("configuration").asText()).isEqualTo("02003C0044");
  }

  @Test
  void clockRegisterDecodesToTimeText() {
    ToolRunner.Result result = tool.run("decode", "--json", CLOCK_RESPONSE);

    assertThat(result.exitCode()).as(result.toString()).isZero();
    JsonNode register = result.json().get("frames").get(0).get("registers").get(0);
    assertThat(register.get("id").asInt()).isEqualTo(1002);
    assertThat(register.get("unitCode").asInt()).isEqualTo(0x2F);
    assertThat(register.get("unit").asText()).isEqualTo("hh:mm:ss");
    assertThat(register.get("value").decimalValue()).isEqualByComparingTo("200243");
    assertThat(register.get("text").asText()).isEqualTo("20:02:43");
  }

  @Test
  void getRegisterRequestListsTheRegisterIdsAsked() {
    ToolRunner.Result result = tool.run("decode", "--json", GET_REGISTER_REQUEST);

    assertThat(result.exitCode()).as(result.toString()).isZero();
    JsonNode frame = result.json().get("frames").get(0);
    assertThat(frame.get("direction").asText()).isEqualTo("request");
    assertThat(frame.get("command").asText()).isEqualTo("GetRegister");
    assertThat(frame.get("registerIds"))
        .extracting(JsonNode::asInt)
        .containsExactly(60, 68, 1004, 86, 87, 89, 74, 80);
    assertThat(frame.get("registers").get(0).get("name").asText()).isEqualTo("E1");
  }

  @Test
  void severalFramesInOneArgumentWithSpacesAndColonsAreAllDecoded() {
    String spaced = "40 3F 01 00 04 1B F9 01 26 99 0D";
    String colons = "40:3f:10:03:ea:2f:04:00:00:03:0e:33:b2:32:0d";

    ToolRunner.Result result = tool.run("decode", "--json", spaced + " " + colons, "06");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    JsonNode frames = result.json().get("frames");
    assertThat(frames).hasSize(3);
    assertThat(frames.get(0).get("command").asText()).isEqualTo("GetType");
    assertThat(frames.get(1).get("command").asText()).isEqualTo("GetRegister");
    assertThat(frames.get(2).get("command").asText()).isEqualTo("ACK");
  }

  @Test
  void bytesSplitOverManyArgumentsFormOneFrame() {
    ToolRunner.Result result =
        tool.run(
            "decode", "--json", "40", "3F", "01", "00", "04", "1B", "F9", "01", "26", "99", "0D");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.json().get("frames").get(0).get("revision").asText()).isEqualTo("F1");
  }

  @Test
  void strayBytesBetweenFramesAreSkippedNotFatal() {
    ToolRunner.Result result = tool.run("decode", "--json", "00" + GET_TYPE_RESPONSE + "00");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.json().get("frames")).hasSize(1);
    assertThat(result.json().get("skipped"))
        .extracting(JsonNode::asText)
        .containsExactly("00", "00");
  }

  @Test
  void textOutputShowsTheRegisterTable() {
    ToolRunner.Result result = tool.run("decode", CLOCK_RESPONSE);

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out())
        .contains("response from 0x3F: GetRegister (CID 0x10)")
        .containsPattern("1002\\s+CLOCK\\s+20:02:43\\s+hh:mm:ss");
  }

  @Test
  void verboseTextOutputShowsTheDecodingSteps() {
    ToolRunner.Result result = tool.run("-v", "decode", GET_TYPE_RESPONSE);

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out())
        .contains("start 0x40: response")
        .contains("1 escape(s) undone")
        .contains("CRC 0x2699 ok")
        .contains("address 0x3F, CID 0x01");
  }

  @Test
  void badCrcExitsWithFourAndOneLineOnStderr() {
    String corrupted = "403F0100041BF90126980D";

    ToolRunner.Result result = tool.run("decode", corrupted);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_FRAME);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.err())
        .contains("CRC mismatch")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void badFrameAmongGoodOnesStillPrintsTheGoodOnesAndFails() {
    ToolRunner.Result result =
        tool.run("decode", "--json", GET_TYPE_RESPONSE, "403F0100041BF90126980D");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_FRAME);
    JsonNode frames = result.json().get("frames");
    assertThat(frames.get(0).get("revision").asText()).isEqualTo("F1");
    assertThat(frames.get(1).get("error").asText()).contains("CRC mismatch");
    assertThat(result.errLines()).singleElement().asString().startsWith("kmp-tool: frame 2");
  }

  @Test
  void frameWithoutStopByteIsAFramingError() {
    ToolRunner.Result result = tool.run("decode", "403F0100041BF9012699");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_FRAME);
    assertThat(result.errLines()).singleElement().asString().contains("no stop byte");
  }

  @Test
  void inputWithoutAnyFrameIsABadFrame() {
    ToolRunner.Result result = tool.run("decode", "3F01058A");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_FRAME);
    assertThat(result.errLines()).singleElement().asString().contains("no KMP frame");
  }

  @Test
  void textThatIsNotHexIsABadArgument() {
    ToolRunner.Result result = tool.run("decode", "40 3G 01");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines()).singleElement().asString().contains("not hex: '3G'");
  }

  @Test
  void decodedValuesAreExactDecimalsInJson() {
    // GetRegister response: register 60, unit GJ (8), NoB 4, SiEx 0x43, mantissa 1234567
    String frame = encode("3F10003C0804430012D687");

    ToolRunner.Result result = tool.run("decode", "--json", frame);

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).contains("\"value\" : 1234.567");
    JsonNode register = result.json().get("frames").get(0).get("registers").get(0);
    assertThat(register.get("value").decimalValue()).isEqualTo(new BigDecimal("1234.567"));
    assertThat(register.get("name").asText()).isEqualTo("E1");
    assertThat(register.get("unit").asText()).isEqualTo("GJ");
  }

  /**
   * A Kamstrup electricity meter's GetRegister answer as captured: ENERGY_IN (kWh, NoB 4),
   * ENERGY_IN_HIGH_RES (Wh, NoB 10) and VOLTAGE_L1 (V, NoB 2).
   */
  private static final String ELECTRICITY_ANSWER =
      "3F10"
          + "0001020400"
          + "0002F556"
          + "000D010A00"
          + "0000000000000B8E5A1F"
          + "041E210200"
          + "00E6";

  @Test
  void anAnswerWithANoB10RegisterDecodesWhole() {
    ToolRunner.Result result = tool.run("decode", "--json", encode(ELECTRICITY_ANSWER));

    assertThat(result.exitCode()).as(result.toString()).isZero();
    JsonNode registers = result.json().get("frames").get(0).get("registers");
    assertThat(registers).extracting(r -> r.get("id").asInt()).containsExactly(1, 13, 1054);
    JsonNode highRes = registers.get(1);
    assertThat(highRes.get("name").asText()).isEqualTo("ENERGY_IN_HIGH_RES");
    assertThat(highRes.get("nob").asInt()).isEqualTo(10);
    assertThat(highRes.get("value").decimalValue()).isEqualByComparingTo("193878559");
    assertThat(highRes.get("unit").asText()).isEqualTo("Wh");
    assertThat(registers.get(0).get("nob").asInt()).isEqualTo(4);
    assertThat(registers.get(2).get("value").decimalValue()).isEqualByComparingTo("230");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void textOutputShowsTheNoB10RegisterInTheTable() {
    ToolRunner.Result result = tool.run("decode", encode(ELECTRICITY_ANSWER));

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out())
        .containsPattern("1\\s+ENERGY_IN\\s+193878\\s+kWh")
        .containsPattern("13\\s+ENERGY_IN_HIGH_RES\\s+193878559\\s+Wh")
        .containsPattern("1054\\s+VOLTAGE_L1\\s+230\\s+V");
  }

  @Test
  void aMantissaBeyondALongKeepsEveryDigit() {
    // 12 value bytes FF..FF with SiEx 0xC3: -(2^96 - 1) / 1000
    String frame = encode("3F10" + "000D010CC3" + "FFFFFFFFFFFFFFFFFFFFFFFF");

    ToolRunner.Result json = tool.run("decode", "--json", frame);
    ToolRunner.Result text = tool.run("decode", frame);

    assertThat(json.exitCode()).as(json.toString()).isZero();
    assertThat(json.out()).contains("\"value\" : -79228162514264337593543950.335");
    assertThat(json.json().get("frames").get(0).get("registers").get(0).get("nob").asInt())
        .isEqualTo(12);
    assertThat(text.out()).contains("-79228162514264337593543950.335");
  }

  @Test
  void aRegisterWithoutValueBytesSaysSoAndTheOthersAreShown() {
    String frame = encode("3F10" + "0001020000" + "041E210200" + "00E6");

    ToolRunner.Result json = tool.run("decode", "--json", frame);
    ToolRunner.Result text = tool.run("decode", frame);

    assertThat(json.exitCode()).as(json.toString()).isZero();
    JsonNode registers = json.json().get("frames").get(0).get("registers");
    assertThat(registers.get(0).get("nob").asInt()).isZero();
    assertThat(registers.get(0).get("value").isNull()).isTrue();
    assertThat(registers.get(0).get("text").isNull()).isTrue();
    assertThat(registers.get(1).get("value").decimalValue()).isEqualByComparingTo("230");
    assertThat(text.exitCode()).as(text.toString()).isZero();
    assertThat(text.out())
        .containsPattern("1\\s+ENERGY_IN\\s+no value\\s+kWh")
        .containsPattern("1054\\s+VOLTAGE_L1\\s+230\\s+V");
  }

  @Test
  void aNoBRunningPastTheAnswerIsABadFrameNamingTheRegister() {
    String frame = encode("3F10" + "0001020400" + "0002F556" + "000D010A00" + "00000B8E5A1F");

    ToolRunner.Result result = tool.run("decode", frame);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_FRAME);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .contains("register 13")
        .contains("NoB 10");
  }

  /** A response frame around a data-link frame given without CRC. */
  private static String encode(String addressCidData) {
    byte[] dataLink = java.util.HexFormat.of().parseHex(addressCidData);
    byte[] application = java.util.Arrays.copyOfRange(dataLink, 1, dataLink.length);
    byte[] frame =
        org.camelkmp.kmp.frame.PhysicalLayer.encode(
            org.camelkmp.kmp.frame.Direction.RESPONSE,
            org.camelkmp.kmp.frame.DataLinkLayer.encode(
                new org.camelkmp.kmp.frame.DataLinkFrame(dataLink[0] & 0xFF, application)));
    return java.util.HexFormat.of().formatHex(frame);
  }
}
