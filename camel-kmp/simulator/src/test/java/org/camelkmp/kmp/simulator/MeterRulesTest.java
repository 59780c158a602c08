package org.camelkmp.kmp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.camelkmp.kmp.message.AckResponse;
import org.camelkmp.kmp.message.ClearEventStatusRequest;
import org.camelkmp.kmp.message.EventStatus;
import org.camelkmp.kmp.message.FrameCodec;
import org.camelkmp.kmp.message.GetEventStatusRequest;
import org.camelkmp.kmp.message.GetLoggerConfigRequest;
import org.camelkmp.kmp.message.GetLoggerConfigResponse;
import org.camelkmp.kmp.message.GetRegisterRequest;
import org.camelkmp.kmp.message.GetRegisterResponse;
import org.camelkmp.kmp.message.GetSerialNoRequest;
import org.camelkmp.kmp.message.GetSerialNoResponse;
import org.camelkmp.kmp.message.GetTypeRequest;
import org.camelkmp.kmp.message.GetTypeResponse;
import org.camelkmp.kmp.message.KmpResponse;
import org.camelkmp.kmp.message.PutRegisterRequest;
import org.camelkmp.kmp.message.RawRequest;
import org.camelkmp.kmp.message.SetClockRequest;
import org.camelkmp.kmp.value.RegisterValue;
import org.junit.jupiter.api.Test;

/** The meter's rules, driven through whole frames as they arrive on the line. */
class MeterRulesTest {
  private final MutableClock clock = MutableClock.standard();
  private final SimulatedMeter meter = new SimulatedMeter(MeterConfig.defaults(), clock);

  private KmpResponse ask(org.camelkmp.kmp.message.KmpRequest request) {
    Optional<byte[]> answer = meter.respond(Wire.request(request));
    assertThat(answer).as("answer to %s", request).isPresent();
    return Wire.response(answer.get());
  }

  private GetRegisterResponse registers(Integer... ids) {
    return (GetRegisterResponse) ask(GetRegisterRequest.of(ids));
  }

  private RegisterValue register(int id) {
    return registers(id).value(id).orElseThrow();
  }

  @Test
  void getTypeAnswersTheIllustrativeMultical403TypeAndRevisionF1() {
    GetTypeResponse type = (GetTypeResponse) ask(new GetTypeRequest());

    assertThat(type.meterType()).isEqualTo(0x0403);
    assertThat(type.revisionText()).isEqualTo("F1");
  }

  @Test
  void getSerialNoAnswersTheConfiguredSerial() {
    SimulatedMeter custom =
        new SimulatedMeter(MeterConfig.builder().serialNumber(4_000_000_001L).build(), clock);

    byte[] answer = custom.respond(Wire.request(new GetSerialNoRequest())).orElseThrow();

    assertThat(((GetSerialNoResponse) Wire.response(answer)).serialNumber())
        .isEqualTo(4_000_000_001L);
  }

  @Test
  void answersComeFromTheMetersAddressInTheResponseDirection() {
    byte[] answer = meter.respond(Wire.request(new GetTypeRequest())).orElseThrow();

    assertThat(answer[0] & 0xFF).isEqualTo(0x40);
    assertThat(FrameCodec.decode(answer).address()).isEqualTo(0x3F);
  }

