package org.camelkmp.kmp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Properties;
import org.camelkmp.kmp.frame.DataLinkFrame;
import org.camelkmp.kmp.frame.DataLinkLayer;
import org.camelkmp.kmp.frame.Direction;
import org.camelkmp.kmp.frame.PhysicalLayer;
import org.camelkmp.kmp.message.GetLogTimePresentRequest;
import org.camelkmp.kmp.message.GetRegisterRequest;
import org.camelkmp.kmp.message.GetRegisterResponse;
import org.camelkmp.kmp.message.LogResponse;
import org.camelkmp.kmp.value.RegisterValue;
import org.junit.jupiter.api.Test;

/** The simulated meter keeps and sends values of any NoB, as a meter on the line would. */
class MeterValueLengthsTest {
  private final MutableClock clock = MutableClock.standard();

  private static GetRegisterResponse ask(SimulatedMeter meter, Integer... ids) {
    byte[] answer = meter.respond(Wire.request(GetRegisterRequest.of(ids))).orElseThrow();
    return (GetRegisterResponse) Wire.response(answer);
  }

  @Test
  void aFixedRegisterTooLargeForEightBytesIsSentWhole() {
    BigDecimal highRes = new BigDecimal("1234567890123456789012.345");
    SimulatedMeter meter =
        new SimulatedMeter(MeterConfig.builder().register(13, highRes, 1).build(), clock);

    GetRegisterResponse answer = ask(meter, 60, 13, 68);

    assertThat(answer.values()).extracting(RegisterValue::id).containsExactly(60, 13, 68);
    RegisterValue value = answer.value(13).orElseThrow();
    assertThat(value.nob()).isEqualTo(11);
    assertThat(value.decimal()).isEqualTo(highRes);
    assertThat(answer.value(60).orElseThrow().nob()).isEqualTo(4);
  }

  @Test
  void aConfigurationFileMayGiveALongValue() throws Exception {
    Properties properties = new Properties();
    properties.load(
        new StringReader("register.ENERGY_IN_HIGH_RES=123456789012345678901234567891 Wh\n"));
    SimulatedMeter meter = new SimulatedMeter(MeterConfig.fromProperties(properties), clock);

    RegisterValue value = ask(meter, 13).value(13).orElseThrow();

    assertThat(value.nob()).isEqualTo(13);
    assertThat(value.decimal()).isEqualTo(new BigDecimal("123456789012345678901234567891"));
    assertThat(value.unit().symbol()).isEqualTo("Wh");
  }

  @Test
  void aPutRegisterWithTenValueBytesIsWrittenAndReadBackAsSent() {
    // PutRegister: password 0000, E1 (60) in Wh, NoB 10, SiEx 0, framed by the project's encoder
    byte[] put =
        PhysicalLayer.encode(
            Direction.REQUEST,
            DataLinkLayer.encode(
                new DataLinkFrame(0x3F, Wire.hex("11 0000 003C 01 0A 00 0102030405060708090A"))));

    SimulatedMeter meter = new SimulatedMeter(MeterConfig.defaults(), clock);
    assertThat(meter.respond(put)).hasValue(new byte[] {6});

    RegisterValue e1 = ask(meter, 60).value(60).orElseThrow();
    assertThat(Wire.hex(e1.bytes())).isEqualTo("0102030405060708090a");
    assertThat(e1.decimal()).isEqualTo(new BigDecimal("4759477275222530853130"));
  }

  @Test
  void aRegisterWithoutValueIsSentWithNoB0BesideTheOthers() {
    SimulatedMeter meter =
        new SimulatedMeter(
            MeterConfig.builder().register(new RegisterValue(1, 2, 0, new byte[0])).build(), clock);

    GetRegisterResponse answer = ask(meter, 1, 60);

    assertThat(answer.value(1).orElseThrow().nob()).isZero();
    assertThat(answer.value(1).orElseThrow().hasValue()).isFalse();
    assertThat(answer.value(60).orElseThrow().decimal()).isEqualByComparingTo("1234.567");
  }

  @Test
  void theLogRecordsALongValueWhole() {
    BigDecimal e1 = new BigDecimal("98765432109876543210.987");
    SimulatedMeter meter =
        new SimulatedMeter(
            MeterConfig.builder().register(60, e1, 8).hourlyLog(4, 4).dailyLog(1, 0).build(),
            clock);

    byte[] answer =
        meter
            .respond(
                Wire.request(
                    new GetLogTimePresentRequest(
                        1, List.of(60), 2, 255, LocalDateTime.of(2024, 3, 15, 0, 0))))
            .orElseThrow();

    LogResponse log = (LogResponse) Wire.response(answer);
    assertThat(log.records()).isNotEmpty();
    assertThat(log.records())
        .allSatisfy(r -> assertThat(r.values().get(0).decimal()).isEqualTo(e1));
  }
}
