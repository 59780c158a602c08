package org.camelkmp.kmp.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import org.camelkmp.kmp.error.KmpMessageException;
import org.camelkmp.kmp.value.RegisterValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApplicationLayerTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void registerResponseIsParsedByNoBNotAssumingFour() {
    // 3 blocks: NoB 2, NoB 1, NoB 7
    String app =
        "10"
            + "003C"
            + "08"
            + "02"
            + "42"
            + "18C8"
            + "0044"
            + "28"
            + "01"
            + "03"
            + "FF"
            + "015C"
            + "4F"
            + "07"
            + "00"
            + "00180C1F000004";
    GetRegisterResponse r =
        (GetRegisterResponse) ApplicationLayer.decodeResponse(HEX.parseHex(app));
    assertThat(r.values()).extracting(RegisterValue::id).containsExactly(60, 68, 348);
    assertThat(r.value(60).orElseThrow().decimal()).isEqualByComparingTo("63.44");
    assertThat(r.value(68).orElseThrow().decimal()).isEqualByComparingTo("255000");
    assertThat(r.value(348).orElseThrow().nob()).isEqualTo(7);
  }

  @Test
  void emptyRegisterResponseIsValid() {
    assertThat(ApplicationLayer.decodeResponse(new byte[] {0x10}))
        .isEqualTo(new GetRegisterResponse(List.of()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0100", // GetType response too short
        "010001020304", // too long
        "02010203", // serial too short
        "10003C0804", // register block truncated
        "10003C080A42000000000000000000", // NoB 10, only 9 value bytes follow
        "9B0000", // event status short
      })
  void malformedResponsesAreMessageErrors(String app) {
    assertThatThrownBy(() -> ApplicationLayer.decodeResponse(HEX.parseHex(app)))
        .isInstanceOf(KmpMessageException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1009" + "000100020003000400050006000700080009", // 9 registers
        "1000", // none
        "1002003C", // count says 2, one given
        "0100", // GetType with data
        "09000000000000", // SetClock short
        "0900FFFFFF00000000", // SetClock with invalid date
        "1100", // PutRegister short
        "9C00000000", // ClearEventStatus short
        "A001010001", // log request short
      })
  void malformedRequestsAreMessageErrors(String app) {
    assertThatThrownBy(() -> ApplicationLayer.decodeRequest(HEX.parseHex(app)))
        .isInstanceOf(KmpMessageException.class);
  }

  @Test
  void unknownCidsBecomeRawMessages() {
    assertThat(ApplicationLayer.decodeRequest(HEX.parseHex("770502")))
        .isEqualTo(new RawRequest(0x77, HEX.parseHex("0502")));
    assertThat(ApplicationLayer.decodeResponse(HEX.parseHex("7701")))
        .isEqualTo(new RawResponse(0x77, HEX.parseHex("01")));
    assertThat(ApplicationLayer.decodeResponse(HEX.parseHex("7701")).commandName())
        .isEqualTo("CID 0x77");
  }

  @Test
  void emptyApplicationDataIsAnError() {
    assertThatThrownBy(() -> ApplicationLayer.decodeRequest(new byte[0]))
        .isInstanceOf(KmpMessageException.class);
    assertThatThrownBy(() -> ApplicationLayer.decodeResponse(new byte[0]))
        .isInstanceOf(KmpMessageException.class);
  }

  @Test
  void logResponseCarriesFullBlocksOnlyInTheFirstRecord() {
    RegisterValue e1a = RegisterValue.ofNumber(60, new java.math.BigDecimal("12.345"), 8, 4);
    RegisterValue t1a = RegisterValue.ofNumber(86, new java.math.BigDecimal("70.12"), 37, 4);
    RegisterValue e1b = RegisterValue.ofNumber(60, new java.math.BigDecimal("12.400"), 8, 4);
    RegisterValue t1b = RegisterValue.ofNumber(86, new java.math.BigDecimal("69.00"), 37, 4);
    LogResponse log =
        new LogResponse(
            0xA0,
            1,
            List.of(new LogRecord(7, List.of(e1a, t1a)), new LogRecord(8, List.of(e1b, t1b))),
            1,
            8,
            0x10);
    byte[] app = ApplicationLayer.encode(log);
    // CID LID N | rec 7: id unit nob siex value ×2 | rec 8: values only | LRO NEW INFO
    assertThat(app).hasSize(3 + (2 + 2 * 9) + (2 + 2 * 4) + 5);
    assertThat(ApplicationLayer.decodeResponse(app)).isEqualTo(log);
  }

  @Test
  void shortLogAnswerWithInfoBitsIsAccepted() {
    LogResponse log = (LogResponse) ApplicationLayer.decodeResponse(HEX.parseHex("A001"));
    assertThat(log.info()).isEqualTo(LogResponse.INFO_LOG_EMPTY);
    assertThat(log.complete()).isFalse();
    assertThat(ApplicationLayer.encode(log)).isEqualTo(HEX.parseHex("A001"));
  }

  @Test
  void logRecordsMustShareOneLayout() {
    LogResponse mixed =
        new LogResponse(
            0xA1,
            1,
            List.of(
                new LogRecord(
                    1, List.of(RegisterValue.ofNumber(60, java.math.BigDecimal.ONE, 8, 4))),
                new LogRecord(
                    2, List.of(RegisterValue.ofNumber(68, java.math.BigDecimal.ONE, 40, 4)))),
            1,
            2,
            0);
    assertThatThrownBy(() -> ApplicationLayer.encode(mixed)).hasMessageContaining("differs");
  }

  @Test
  void setClockDigits() {
    byte[] app =
        ApplicationLayer.encode(new SetClockRequest(LocalDateTime.of(2004, 8, 25, 23, 59, 59)));
    assertThat(HEX.formatHex(app)).isEqualTo("09" + "00009f79" + "000399b7");
  }

  @Test
  void putRegisterHidesItsPassword() {
    PutRegisterRequest put =
        new PutRegisterRequest(4711, RegisterValue.ofNumber(60, java.math.BigDecimal.TEN, 8));
    assertThat(put.toString()).doesNotContain("4711").contains("****");
  }

  @Test
  void ackIsALoneByte() {
    assertThat(FrameCodec.encodeResponse(0x3F, AckResponse.INSTANCE)).containsExactly(0x06);
    assertThat(FrameCodec.decode(new byte[] {0x06}).message()).isEqualTo(AckResponse.INSTANCE);
  }

  @Test
  void commandNamesResolve() {
    assertThat(CommandId.byName("getregister")).isEqualTo(CommandId.GET_REGISTER);
    assertThat(CommandId.byName("GET_LOG_ID_PRESENT")).isEqualTo(CommandId.GET_LOG_ID_PRESENT);
    assertThat(CommandId.byName("GetLogIDPresent")).isEqualTo(CommandId.GET_LOG_ID_PRESENT);
    assertThatThrownBy(() -> CommandId.byName("Reboot")).hasMessageContaining("GetRegister");
  }

  @Test
  void revisionText() {
    assertThat(new GetTypeResponse(1, 0x0601).revisionText()).isEqualTo("F1");
    assertThat(new GetTypeResponse(1, 0).revisionText()).isEqualTo("n/a");
    assertThat(GetTypeResponse.parseRevision("G1")).isEqualTo(0x0701);
  }

  @Test
  void decodesInPlaceFromAnyRegionAsFromItsCopy() {
    byte[] app = HEX.parseHex("10" + "003C080442" + "00000000" + "0044280443" + "000000AA");
    byte[] framed = new byte[app.length + 3];
    System.arraycopy(app, 0, framed, 1, app.length);
    framed[0] = 0x3F;
    framed[framed.length - 1] = 0x55;

    assertThat(ApplicationLayer.decodeResponse(framed, 1, app.length))
        .isEqualTo(ApplicationLayer.decodeResponse(app));
    byte[] request = HEX.parseHex("3F" + "1002003C0044" + "FFFF");
    assertThat(ApplicationLayer.decodeRequest(request, 1, 6))
        .isEqualTo(GetRegisterRequest.of(60, 68));
  }

  @Test
  void inPlaceErrorsCountOffsetsFromTheCidAndStopAtTheRegionsEnd() {
    byte[] framed = HEX.parseHex("3F" + "020102" + "0304");

    assertThatThrownBy(() -> ApplicationLayer.decodeResponse(framed, 1, 3))
        .isInstanceOf(KmpMessageException.class)
        .hasMessageContaining("GetSerialNo response is too short")
        .hasMessageContaining("at offset 3");
  }
}
