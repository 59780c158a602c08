package org.camelkmp.kmp.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.camelkmp.kmp.error.KmpMessageException;
import org.camelkmp.kmp.frame.DataLinkFrame;
import org.camelkmp.kmp.frame.DataLinkLayer;
import org.camelkmp.kmp.frame.Direction;
import org.camelkmp.kmp.frame.PhysicalLayer;
import org.camelkmp.kmp.value.RegisterValue;
import org.junit.jupiter.api.Test;

/**
 * Register values of every length the NoB byte can name (0..255), parsed by NoB: the limit of 8
 * that the core once had is not KMP's.
 */
class ValueLengthsTest {
  private static final HexFormat HEX = HexFormat.of();

  /**
   * The application bytes of an electricity meter's GetRegister answer as captured: active energy
   * in (kWh, NoB 4), the same in high resolution (Wh, NoB 10) and voltage L1 (V, NoB 2).
   */
  static final String ELECTRICITY_ANSWER =
      "10"
          + "0001" // ENERGY_IN
          + "02" // kWh
          + "04" // NoB 4
          + "00" // SiEx: exponent 0
          + "0002F556" // 193878
          + "000D" // ENERGY_IN_HIGH_RES
          + "01" // Wh
          + "0A" // NoB 10
          + "00"
          + "0000000000000B8E5A1F" // 193878559
          + "041E" // VOLTAGE_L1
          + "21" // V
          + "02"
          + "00"
          + "00E6"; // 230

  /** A whole response frame from address 0x3F, CRC and stuffing by the project's own encoder. */
  static byte[] responseFrame(String application) {
    return PhysicalLayer.encode(
        Direction.RESPONSE,
        DataLinkLayer.encode(new DataLinkFrame(0x3F, HEX.parseHex(application))));
  }

  @Test
  void anElectricityMetersAnswerWithANoB10RegisterDecodesWhole() {
    DecodedFrame decoded = FrameCodec.decode(responseFrame(ELECTRICITY_ANSWER));

    GetRegisterResponse answer = (GetRegisterResponse) decoded.message();
    assertThat(answer.values()).extracting(RegisterValue::id).containsExactly(1, 13, 1054);
    assertThat(answer.value(1).orElseThrow().decimal()).isEqualByComparingTo("193878");
    RegisterValue highRes = answer.value(13).orElseThrow();
    assertThat(highRes.nob()).isEqualTo(10);
    assertThat(highRes.decimal()).isEqualTo(new BigDecimal("193878559"));
    assertThat(highRes.unit().symbol()).isEqualTo("Wh");
    assertThat(answer.value(1054).orElseThrow().decimal()).isEqualByComparingTo("230");
  }

  @Test
  void theAnswerEncodesBackToTheSameBytes() {
    byte[] frame = responseFrame(ELECTRICITY_ANSWER);

    KmpResponse answer = (KmpResponse) FrameCodec.decode(frame).message();

    assertThat(HEX.formatHex(FrameCodec.encodeResponse(0x3F, answer)))
        .isEqualTo(HEX.formatHex(frame));
  }

  @Test
  void aMantissaBeyondALongIsExact() {
    String app = "10" + "000D" + "01" + "0C" + "C3" + "FFFFFFFFFFFFFFFFFFFFFFFF";

    RegisterValue v =
        ((GetRegisterResponse) FrameCodec.decode(responseFrame(app)).message())
            .value(13)
            .orElseThrow();

    assertThat(v.mantissa()).isEqualTo(BigInteger.TWO.pow(96).subtract(BigInteger.ONE));
    assertThat(v.decimal()).isEqualTo(new BigDecimal("-79228162514264337593543950.335"));
  }

  @Test
  void aRegisterWithNoValueBytesLeavesTheOthersReadable() {
    String app = "10" + "0001" + "02" + "00" + "00" + "041E" + "21" + "02" + "00" + "00E6";

    GetRegisterResponse answer =
        (GetRegisterResponse) FrameCodec.decode(responseFrame(app)).message();

    assertThat(answer.values()).extracting(RegisterValue::id).containsExactly(1, 1054);
    assertThat(answer.value(1).orElseThrow().hasValue()).isFalse();
    assertThat(answer.value(1054).orElseThrow().decimal()).isEqualByComparingTo("230");
  }

