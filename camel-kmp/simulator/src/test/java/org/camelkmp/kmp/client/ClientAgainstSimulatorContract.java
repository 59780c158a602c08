package org.camelkmp.kmp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.IntStream;
import org.camelkmp.kmp.error.KmpCrcException;
import org.camelkmp.kmp.error.KmpIncompleteFrameException;
import org.camelkmp.kmp.error.KmpNoAnswerException;
import org.camelkmp.kmp.error.KmpPortSilentException;
import org.camelkmp.kmp.error.KmpUnexpectedCidException;
import org.camelkmp.kmp.message.GetTypeResponse;
import org.camelkmp.kmp.simulator.Fault;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.SimulatedMeter;
import org.camelkmp.kmp.value.RegisterValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a client must do against the simulator, whatever the line: run by one subclass per real
 * transport (TCP like a ser2net gateway, and a serial pty pair made by socat).
 */
abstract class ClientAgainstSimulatorContract {
  static final long SERIAL = 72_345_678L;

  protected SimulatedMeter meter;
  protected KmpClient client;

  /** Serves {@code meter} on a real line and returns a client's transport end, opened lazily. */
  protected abstract KmpClient connect(SimulatedMeter meter, ClientOptions options)
      throws Exception;

  protected abstract void disconnect() throws Exception;

  @BeforeEach
  void start() throws Exception {
    meter = new SimulatedMeter(MeterConfig.builder().serialNumber(SERIAL).remove(63).build());
    client =
        connect(
            meter,
            ClientOptions.defaults()
                .withRetries(0)
                .withTimeout(Duration.ofMillis(400))
                .withInterByteTimeout(Duration.ofMillis(150))
                .withQuietTime(Duration.ofMillis(50)));
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    disconnect();
  }

  @Test
  void readsIdentity() {
    assertThat(client.getSerialNumber()).isEqualTo(SERIAL);
    GetTypeResponse type = client.getType();
    assertThat(type.meterType()).isEqualTo(MeterConfig.DEFAULT_METER_TYPE);
    assertThat(type.revisionText()).isEqualTo("F1");
  }

  @Test
  void readsTheUsualRegistersWithUnits() {
    RegisterReading reading = client.readRegisters(60, 68, 80, 74, 86, 87, 89, 1002, 1003);
    assertThat(reading.missing()).isEmpty();
    assertThat(reading.value(60).orElseThrow().unit().symbol()).isEqualTo("GJ");
    assertThat(reading.value(68).orElseThrow().unit().symbol()).isEqualTo("m³");
    assertThat(reading.value(86).orElseThrow().unit().symbol()).isEqualTo("°C");
    assertThat(reading.value(1002).orElseThrow().time()).isPresent();
    assertThat(reading.value(1003).orElseThrow().date()).isPresent();
    assertThat(reading.requestCount()).isEqualTo(2);
  }

  @Test
  void readsMoreThanEightRegistersInTheFewestRequests() {
    List<Integer> ids =
        List.of(60, 68, 74, 80, 86, 87, 89, 99, 1001, 1002, 1003, 1004, 266, 239, 60);
    RegisterReading reading = client.readRegisters(ids);
    assertThat(reading.requestCount()).isEqualTo(2);
    assertThat(reading.values()).hasSize(14);
    assertThat(reading.value(1001).orElseThrow().decimal())
        .isEqualByComparingTo(BigDecimal.valueOf(SERIAL));
  }

  @Test
  void reportsRegistersTheMeterLeavesOut() {
    RegisterReading reading = client.readRegisters(60, 63, 4242);
    assertThat(reading.values()).extracting(RegisterValue::id).containsExactly(60);
    assertThat(reading.missing()).containsExactly(63, 4242);
  }

  @Test
  void skipsAnEchoingHead() {
    meter.faults().injectUntilCleared(Fault.echo());
    assertThat(client.getSerialNumber()).isEqualTo(SERIAL);
    assertThat(client.readRegisters(IntStream.rangeClosed(60, 70).boxed().toList()).values())
        .isNotEmpty();
  }

  @Test
  void skipsNoiseBeforeTheAnswer() {
    meter.faults().inject(Fault.noise((byte) 0x00, (byte) 0xFF, (byte) 0x0D), 1);
    assertThat(client.getSerialNumber()).isEqualTo(SERIAL);
  }

  @Test
  void silentMeterIsReportedAsSuch() {
    meter.faults().inject(Fault.noAnswer(), 1);
    assertThatThrownBy(client::getSerialNumber).isInstanceOf(KmpPortSilentException.class);
  }

  @Test
  void onlyTheEchoIsReportedAsAMeterThatDidNotAnswer() {
    meter.faults().inject(Fault.echo(), 1).inject(Fault.noAnswer(), 1);
    assertThatThrownBy(client::getSerialNumber)
        .isInstanceOf(KmpNoAnswerException.class)
        .hasMessageContaining("only the echo");
  }

  @Test
  void lateAnswerIsATimeoutAndTheRetryGetsTheNextAnswer() {
    meter.faults().inject(Fault.delay(Duration.ofMillis(700)), 1);
    assertThatThrownBy(client::getSerialNumber).isInstanceOf(KmpPortSilentException.class);
    KmpClient patient =
        client.withOptions(client.options().withRetries(2), new ExchangeListener() {});
    assertThat(patient.getSerialNumber()).isEqualTo(SERIAL);
  }

  @Test
  void corruptedCrcIsRejectedAndARetryRecovers() {
    meter.faults().inject(Fault.corruptCrc(), 1);
    assertThatThrownBy(() -> client.readRegisters(60)).isInstanceOf(KmpCrcException.class);
    meter.faults().inject(Fault.corruptCrc(), 1);
    KmpClient retrying =
        client.withOptions(client.options().withRetries(1), new ExchangeListener() {});
    assertThat(retrying.readRegisters(60).values()).hasSize(1);
  }

  @Test
  void halfAFrameIsAnIncompleteFrame() {
    meter.faults().inject(Fault.truncate(5), 1);
    assertThatThrownBy(client::getSerialNumber).isInstanceOf(KmpIncompleteFrameException.class);
  }

  @Test
  void answerWithAnotherCidIsRejected() {
    meter.faults().inject(Fault.wrongCid(0x01), 1);
    assertThatThrownBy(client::getSerialNumber).isInstanceOf(KmpUnexpectedCidException.class);
  }

  @Test
  void setClockIsAcknowledgedAndMovesTheMeterClock() {
    LocalDateTime when = LocalDateTime.of(2030, 1, 2, 3, 4, 5);
    client.setClock(when);
    assertThat(meter.meterTime()).isBetween(when, when.plusSeconds(5));
  }
}