  @Test
  void getRegisterSendsEachRegisterWithItsUnitNob4AndFixedDecimals() {
    GetRegisterResponse answer = registers(60, 68, 1004, 86, 87, 89, 74, 80);

    assertThat(answer.values())
        .extracting(RegisterValue::id)
        .containsExactly(60, 68, 1004, 86, 87, 89, 74, 80);
    assertThat(answer.values()).allSatisfy(v -> assertThat(v.nob()).isEqualTo(4));
    assertThat(answer.value(60).orElseThrow().unit().symbol()).isEqualTo("GJ");
    assertThat(answer.value(60).orElseThrow().decimal().scale()).isEqualTo(3);
    assertThat(answer.value(68).orElseThrow().unit().symbol()).isEqualTo("m³");
    assertThat(answer.value(68).orElseThrow().decimal().scale()).isEqualTo(2);
    assertThat(answer.value(74).orElseThrow().unit().symbol()).isEqualTo("l/h");
    assertThat(answer.value(80).orElseThrow().unit().symbol()).isEqualTo("kW");
    assertThat(answer.value(80).orElseThrow().decimal().scale()).isEqualTo(1);
    assertThat(answer.value(86).orElseThrow().unit().symbol()).isEqualTo("°C");
    assertThat(answer.value(86).orElseThrow().decimal().scale()).isEqualTo(2);
    assertThat(answer.value(89).orElseThrow().unit().symbol()).isEqualTo("K");
    assertThat(answer.value(1004).orElseThrow().unit().symbol()).isEqualTo("h");
  }

  @Test
  void startsFromTheConfiguredCounters() {
    assertThat(register(60).decimal()).isEqualByComparingTo("1234.567");
    assertThat(register(63).decimal()).isEqualByComparingTo("0.412");
    assertThat(register(68).decimal()).isEqualByComparingTo("12345.67");
    assertThat(register(1004).decimal()).isEqualByComparingTo("26280");
    assertThat(register(1001).decimal()).isEqualByComparingTo("72345678");
    assertThat(register(99).decimal()).isEqualByComparingTo("0");
  }

  @Test
  void temperatureDifferenceIsT1MinusT2AsShownAndTheLoadIsPlausible() {
    GetRegisterResponse answer = registers(86, 87, 89, 74, 80);
    BigDecimal t1 = answer.value(86).orElseThrow().decimal();
    BigDecimal t2 = answer.value(87).orElseThrow().decimal();

    assertThat(answer.value(89).orElseThrow().decimal()).isEqualTo(t1.subtract(t2));
    assertThat(t1).isBetween(new BigDecimal("55"), new BigDecimal("85"));
    assertThat(t2).isBetween(new BigDecimal("25"), t1);
    assertThat(answer.value(74).orElseThrow().decimal())
        .isBetween(new BigDecimal("200"), new BigDecimal("1000"));
    assertThat(answer.value(80).orElseThrow().decimal())
        .isBetween(new BigDecimal("5"), new BigDecimal("40"));
  }

  @Test
  void clockDateAndDateTimeComeFromTheInjectedClock() {
    GetRegisterResponse answer = registers(1002, 1003, 348);

    assertThat(answer.value(1002).orElseThrow().unitCode()).isEqualTo(0x2F);
    assertThat(answer.value(1002).orElseThrow().time()).contains(LocalTime.of(10, 20, 30));
    assertThat(answer.value(1003).orElseThrow().unitCode()).isEqualTo(0x30);
    assertThat(answer.value(1003).orElseThrow().date()).contains(LocalDate.of(2024, 3, 15));
    assertThat(answer.value(348).orElseThrow().unitCode()).isEqualTo(0x4F);
    assertThat(answer.value(348).orElseThrow().nob()).isEqualTo(7);
    assertThat(answer.value(348).orElseThrow().dateTime())
        .contains(LocalDateTime.of(2024, 3, 15, 10, 20, 30));
  }

  @Test
  void registersItDoesNotHaveAreLeftOut() {
    GetRegisterResponse answer = registers(60, 1054, 2, 80);

    assertThat(answer.values()).extracting(RegisterValue::id).containsExactly(60, 80);
  }

  @Test
  void answersWithNoBlocksWhenItKnowsNoneOfTheRegisters() {
    byte[] answer = meter.respond(Wire.request(GetRegisterRequest.of(1054, 1033))).orElseThrow();

    assertThat(((GetRegisterResponse) Wire.response(answer)).values()).isEmpty();
    assertThat(Wire.hex(answer)).startsWith("403f10").hasSize(2 * 6);
  }

  @Test
  void ignoresFramesForAnotherAddress() {
    assertThat(meter.respond(Wire.request(0x7F, new GetTypeRequest()))).isEmpty();
    assertThat(meter.respond(Wire.hex("803A01FA7F0D"))).isEmpty();
  }

