package org.camelkmp.kmp.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import org.camelkmp.kmp.error.KmpException;
import org.camelkmp.kmp.message.GetRegisterRequest;
import org.camelkmp.kmp.message.GetRegisterResponse;
import org.camelkmp.kmp.message.GetTypeRequest;
import org.camelkmp.kmp.message.GetTypeResponse;
import org.camelkmp.kmp.message.SetClockRequest;
import org.camelkmp.kmp.testsupport.SocatPtyPair;
import org.camelkmp.kmp.transport.InMemoryLine;
import org.camelkmp.kmp.transport.LineSettings;
import org.camelkmp.kmp.transport.SerialTransport;
import org.junit.jupiter.api.Test;

/** The serial server: on a real tty of a socat pty pair, and on an in-memory line. */
class SerialMeterServerTest {
  private static final long TIMEOUT = 2_000;

  private final SimulatedMeter meter =
      new SimulatedMeter(
          MeterConfig.builder().hourlyLog(1, 0).dailyLog(1, 0).build(), MutableClock.standard());

  @Test
  void answersThroughARealPtyPair() {
    try (SocatPtyPair ptys = SocatPtyPair.start();
        SerialMeterServer server =
            new SerialMeterServer(meter, ptys.pathA(), LineTiming.immediate()).start();
        LineClient client =
            new LineClient(new SerialTransport(ptys.pathB(), LineSettings.KMP_DEFAULT))) {

      GetTypeResponse type =
          (GetTypeResponse) client.ask(new GetTypeRequest(), TIMEOUT).orElseThrow();
      byte[] ack =
          client.receiveAfter(
              Wire.request(new SetClockRequest(LocalDateTime.of(2030, 6, 1, 12, 0))), TIMEOUT);

      assertThat(type.meterType()).isEqualTo(0x0403);
      assertThat(ack).containsExactly(6);
      assertThat(meter.meterTime()).isEqualTo(LocalDateTime.of(2030, 6, 1, 12, 0));
      assertThat(server.device()).isEqualTo(ptys.pathA());
      assertThat(server.isRunning()).isTrue();
    }
  }

  @Test
  void comesBackWhenTheDeviceReturns() {
    try (SocatPtyPair ptys = SocatPtyPair.start();
        SerialMeterServer server =
            new SerialMeterServer(meter, ptys.pathA(), LineTiming.immediate()).start()) {
      SerialTransport clientLine = new SerialTransport(ptys.pathB(), LineSettings.KMP_DEFAULT);
      try (LineClient client = new LineClient(clientLine)) {
        assertThat(client.ask(new GetTypeRequest(), TIMEOUT)).isPresent();

        ptys.kill();
        ptys.restart();

        await()
            .atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(100))
            .ignoreExceptions()
            .until(
                () -> {
                  clientLine.open();
                  return client.ask(GetRegisterRequest.of(60), 300).isPresent();
                });
      }
    }
  }

  @Test
  void aMissingDeviceIsAnErrorOnStart() {
    SerialMeterServer server =
        new SerialMeterServer(meter, "/dev/kmp-sim-no-such-device", LineTiming.immediate());

    assertThatThrownBy(server::start).isInstanceOf(KmpException.class);
    assertThat(server.isRunning()).isFalse();
  }

  @Test
  void servesAnyTransportAndStopsCleanly() {
    InMemoryLine line = InMemoryLine.create();
    SerialMeterServer server =
        new SerialMeterServer(meter, line.meterSide(), LineTiming.immediate());
    try (LineClient client = new LineClient(line.clientSide())) {
      server.start();
      server.start();

      GetRegisterResponse answer =
          (GetRegisterResponse) client.ask(GetRegisterRequest.of(60, 68), TIMEOUT).orElseThrow();

      assertThat(answer.values()).hasSize(2);
      assertThat(server.meter()).isSameAs(meter);
      assertThat(server.toString()).contains(line.meterSide().name());
    } finally {
      server.stop();
      server.stop();
    }
    assertThat(server.isRunning()).isFalse();
    assertThat(Thread.getAllStackTraces().keySet())
        .extracting(Thread::getName)
        .noneMatch(name -> name.equals("kmp-sim-serial-" + line.meterSide().name()));
  }
}
