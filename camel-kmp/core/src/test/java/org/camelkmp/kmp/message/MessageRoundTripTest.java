package org.camelkmp.kmp.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.camelkmp.kmp.frame.Direction;
import org.camelkmp.kmp.value.RegisterValue;

/** Encode then decode gives back the same message, for every message type and both directions. */
class MessageRoundTripTest {

  @Property
  void requestsSurviveTheWire(
      @ForAll("requests") KmpRequest request, @ForAll @IntRange(max = 255) int address) {
    DecodedFrame decoded = FrameCodec.decode(FrameCodec.encodeRequest(address, request));
    assertThat(decoded).isEqualTo(new DecodedFrame(Direction.REQUEST, address, request));
  }

  @Property
  void responsesSurviveTheWire(
      @ForAll("responses") KmpResponse response, @ForAll @IntRange(max = 255) int address) {
    DecodedFrame decoded = FrameCodec.decode(FrameCodec.encodeResponse(address, response));
    assertThat(decoded.message()).isEqualTo(response);
    assertThat(decoded.direction()).isEqualTo(Direction.RESPONSE);
  }

  @Provide
  Arbitrary<KmpRequest> requests() {
    Arbitrary<List<Integer>> ids =
        Arbitraries.integers().between(0, 0xFFFF).list().ofMinSize(1).ofMaxSize(8);
    Arbitrary<Integer> u8 = Arbitraries.integers().between(0, 255);
    Arbitrary<Integer> u16 = Arbitraries.integers().between(0, 0xFFFF);
    return Arbitraries.oneOf(
        Arbitraries.just(new GetTypeRequest()),
        Arbitraries.just(new GetSerialNoRequest()),
        Arbitraries.just(new GetEventStatusRequest()),
        times(2000, 2099).map(SetClockRequest::new),
        ids.map(GetRegisterRequest::new),
        Combinators.combine(u16, registerValues()).as(PutRegisterRequest::new),
        Combinators.combine(eventStatus(), eventStatus()).as(ClearEventStatusRequest::new),
        Combinators.combine(u8, ids, u8, u8, times(2000, 2255)).as(GetLogTimePresentRequest::new),
        Combinators.combine(u8, ids, u8, u8).as(GetLogLastPresentRequest::new),
        Combinators.combine(u8, ids, u8, u8, u16).as(GetLogIdPresentRequest::new),
        Combinators.combine(u8, ids, u8, u8, times(2000, 2255), u16).as(GetLogTimePastRequest::new),
        Arbitraries.integers().between(0, 255).map(GetLoggerConfigRequest::new),
        Combinators.combine(
                Arbitraries.of(0x00, 0x03, 0x77, 0xB9, 0xFF),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40))
            .as(RawRequest::new));
  }

  @Provide
  Arbitrary<KmpResponse> responses() {
    Arbitrary<Integer> u8 = Arbitraries.integers().between(0, 255);
    Arbitrary<Integer> u16 = Arbitraries.integers().between(0, 0xFFFF);
    return Arbitraries.oneOf(
        Arbitraries.just(AckResponse.INSTANCE),
        Combinators.combine(u16, u16).as(GetTypeResponse::new),
        Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(GetSerialNoResponse::new),
        registerValues().list().ofMaxSize(12).map(GetRegisterResponse::new),
        Combinators.combine(Arbitraries.of(0x9B, 0x9C), eventStatus()).as(EventStatusResponse::new),
        Combinators.combine(Arbitraries.of(0xA0, 0xA1, 0xA2, 0xA3), u8, logRecords(), u16, u16, u8)
            .as(LogResponse::new),
        Combinators.combine(
                Arbitraries.integers().between(2, 7),
                Arbitraries.integers().between(0, 0xFFFF).list().ofMaxSize(20))
            .as(GetLoggerConfigResponse::ofRegisters),
        Arbitraries.bytes()
            .array(byte[].class)
            .ofMinSize(1)
            .ofMaxSize(40)
            .filter(b -> !GetLoggerConfigResponse.startsWithEcho(b))
            .map(b -> new GetLoggerConfigResponse(-1, -1, b)),
        Combinators.combine(
                Arbitraries.of(0x00, 0x77, 0xB9),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40))
            .as(RawResponse::new));
  }

  private Arbitrary<List<LogRecord>> logRecords() {
    Arbitrary<List<RegisterValue>> layout = registerValues().list().ofMinSize(1).ofMaxSize(8);
    return layout.flatMap(
        first ->
            Arbitraries.integers()
                .between(0, 5)
                .flatMap(
                    count ->
                        Arbitraries.integers()
                            .between(0, 0xFFF0)
                            .map(
                                startId -> {
                                  List<LogRecord> records = new java.util.ArrayList<>();
                                  for (int i = 0; i < count; i++) {
                                    int shift = i;
                                    List<RegisterValue> values =
                                        first.stream()
                                            .map(
                                                v ->
                                                    new RegisterValue(
                                                        v.id(),
                                                        v.unitCode(),
                                                        v.siex(),
                                                        rotate(v.bytes(), shift)))
                                            .toList();
                                    records.add(new LogRecord(startId + i, values));
                                  }
                                  return records;
                                })));
  }

  private static byte[] rotate(byte[] bytes, int by) {
    byte[] out = bytes.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) (out[i] + by);
    }
    return out;
  }

  private Arbitrary<RegisterValue> registerValues() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 0xFFFF),
            Arbitraries.integers().between(0, 255),
            Arbitraries.integers().between(0, 255),
            Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8))
        .as(RegisterValue::new);
  }

  private Arbitrary<EventStatus> eventStatus() {
    Arbitrary<Integer> u8 = Arbitraries.integers().between(0, 255);
    return Combinators.combine(u8, u8, u8, u8).as(EventStatus::new);
  }

  private Arbitrary<LocalDateTime> times(int fromYear, int toYear) {
    return Combinators.combine(
            Arbitraries.integers().between(fromYear, toYear),
            Arbitraries.integers().between(1, 12),
            Arbitraries.integers().between(1, 28),
            Arbitraries.integers().between(0, 23),
            Arbitraries.integers().between(0, 59),
            Arbitraries.integers().between(0, 59))
        .as(LocalDateTime::of);
  }

  @Property
  void valuesSurviveAPutRegister(@ForAll("decimals") BigDecimal value) {
    PutRegisterRequest put = new PutRegisterRequest(0, RegisterValue.ofNumber(60, value, 8));
    KmpMessage decoded = FrameCodec.decode(FrameCodec.encodeRequest(0x3F, put)).message();
    assertThat(((PutRegisterRequest) decoded).value().decimal()).isEqualByComparingTo(value);
  }

  @Provide
  Arbitrary<BigDecimal> decimals() {
    return Combinators.combine(
            Arbitraries.bigIntegers()
                .between(
                    BigInteger.valueOf(-999_999_999_999L), BigInteger.valueOf(999_999_999_999L)),
            Arbitraries.integers().between(-10, 10))
        .as(BigDecimal::new);
  }
}