  @Test
  void answersAtAConfiguredAddress() {
    SimulatedMeter logger = new SimulatedMeter(MeterConfig.builder().address(0x3A).build(), clock);

    assertThat(logger.respond(Wire.hex("803A01FA7F0D"))).isPresent();
    assertThat(logger.respond(Wire.request(new GetTypeRequest()))).isEmpty();
  }

  @Test
  void ignoresABadCrc() {
    byte[] frame = Wire.request(new GetTypeRequest());
    frame[frame.length - 2] ^= 0x01;

    assertThat(meter.respond(frame)).isEmpty();
  }

  @Test
  void ignoresFramingErrorsResponsesAcksAndGarbage() {
    assertThat(meter.respond(Wire.hex("803F1B01058A0D"))).as("invalid escape").isEmpty();
    assertThat(meter.respond(Wire.hex("803F0D"))).as("too short").isEmpty();
    assertThat(meter.respond(Wire.hex("403F0201234567E9560D"))).as("a response").isEmpty();
    assertThat(meter.respond(Wire.hex("06"))).as("an ACK").isEmpty();
    assertThat(meter.respond(Wire.hex("00"))).as("noise").isEmpty();
    assertThat(meter.respond(new byte[0])).as("nothing").isEmpty();
  }

  @Test
  void ignoresRequestsWhoseDataDoNotFitTheCid() {
    assertThat(meter.respond(Wire.request(new RawRequest(0x10, new byte[] {0})))).isEmpty();
    assertThat(meter.respond(Wire.request(new RawRequest(0x10, new byte[] {1, 0})))).isEmpty();
    assertThat(meter.respond(Wire.request(new RawRequest(0x01, new byte[] {1})))).isEmpty();
  }

  @Test
  void staysSilentOnUnknownCids() {
    assertThat(meter.respond(Wire.hex("803FB8050270EE0D"))).isEmpty();
    assertThat(meter.respond(Wire.request(new RawRequest(0x55, new byte[] {1, 2})))).isEmpty();
  }

  @Test
  void getLoggerConfigAnswersTheHourAndDayLoggersWithTheLoggedRegistersEchoingTheRequest() {
    for (int type : new int[] {GetLoggerConfigRequest.HOUR, GetLoggerConfigRequest.DAY}) {
      GetLoggerConfigResponse config =
          (GetLoggerConfigResponse) ask(new GetLoggerConfigRequest(type));

      assertThat(config.echoed()).isTrue();
      assertThat(config.loggerType()).isEqualTo(type);
      assertThat(config.registerIds())
          .contains(List.of(1003, 1002, 60, 63, 68, 86, 87, 74, 80, 99, 1004));
    }
  }

  @Test
  void getLoggerConfigForALoggerTheMeterDoesNotHaveGetsNoAnswer() {
    for (int type : new int[] {0, 1, 2, 3, 6, 7, 255}) {
      assertThat(meter.respond(Wire.request(new GetLoggerConfigRequest(type))))
          .as("logger type %d", type)
          .isEmpty();
    }
  }

  @Test
  void setClockIsAcknowledgedAndMovesTheMetersClockOnly() {
    BigDecimal energy = register(60).decimal();

    byte[] ack =
        meter
            .respond(Wire.request(new SetClockRequest(LocalDateTime.of(2025, 1, 2, 3, 4, 5))))
            .orElseThrow();
    clock.advance(Duration.ofSeconds(10));

    assertThat(ack).containsExactly(0x06);
    assertThat(register(1002).time()).contains(LocalTime.of(3, 4, 15));
    assertThat(register(1003).date()).contains(LocalDate.of(2025, 1, 2));
    assertThat(register(348).dateTime()).contains(LocalDateTime.of(2025, 1, 2, 3, 4, 15));
    assertThat(meter.meterTime()).isEqualTo(LocalDateTime.of(2025, 1, 2, 3, 4, 15));
    assertThat(register(60).decimal()).as("energy follows real time").isEqualTo(energy);
  }

