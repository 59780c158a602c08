package org.camelkmp.kmp.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camelkmp.kmp.error.KmpCrcException;
import org.camelkmp.kmp.frame.Direction;
import org.camelkmp.kmp.value.RegisterValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every frame of vectors.tsv (docs/protocol.md §8): decoded meaning, and encoding back to the
 * bytes.
 */
class VectorsTest {
  private static final HexFormat HEX = HexFormat.of();

  record Vector(String frame, boolean crcOk, String meaning) {
    @Override
    public String toString() {
      return frame + " (" + meaning + ")";
    }
  }

  static List<Vector> vectors() throws IOException {
    try (InputStream in = VectorsTest.class.getResourceAsStream("/org/camelkmp/kmp/vectors.tsv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .skip(1)
          .filter(line -> !line.isBlank())
          .map(line -> line.split("\t"))
          .map(f -> new Vector(f[0], f[1].equals("yes"), f[2]))
          .toList();
    }
  }

  static Stream<Vector> goodVectors() throws IOException {
    return vectors().stream().filter(Vector::crcOk);
  }

  static Stream<Vector> badVectors() throws IOException {
    return vectors().stream().filter(v -> !v.crcOk());
  }

  @ParameterizedTest
  @MethodSource("goodVectors")
  void goodFrameEncodesBackToTheSameBytes(Vector vector) {
    DecodedFrame decoded = FrameCodec.decode(HEX.parseHex(vector.frame()));
    byte[] encoded =
        decoded.direction() == Direction.REQUEST
            ? FrameCodec.encodeRequest(decoded.address(), (KmpRequest) decoded.message())
            : FrameCodec.encodeResponse(decoded.address(), (KmpResponse) decoded.message());
    assertThat(HEX.formatHex(encoded)).isEqualToIgnoringCase(vector.frame());
  }

  @ParameterizedTest
  @MethodSource("badVectors")
  void badCrcIsRejected(Vector vector) {
    assertThatThrownBy(() -> FrameCodec.decode(HEX.parseHex(vector.frame())))
        .isInstanceOf(KmpCrcException.class);
  }

  @Test
  void everyGoodVectorHasItsMeaningCheckedHere() throws IOException {
    assertThat(MEANINGS.keySet())
        .containsExactlyInAnyOrderElementsOf(goodVectors().map(Vector::frame).toList());
  }

  @ParameterizedTest
  @MethodSource("goodVectors")
  void goodFrameDecodesToItsMeaning(Vector vector) {
    DecodedFrame decoded = FrameCodec.decode(HEX.parseHex(vector.frame()));
    assertThat(decoded).isEqualTo(MEANINGS.get(vector.frame()));
  }

  private static DecodedFrame request(int address, KmpRequest request) {
    return new DecodedFrame(Direction.REQUEST, address, request);
  }

  private static DecodedFrame response(int address, KmpResponse response) {
    return new DecodedFrame(Direction.RESPONSE, address, response);
  }

  private static final Map<String, DecodedFrame> MEANINGS =
      Map.ofEntries(
          Map.entry("803F01058A0D", request(0x3F, new GetTypeRequest())),
          Map.entry("403F0100041BF90126990D", response(0x3F, new GetTypeResponse(0x0004, 0x0601))),
          Map.entry("803F0235E90D", request(0x3F, new GetSerialNoRequest())),
          Map.entry("403F0201234567E9560D", response(0x3F, new GetSerialNoResponse(19088743))),
          Map.entry("803A01FA7F0D", request(0x3A, new GetTypeRequest())),
          Map.entry("403A020012D6879EE00D", response(0x3A, new GetSerialNoResponse(1234567))),
          Map.entry("803F1001001B7FD4080D", request(0x3F, GetRegisterRequest.of(128))),
          Map.entry(
              "403F10001B7F160411012AF02463030D",
              response(
                  0x3F,
                  new GetRegisterResponse(
                      List.of(new RegisterValue(128, 22, 0x11, HEX.parseHex("012AF024")))))),
          Map.entry(
              "803F090001144A00027715774E0D",
              request(0x3F, new SetClockRequest(LocalDateTime.of(2007, 7, 30, 16, 15, 57)))),
          Map.entry(
              "803F09000224DC00007724235D0D",
              request(0x3F, new SetClockRequest(LocalDateTime.of(2014, 5, 8, 3, 5, 0)))),
          Map.entry("803F100103EA4CB70D", request(0x3F, GetRegisterRequest.of(1002))),
          Map.entry(
              "403F1003EA2F040000030E33B2320D",
              response(
                  0x3F,
                  new GetRegisterResponse(
                      List.of(new RegisterValue(1002, 47, 0, HEX.parseHex("00030E33")))))),
          Map.entry(
              "803F1008003C004403EC005600570059004A0050B6C50D",
              request(0x3F, GetRegisterRequest.of(60, 68, 1004, 86, 87, 89, 74, 80))),
          Map.entry(
              "803F1008003C003F0050005600570059004A0044C1380D",
              request(0x3F, GetRegisterRequest.of(60, 63, 80, 86, 87, 89, 74, 68))),
          Map.entry("803F1001041E7ABB0D", request(0x3F, GetRegisterRequest.of(1054))),
          Map.entry("803F10010409186D0D", request(0x3F, GetRegisterRequest.of(1033))),
          Map.entry("803F1001000265C20D", request(0x3F, GetRegisterRequest.of(2))),
          Map.entry(
              "803FB8050270EE0D",
              request(0x3F, new GetLoggerConfigRequest(GetLoggerConfigRequest.YEAR))));

  @Test
  void meaningsOfValuesAreExact() {
    GetTypeResponse type =
        (GetTypeResponse) FrameCodec.decode(HEX.parseHex("403F0100041BF90126990D")).message();
    assertThat(type.revisionText()).isEqualTo("F1");
    RegisterValue kw =
        ((GetRegisterResponse)
                FrameCodec.decode(HEX.parseHex("403F10001B7F160411012AF02463030D")).message())
            .values()
            .get(0);
    assertThat(kw.decimal()).isEqualByComparingTo(new BigDecimal("1.9591204E+24"));
    assertThat(kw.unit().symbol()).isEqualTo("kW");
    RegisterValue clock =
        ((GetRegisterResponse)
                FrameCodec.decode(HEX.parseHex("403F1003EA2F040000030E33B2320D")).message())
            .values()
            .get(0);
    assertThat(clock.time()).contains(LocalTime.of(20, 2, 43));
  }
}
