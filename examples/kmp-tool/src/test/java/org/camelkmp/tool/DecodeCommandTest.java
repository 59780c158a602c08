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