  @Test
  void setClockWithTheVendorsFrameIsAcknowledged() {
    assertThat(meter.respond(Wire.hex("803F090001144A00027715774E0D"))).hasValue(new byte[] {6});
    assertThat(meter.meterTime()).isEqualTo(LocalDateTime.of(2007, 7, 30, 16, 15, 57));
  }

  @Test
  void putRegisterWithThePasswordWritesTheValueAndAcknowledges() {
    RegisterValue value = RegisterValue.ofNumber(60, new BigDecimal("42.000"), 8, 4);

    assertThat(meter.respond(Wire.request(new PutRegisterRequest(0, value))))
        .hasValue(new byte[] {6});
    clock.advance(Duration.ofHours(1));

    assertThat(register(60)).isEqualTo(value);
  }

  @Test
  void putRegisterWithAWrongPasswordOrForAnUnknownRegisterIsIgnored() {
    SimulatedMeter guarded =
        new SimulatedMeter(MeterConfig.builder().password(1234).build(), clock);
    RegisterValue e1 = RegisterValue.ofNumber(60, new BigDecimal("42.000"), 8, 4);
    RegisterValue unknown = RegisterValue.ofNumber(1054, new BigDecimal("230"), 33, 4);

    assertThat(guarded.respond(Wire.request(new PutRegisterRequest(0, e1)))).isEmpty();
    assertThat(guarded.respond(Wire.request(new PutRegisterRequest(1234, unknown)))).isEmpty();
    assertThat(guarded.register(60).orElseThrow()).isNotEqualTo(e1);
    assertThat(guarded.register(1054)).isEmpty();
    assertThat(guarded.handle(new PutRegisterRequest(1234, e1))).contains(AckResponse.INSTANCE);
    assertThat(guarded.register(60)).contains(e1);
  }

  @Test
  void energyVolumeAndHoursGrowWithPowerAndFlowOverInjectedTime() {
    SimulatedMeter steady =
        new SimulatedMeter(
            MeterConfig.builder()
                .variation(0)
                .power(new BigDecimal("10"))
                .flow(new BigDecimal("400"))
                .heatEnergy(new BigDecimal("100"))
                .volume(new BigDecimal("50"))
                .hourCounter(10)
                .build(),
            clock);

    clock.advance(Duration.ofHours(1));

    assertThat(steady.register(60).orElseThrow().decimal()).isEqualTo(new BigDecimal("100.036"));
    assertThat(steady.register(68).orElseThrow().decimal()).isEqualTo(new BigDecimal("50.40"));
    assertThat(steady.register(1004).orElseThrow().decimal()).isEqualByComparingTo("11");
    assertThat(steady.register(80).orElseThrow().decimal()).isEqualTo(new BigDecimal("10.0"));
    assertThat(steady.register(74).orElseThrow().decimal()).isEqualByComparingTo("400");
  }

  @Test
  void energyIsTheIntegralOfAVaryingPowerAndNeverDecreases() {
    BigDecimal before = register(60).decimal();
    BigDecimal previous = before;
    BigDecimal minPower = null;
    BigDecimal maxPower = null;
    for (int minute = 0; minute < 120; minute++) {
      BigDecimal power = register(80).decimal();
      minPower = minPower == null ? power : minPower.min(power);
      maxPower = maxPower == null ? power : maxPower.max(power);
      clock.advance(Duration.ofMinutes(1));
      BigDecimal now = register(60).decimal();
      assertThat(now).isGreaterThanOrEqualTo(previous);
      previous = now;
    }
    BigDecimal gained = previous.subtract(before);

    assertThat(maxPower).isGreaterThan(minPower);
    assertThat(gained)
        .isBetween(
            minPower.subtract(BigDecimal.ONE).multiply(new BigDecimal("0.0072")),
            maxPower.add(BigDecimal.ONE).multiply(new BigDecimal("0.0072")));
  }