  @Test
  void anOddUnitOrSiExOrLengthIsThatRegistersOwnBusiness() {
    // unit 0xEE (not catalogued); SiEx 0xFF (negative, exponent -63); a 9-byte clock; a 3-byte
    // date and time: each is kept as sent and the neighbours stay readable
    String app =
        "10"
            + "0001EE0400"
            + "00000001"
            + "00020202FF"
            + "0101"
            + "03EA2F0900"
            + "000000000000030E33"
            + "015C4F0300"
            + "180C1F"
            + "041E21020000E6";

    GetRegisterResponse answer =
        (GetRegisterResponse) FrameCodec.decode(responseFrame(app)).message();

    assertThat(answer.values())
        .extracting(RegisterValue::id)
        .containsExactly(1, 2, 1002, 348, 1054);
    assertThat(answer.value(1).orElseThrow().unit().known()).isFalse();
    assertThat(answer.value(2).orElseThrow().decimal())
        .isEqualByComparingTo(new BigDecimal(BigInteger.valueOf(-257), 63));
    assertThat(answer.value(1002).orElseThrow().time())
        .hasValueSatisfying(
            t -> {
              assertThat(t.toString()).isEqualTo("20:02:43");
            });
    assertThat(answer.value(348).orElseThrow().dateTime()).isEmpty();
    assertThat(answer.value(348).orElseThrow().decimal()).isEqualByComparingTo("1575967");
    assertThat(answer.value(1054).orElseThrow().decimal()).isEqualByComparingTo("230");
  }

  @Test
  void aNoBRunningPastTheAnswersEndIsAnErrorOfTheWholeAnswer() {
    // the next block cannot be found: nothing after it could be trusted
    String app = "10" + "0001020400" + "0002F556" + "000D010A00" + "00000B8E5A1F";

    assertThatThrownBy(() -> FrameCodec.decode(responseFrame(app)))
        .isInstanceOf(KmpMessageException.class)
        .hasMessageContaining("register 13")
        .hasMessageContaining("NoB 10")
        .hasMessageContaining("6");
  }

  @Test
  void aPutRegisterCarriesALongValue() {
    RegisterValue value =
        RegisterValue.ofNumber(13, new BigDecimal("123456789012345678901.234"), 1);
    PutRegisterRequest put = new PutRegisterRequest(0, value);

    DecodedFrame decoded = FrameCodec.decode(FrameCodec.encodeRequest(0x3F, put));

    assertThat(decoded.message()).isEqualTo(put);
    assertThat(((PutRegisterRequest) decoded.message()).value().nob()).isEqualTo(10);
  }

  @Test
  void logRecordsCarryLongValuesInEveryRecord() {
    RegisterValue first = RegisterValue.ofNumber(13, new BigDecimal("12345678901234567890123"), 1);
    RegisterValue second =
        new RegisterValue(13, first.unitCode(), first.siex(), HEX.parseHex("0102030405060708090A"));
    LogResponse log =
        new LogResponse(
            0xA1,
            1,
            List.of(new LogRecord(7, List.of(first)), new LogRecord(8, List.of(second))),
            1,
            8,
            0);

    assertThat(FrameCodec.decode(FrameCodec.encodeResponse(0x3F, log)).message()).isEqualTo(log);
  }

  @Property
  void anyNoBTheFieldCanNameSurvivesTheWire(@ForAll("longValues") List<RegisterValue> values) {
    GetRegisterResponse answer = new GetRegisterResponse(values);

    KmpMessage decoded = FrameCodec.decode(FrameCodec.encodeResponse(0x3F, answer)).message();

    assertThat(decoded).isEqualTo(answer);
    for (int i = 0; i < values.size(); i++) {
      RegisterValue sent = values.get(i);
      RegisterValue got = ((GetRegisterResponse) decoded).values().get(i);
      assertThat(got.mantissa()).isEqualTo(new BigInteger(1, sent.bytes()));
    }
  }

  /** Up to three values of 0..255 bytes: three of the longest fit one 1024-byte frame. */
  @Provide
  Arbitrary<List<RegisterValue>> longValues() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 0xFFFF),
            Arbitraries.integers().between(0, 255),
            Arbitraries.integers().between(0, 255),
            Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(255))
        .as(RegisterValue::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(3);
  }
}
