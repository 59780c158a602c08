package org.camelkmp.kmp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.camelkmp.kmp.error.KmpAckExpectedException;
import org.camelkmp.kmp.error.KmpCrcException;
import org.camelkmp.kmp.error.KmpException;
import org.camelkmp.kmp.error.KmpIncompleteFrameException;
import org.camelkmp.kmp.error.KmpNoAnswerException;
import org.camelkmp.kmp.error.KmpPortSilentException;
import org.camelkmp.kmp.error.KmpUnexpectedAddressException;
import org.camelkmp.kmp.error.KmpUnexpectedCidException;
import org.camelkmp.kmp.message.AckResponse;
import org.camelkmp.kmp.message.FrameCodec;
import org.camelkmp.kmp.message.GetRegisterRequest;
import org.camelkmp.kmp.message.GetRegisterResponse;
import org.camelkmp.kmp.message.GetSerialNoResponse;
import org.camelkmp.kmp.message.GetTypeResponse;
import org.camelkmp.kmp.message.KmpResponse;
import org.camelkmp.kmp.transport.InMemoryLine;
import org.camelkmp.kmp.value.RegisterValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Client behaviour against exactly scripted answers on an in-memory line. */
class KmpClientTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] SERIAL_ANSWER = HEX.parseHex("403F0201234567E9560D");
  private static final byte[] GET_SERIAL = HEX.parseHex("803F0235E90D");

  private final InMemoryLine line = InMemoryLine.create("test");
  private ScriptedMeter meter;
  private KmpClient client;
  private final List<String> failures = new ArrayList<>();

  @BeforeEach
  void start() {
    meter = new ScriptedMeter(line);
    client = clientWith(ClientOptions.defaults().withRetries(0));
  }

  private KmpClient clientWith(ClientOptions options) {
    ExchangeListener listener =
        new ExchangeListener() {
          @Override
          public void attemptFailed(int attempt, KmpException failure, boolean willRetry) {
            failures.add(failure.getClass().getSimpleName());
          }
        };
    return new KmpClient(
        line.clientSide(),
        options
            .withTimeout(Duration.ofMillis(300))
            .withInterByteTimeout(Duration.ofMillis(100))
            .withQuietTime(Duration.ofMillis(50)),
        listener,
        java.time.Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    client.close();
    meter.close();
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  @Test
  void readsTheSerialNumber() {
    meter.thenReply(SERIAL_ANSWER);
    assertThat(client.getSerialNumber()).isEqualTo(19088743L);
    assertThat(meter.requests()).hasSize(1);
    assertThat(meter.requests().get(0)).isEqualTo(GET_SERIAL);
  }

  @Test
  void skipsTheEchoOfItsOwnRequestAndStrayBytes() {
    meter.thenReply(request -> concat(request, new byte[] {0x00}, SERIAL_ANSWER));
    assertThat(client.getSerialNumber()).isEqualTo(19088743L);
  }

  @Test
  void nothingAtAllIsAPortSilentError() {
    assertThatThrownBy(() -> client.getSerialNumber())
        .isInstanceOf(KmpPortSilentException.class)
        .hasMessageContaining("port silent")
        .hasMessageContaining("test:client")
        .hasMessageContaining("check the cable");
  }

  @Test
  void aSingleAttemptsFailureSaysNothingOfAttempts() {
    assertThatThrownBy(() -> client.getSerialNumber()).hasMessageNotContaining("attempt");
  }

  @Test
  void afterRetriesTheFailureSaysHowManyAttemptsAndHowLongInAll() {
    client.close();
    client = clientWith(ClientOptions.defaults().withRetries(2));

    long started = System.nanoTime();
    Throwable thrown = catchThrowable(() -> client.getSerialNumber());
    double tookSeconds = (System.nanoTime() - started) / 1e9;

    assertThat(thrown)
        .isInstanceOf(KmpPortSilentException.class)
        .hasMessageContaining("port silent")
        .hasMessageContaining("within 300 ms");
    Matcher said =
        Pattern.compile("\\(after 3 attempts in (\\d+\\.\\d) s\\)$").matcher(thrown.getMessage());
    assertThat(said.find()).as(thrown.getMessage()).isTrue();
    double saidSeconds = Double.parseDouble(said.group(1));
    // three 300 ms timeouts at least, and no more than the call took seen from here
    assertThat(saidSeconds).isBetween(0.85, tookSeconds + 0.05);
    assertThat(meter.requests()).hasSize(3);
  }

  @Test
  void onlyTheEchoIsANoAnswerError() {
    meter.thenReply(request -> request);
    assertThatThrownBy(() -> client.getSerialNumber())
        .isInstanceOf(KmpNoAnswerException.class)
        .hasMessageContaining("meter did not answer")
        .hasMessageContaining("only the echo")
        .hasMessageContaining("asleep or IR port off");
  }

  @Test
  void halfAFrameIsAnIncompleteFrameError() {
    meter.thenReply(HEX.parseHex("403F0201"));
    assertThatThrownBy(() -> client.getSerialNumber())
        .isInstanceOf(KmpIncompleteFrameException.class)
        .hasMessageContaining("stopped after 4 byte(s)");
  }

  @Test
  void badCrcIsACrcError() {
    meter.thenReply(HEX.parseHex("403F0201234567E9570D"));
    assertThatThrownBy(() -> client.getSerialNumber()).isInstanceOf(KmpCrcException.class);
  }

  @Test
  void answerWithAnotherCidIsRejected() {
    meter.thenReply(HEX.parseHex("403F0100041BF90126990D"));
    assertThatThrownBy(() -> client.getSerialNumber())
        .isInstanceOf(KmpUnexpectedCidException.class)
        .hasMessageContaining("CID 0x02")
        .hasMessageContaining("CID 0x01");
  }

  @Test
  void answerFromAnotherAddressIsRejected() {
    meter.thenReply(HEX.parseHex("403A020012D6879EE00D"));
    assertThatThrownBy(() -> client.getSerialNumber())
        .isInstanceOf(KmpUnexpectedAddressException.class);
  }

  @Test
  void writesWaitForALoneAck() {
    meter.thenReply(new byte[] {0x06});
    client.setClock(LocalDateTime.of(2026, 11, 23, 10, 0));
    assertThat(FrameCodec.decode(meter.requests().get(0)).message().commandName())
        .isEqualTo("SetClock");
  }

  @Test
  void aFrameWhereAnAckBelongsIsAnAckExpectedError() {
    meter.thenReply(SERIAL_ANSWER);
    assertThatThrownBy(() -> client.setClock(LocalDateTime.of(2026, 11, 23, 10, 0)))
        .isInstanceOf(KmpAckExpectedException.class)
        .hasMessageContaining("lone ACK");
  }

  @Test
  void retriesAfterAFailureAndSucceeds() {
    client = clientWith(ClientOptions.defaults().withRetries(2));
    meter
        .thenReply(HEX.parseHex("403F0201234567E9570D"))
        .thenReply(new byte[0])
        .thenReply(SERIAL_ANSWER);
    assertThat(client.getSerialNumber()).isEqualTo(19088743L);
    assertThat(failures).containsExactly("KmpCrcException", "KmpPortSilentException");
    assertThat(meter.requests()).hasSize(3);
  }

  @Test
  void givesUpAfterTheRetriesWithTheLastFailure() {
    client = clientWith(ClientOptions.defaults().withRetries(1));
    assertThatThrownBy(() -> client.getSerialNumber()).isInstanceOf(KmpPortSilentException.class);
    assertThat(meter.requests()).hasSize(2);
  }

  @Test
  void waitsTheQuietTimeAfterAFailure() {
    client =
        new KmpClient(
            line.clientSide(),
            ClientOptions.defaults()
                .withRetries(1)
                .withTimeout(Duration.ofMillis(100))
                .withQuietTime(Duration.ofMillis(400)));
    meter.thenReply(new byte[0]).thenReply(SERIAL_ANSWER);
    long started = System.nanoTime();
    client.getSerialNumber();
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(500));
  }

  @Test
  void readsManyRegistersInTheFewestRequestsAskingDuplicatesOnce() {
    List<Integer> ids = new ArrayList<>(IntStream.rangeClosed(1, 17).boxed().toList());
    ids.add(3);
    ids.add(17);
    for (int i = 0; i < 3; i++) {
      meter.thenReply(ScriptedMeterAnswers::echoRegistersExceptMultiplesOfFive);
    }
    RegisterReading reading = client.readRegisters(ids);
    assertThat(reading.requestCount()).isEqualTo(3);
    assertThat(meter.requests()).hasSize(3);
    List<Integer> asked = new ArrayList<>();
    for (byte[] frame : meter.requests()) {
      asked.addAll(((GetRegisterRequest) FrameCodec.decode(frame).message()).registerIds());
    }
    assertThat(asked).containsExactlyElementsOf(IntStream.rangeClosed(1, 17).boxed().toList());
    assertThat(reading.missing()).containsExactly(5, 10, 15);
    assertThat(reading.values()).hasSize(14);
    assertThat(reading.value(7))
        .hasValueSatisfying(v -> assertThat(v.decimal()).isEqualByComparingTo("7"));
  }

  @Test
  void matchesValuesByIdNotByPosition() {
    meter.thenReply(
        request ->
            FrameCodec.encodeResponse(
                0x3F,
                new GetRegisterResponse(
                    List.of(
                        RegisterValue.ofNumber(68, BigDecimal.ONE, 40),
                        RegisterValue.ofNumber(999, BigDecimal.TEN, 0),
                        RegisterValue.ofNumber(60, BigDecimal.TEN, 8)))));
    RegisterReading reading = client.readRegisters(60, 68);
    assertThat(reading.values()).extracting(RegisterValue::id).containsExactly(60, 68);
    assertThat(reading.value(60).orElseThrow().unit().symbol()).isEqualTo("GJ");
    assertThat(reading.missing()).isEmpty();
  }

  @Test
  void sendReturnsTypedResponses() {
    meter.thenReply(HEX.parseHex("403F0100041BF90126990D")).thenReply(new byte[] {0x06});
    KmpResponse type = client.send(new org.camelkmp.kmp.message.GetTypeRequest());
    assertThat(type).isEqualTo(new GetTypeResponse(4, 0x0601));
    assertThat(
            client.send(
                new org.camelkmp.kmp.message.SetClockRequest(LocalDateTime.of(2026, 1, 1, 0, 0))))
        .isEqualTo(AckResponse.INSTANCE);
  }

  @Test
  void reopensABrokenTransport() {
    client = clientWith(ClientOptions.defaults().withRetries(0));
    meter.thenReply(SERIAL_ANSWER);
    client.getSerialNumber();
    meter.close();
    assertThatThrownBy(() -> client.getSerialNumber()).isInstanceOf(KmpException.class);
    meter = new ScriptedMeter(line);
    meter.thenReply(request -> FrameCodec.encodeResponse(0x3F, new GetSerialNoResponse(42)));
    assertThat(client.getSerialNumber()).isEqualTo(42);
  }

  @Test
  void aPortThatCannotBeOpenedFailsAtOnceWithoutRetrying() {
    List<String> attempts = new ArrayList<>();
    KmpClient missing =
        new KmpClient(
            org.camelkmp.kmp.transport.Transports.create(
                "/dev/kmp-no-such-head", org.camelkmp.kmp.transport.LineSettings.KMP_DEFAULT),
            ClientOptions.defaults().withRetries(3),
            new ExchangeListener() {
              @Override
              public void requestSent(int attempt, byte[] frame) {
                attempts.add("sent");
              }
            },
            java.time.Clock.systemUTC());
    assertThatThrownBy(missing::getSerialNumber)
        .isInstanceOf(org.camelkmp.kmp.error.KmpTransportException.class)
        .hasMessageContaining("/dev/kmp-no-such-head");
    assertThat(attempts).isEmpty();
  }

  @Test
  void clientsSharingALineNeverInterleaveFrames() throws Exception {
    int perThread = 25;
    for (int i = 0; i < 2 * perThread; i++) {
      meter.thenReply(
          request ->
              FrameCodec.encodeResponse(
                  0x3F,
                  new GetRegisterResponse(
                      ((GetRegisterRequest) FrameCodec.decode(request).message())
                          .registerIds().stream()
                              .map(id -> RegisterValue.ofNumber(id, BigDecimal.valueOf(id), 0))
                              .toList())));
    }
    KmpClient other =
        client.withOptions(client.options().withAddress(0x3F), new ExchangeListener() {});
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.Future<?> a =
          pool.submit(
              () ->
                  IntStream.range(0, perThread)
                      .forEach(i -> assertThat(client.readRegisters(1).value(1)).isPresent()));
      java.util.concurrent.Future<?> b =
          pool.submit(
              () ->
                  IntStream.range(0, perThread)
                      .forEach(i -> assertThat(other.readRegisters(2).value(2)).isPresent()));
      a.get();
      b.get();
    } finally {
      pool.shutdownNow();
    }
    assertThat(meter.requests()).hasSize(2 * perThread);
    assertThat(failures).isEmpty();
  }
}
