package org.camelkmp.kmp.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.camelkmp.kmp.error.KmpMessageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GetLoggerConfig (0xB8 05): the wire format and the conservative reading of its answer. */
class GetLoggerConfigTest {
  private static final HexFormat HEX = HexFormat.of();

  private static KmpResponse response(String hex) {
    return ApplicationLayer.decodeResponse(HEX.parseHex(hex));
  }

  @Test
  void theRequestIsTheSubCommandAndTheLoggerType() {
    byte[] app = ApplicationLayer.encode(new GetLoggerConfigRequest(GetLoggerConfigRequest.HOUR));
    assertThat(HEX.formatHex(app)).isEqualTo("b80505");
    assertThat(ApplicationLayer.decodeRequest(app))
        .isEqualTo(new GetLoggerConfigRequest(5))
        .satisfies(r -> assertThat(r.commandName()).isEqualTo("GetLoggerConfig"));
  }

  @Test
  void itIsAReadOfItsOwnCidThatIsBuiltFromTheLoggerTypeArgument() {
    assertThat(CommandId.of(0xB8)).contains(CommandId.GET_LOGGER_CONFIG);
    assertThat(CommandId.GET_LOGGER_CONFIG.changesMeter()).isFalse();
    assertThat(CommandId.GET_LOGGER_CONFIG.request(new MapArguments(Map.of("loggerType", 4))))
        .isEqualTo(new GetLoggerConfigRequest(GetLoggerConfigRequest.DAY));
    assertThatThrownBy(() -> CommandId.GET_LOGGER_CONFIG.request(new MapArguments(Map.of())))
        .hasMessage("argument loggerType is required");
  }

  @Test
  void otherSubCommandsOfTheFamilyStayRawAndAreNotTakenForThisOne() {
    KmpRequest backwards = ApplicationLayer.decodeRequest(HEX.parseHex("b806030000000a00020001"));
    assertThat(backwards).isEqualTo(new RawRequest(0xB8, HEX.parseHex("06030000000a00020001")));
    assertThat(backwards.command()).isEmpty();
    assertThat(backwards.commandName()).isEqualTo("CID 0xB8");
    assertThat(ApplicationLayer.decodeRequest(HEX.parseHex("b8")))
        .isEqualTo(new RawRequest(0xB8, new byte[0]));
    assertThat(new RawRequest(0xB8, HEX.parseHex("0502")).command())
        .contains(CommandId.GET_LOGGER_CONFIG);
  }

  @Test
  void anEchoedAnswerWithACountAndIdsReadsAsTheLoggersRegisters() {
    GetLoggerConfigResponse config = (GetLoggerConfigResponse) response("b80505" + "02003c0044");
    assertThat(config.echoed()).isTrue();
    assertThat(config.subCommand()).isEqualTo(0x05);
    assertThat(config.loggerType()).isEqualTo(5);
    assertThat(config.registerIds()).contains(List.of(60, 68));
    assertThat(config).isEqualTo(GetLoggerConfigResponse.ofRegisters(5, List.of(60, 68)));
  }

  @Test
  void anAnswerWithoutEchoIsReadAsTheConfigurationAlone() {
    GetLoggerConfigResponse config = (GetLoggerConfigResponse) response("b8" + "01003c");
    assertThat(config.echoed()).isFalse();
    assertThat(config.loggerType()).isEqualTo(-1);
    assertThat(config.registerIds()).contains(List.of(60));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "b8050503003c", // count 3, one id
        "b8ff", // one byte, no echo
        "b80505", // echo, no configuration
        "b80508003c", // sub-command 05 but type 8 is not known: no echo, bytes kept
        "b8050403003c0044005600", // one byte too many for a register list
      })
  void anyOtherWellFramedAnswerIsKeptVerbatimAndEncodesBackToItsBytes(String hex) {
    KmpResponse decoded = response(hex);
    assertThat(decoded).isInstanceOf(GetLoggerConfigResponse.class);
    assertThat(HEX.formatHex(ApplicationLayer.encode(decoded))).isEqualTo(hex);
  }

  @Test
  void aConfigurationThatIsNoRegisterListHasNoRegisters() {
    GetLoggerConfigResponse config = (GetLoggerConfigResponse) response("b8050503003c");
    assertThat(config.registerIds()).isEmpty();
    assertThat(config.configuration()).isEqualTo(HEX.parseHex("03003c"));
  }

  @Test
  void anAnswerWithNoDataIsAMessageErrorNamingTheCommand() {
    assertThatThrownBy(() -> response("b8"))
        .isInstanceOf(KmpMessageException.class)
        .hasMessage(
            "GetLoggerConfig response is invalid: it carries no configuration, not even a byte");
  }

  @Test
  void aRequestWithoutOrWithMoreThanOneTypeByteIsAMessageErrorNamingTheCommand() {
    assertThatThrownBy(() -> ApplicationLayer.decodeRequest(HEX.parseHex("b805")))
        .isInstanceOf(KmpMessageException.class)
        .hasMessage(
            "GetLoggerConfig request is invalid: sub-command 0x05 takes one logger type byte, got 0");
    assertThatThrownBy(() -> ApplicationLayer.decodeRequest(HEX.parseHex("b8050203")))
        .isInstanceOf(KmpMessageException.class)
        .hasMessageStartingWith("GetLoggerConfig request is invalid");
  }

  @Test
  void aResponseThatWouldReadBackDifferentlyCannotBeMade() {
    assertThatThrownBy(() -> new GetLoggerConfigResponse(-1, -1, HEX.parseHex("0505")))
        .hasMessageContaining("reads back as an echo");
    assertThatThrownBy(() -> new GetLoggerConfigResponse(5, 9, new byte[0]))
        .hasMessageContaining("logger type 2..7");
    assertThatThrownBy(() -> new GetLoggerConfigResponse(-1, -1, new byte[0]))
        .hasMessageContaining("needs configuration bytes");
  }

  @Test
  void loggerTypesAreNamedAndParsed() {
    assertThat(GetLoggerConfigRequest.typeName(2)).isEqualTo("year");
    assertThat(GetLoggerConfigRequest.typeName(7)).isEqualTo("minute 2");
    assertThat(GetLoggerConfigRequest.typeName(9)).isEqualTo("type 9");
    assertThat(GetLoggerConfigRequest.parseType("Hour")).isEqualTo(5);
    assertThat(GetLoggerConfigRequest.parseType("minute2")).isEqualTo(7);
    assertThat(GetLoggerConfigRequest.parseType("0x04")).isEqualTo(4);
    assertThatThrownBy(() -> GetLoggerConfigRequest.parseType("weekly"))
        .hasMessage(
            "logger type 'weekly' is not known: give year, month, day, hour, minute, minute2 or a"
                + " number 2..7");
    assertThatThrownBy(() -> new GetLoggerConfigRequest(256)).hasMessageContaining("0..255");
  }
}