  @Test
  void valuesAreDeterministicForAGivenClock() {
    clock.advance(Duration.ofMinutes(37));
    MutableClock twinClock = MutableClock.standard();
    SimulatedMeter other = new SimulatedMeter(MeterConfig.defaults(), twinClock);
    twinClock.advance(Duration.ofMinutes(37));

    for (int id : meter.registerIds()) {
      assertThat(other.register(id)).as("register %d", id).isEqualTo(meter.register(id));
    }
  }

  @Test
  void highResolutionEnergyHoldsOnlyTheLowDigitsInWh() {
    SimulatedMeter near60 =
        new SimulatedMeter(
            MeterConfig.builder().variation(0).heatEnergy(new BigDecimal("59.96")).build(), clock);

    RegisterValue e1HighRes = near60.register(266).orElseThrow();

    // 59.96 GJ = 16 655 555.5 Wh; the register keeps the low 7 digits
    assertThat(e1HighRes.unit().symbol()).isEqualTo("Wh");
    assertThat(e1HighRes.decimal()).isEqualByComparingTo("6655555");
    assertThat(near60.register(239).orElseThrow().decimal()).isEqualByComparingTo("12345670");
    assertThat(near60.register(239).orElseThrow().unit().symbol()).isEqualTo("l");
  }

  @Test
  void yearlyAndMonthlyExtremesBracketTheCurrentValuesWithDatesInThePeriod() {
    GetRegisterResponse year = registers(123, 124, 125, 126, 127, 128, 129, 130);
    GetRegisterResponse month = registers(138, 139, 140, 141, 142, 143, 144, 145);
    BigDecimal flow = register(74).decimal();
    BigDecimal power = register(80).decimal();

    for (GetRegisterResponse period : List.of(year, month)) {
      List<RegisterValue> v = period.values();
      assertThat(v).hasSize(8);
      for (int i = 0; i < 8; i += 2) {
        assertThat(v.get(i).unitCode()).isEqualTo(0x30);
        LocalDate date = v.get(i).date().orElseThrow();
        assertThat(date).isBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 15));
      }
      assertThat(v.get(1).decimal()).isGreaterThanOrEqualTo(flow);
      assertThat(v.get(3).decimal()).isLessThanOrEqualTo(flow);
      assertThat(v.get(5).decimal()).isGreaterThanOrEqualTo(power);
      assertThat(v.get(7).decimal()).isLessThanOrEqualTo(power);
    }
    assertThat(month.values().get(0).date().orElseThrow())
        .isAfterOrEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(year.values().get(1).decimal())
        .isGreaterThanOrEqualTo(month.values().get(1).decimal());
    assertThat(year.values().get(3).decimal()).isLessThanOrEqualTo(month.values().get(3).decimal());
  }

  @Test
  void averageTemperaturesAreInTheRangeOfTheTemperatures() {
    GetRegisterResponse answer = registers(146, 147, 149, 150);

    assertThat(answer.values()).allSatisfy(v -> assertThat(v.unit().symbol()).isEqualTo("°C"));
    assertThat(answer.value(149).orElseThrow().decimal())
        .isBetween(new BigDecimal("60"), new BigDecimal("85"));
    assertThat(answer.value(150).orElseThrow().decimal())
        .isBetween(new BigDecimal("30"), new BigDecimal("60"));
  }

  @Test
  void averageAtTheFirstInstantOfTheMonthIsTheCurrentTemperature() {
    clock.set(java.time.Instant.parse("2024-04-01T00:00:00Z"));

    assertThat(meter.register(149).orElseThrow().decimal())
        .isEqualTo(meter.register(86).orElseThrow().decimal());
  }

  @Test
  void eventStatusStartsClearAndClearEventStatusAnswersTheStatus() {
    byte[] answer = meter.respond(Wire.request(new GetEventStatusRequest())).orElseThrow();

    assertThat(Wire.hex(answer)).startsWith("403f9b00000000");
    assertThat(ask(new ClearEventStatusRequest(EventStatus.NONE, EventStatus.NONE)).cid())
        .isEqualTo(0x9C);
  }
}
