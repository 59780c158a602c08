package org.camelkmp.kmp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import org.camelkmp.kmp.message.GetRegisterRequest;
import org.camelkmp.kmp.message.GetTypeRequest;
import org.camelkmp.kmp.message.KmpRequest;
import org.camelkmp.kmp.transport.InMemoryLine;
import org.camelkmp.kmp.transport.LineSettings;
import org.camelkmp.kmp.transport.Parity;
import org.camelkmp.kmp.transport.TcpTransport;
import org.junit.jupiter.api.Test;

/** Real-time pacing: an answer takes as long as its bytes need on the serial line. Measured. */
class PacingTest {
  private static final LineSettings BAUD_1200 = LineSettings.KMP_DEFAULT;
  private final SimulatedMeter meter =
      new SimulatedMeter(
          MeterConfig.builder().hourlyLog(1, 0).dailyLog(1, 0).build(), MutableClock.standard());

  /** Sends a request and returns nanoseconds from its last byte to the answer's last byte. */
  private static long timeAnswer(LineClient client, KmpRequest request, int[] answerLength) {
    byte[] frame = Wire.request(request);
    client.send(frame);
    long sent = System.nanoTime();
    byte[] answer = client.receive(5_000).orElseThrow(() -> new AssertionError("no answer"));
    answerLength[0] = answer.length;
    return client.lastByteNanos() - sent;
  }

  @Test
  void aPacedAnswerAt1200BaudTakesElevenBitTimesPerByte() {
    LineTiming paced = new LineTiming(BAUD_1200, true, Duration.ZERO);
    try (TcpMeterServer server =
            new TcpMeterServer(meter, InetAddress.getLoopbackAddress(), 0, paced).start();
        LineClient client = new LineClient(new TcpTransport("127.0.0.1", server.port(), 2_000))) {
      int[] n = new int[1];

      long elapsed = timeAnswer(client, GetRegisterRequest.of(60, 80), n);
      long spread = client.lastByteNanos() - client.firstByteNanos();

      long perByte = 1_000_000_000L * 11 / 1200;
      assertThat(BAUD_1200.nanosPerByte()).isEqualTo(perByte);
      assertThat(n[0]).isGreaterThanOrEqualTo(24);
      assertThat(elapsed).as("answer of %d bytes", n[0]).isGreaterThanOrEqualTo(n[0] * perByte);
      // first to last byte: (n - 1) byte times, less the reader's own lateness on the first byte,
      // which a loaded machine can stretch to tens of milliseconds
      assertThat(spread)
          .as("bytes arrive one by one")
          .isGreaterThanOrEqualTo((n[0] - 2) * perByte - 50_000_000L);
      assertThat(elapsed).as("and without drifting").isLessThan(n[0] * perByte + 1_000_000_000L);
    }
  }

  @Test
  void aRequestCountsAsReceivedOnlyOnceItsBytesCouldHaveCrossedTheLine() {
    Duration think = Duration.ofMillis(30);
    LineTiming paced = new LineTiming(BAUD_1200, true, think);
    try (TcpMeterServer server =
            new TcpMeterServer(meter, InetAddress.getLoopbackAddress(), 0, paced).start();
        LineClient client = new LineClient(new TcpTransport("127.0.0.1", server.port(), 2_000))) {
      byte[] request = Wire.request(GetRegisterRequest.of(60, 68, 74, 80, 86, 87, 89, 1002));

      long started = System.nanoTime();
      byte[] answer = client.receiveAfter(request, 5_000);
      long toFirstByte = client.firstByteNanos() - started;
      long toLastByte = client.lastByteNanos() - started;

      long perByte = BAUD_1200.nanosPerByte();
      // TCP delivers the request at once; the meter may only start thinking once it has crossed
      assertThat(toFirstByte)
          .as("request of %d bytes, think time, then the answer's first byte", request.length)
          .isGreaterThanOrEqualTo((request.length + 1) * perByte + think.toNanos());
      assertThat(toLastByte)
          .as("request of %d and answer of %d bytes", request.length, answer.length)
          .isGreaterThanOrEqualTo((request.length + answer.length) * perByte + think.toNanos())
          .isLessThan(
              (request.length + answer.length) * perByte + think.toNanos() + 1_000_000_000L);
    }
  }

  @Test
  void realTimeAddsTheDefaultThinkTimeAndFollowsTheBaudRate() {
    LineSettings baud2400 = new LineSettings(2400, 8, 2, Parity.NONE);
    InMemoryLine line = InMemoryLine.create();
    LineTiming timing = LineTiming.realtime(baud2400);
    try (SerialMeterServer server = new SerialMeterServer(meter, line.meterSide(), timing).start();
        LineClient client = new LineClient(line.clientSide())) {
      int[] n = new int[1];

      long elapsed = timeAnswer(client, new GetTypeRequest(), n);

      assertThat(timing.thinkTime()).isEqualTo(Duration.ofMillis(50));
      assertThat(elapsed)
          .isGreaterThanOrEqualTo(n[0] * baud2400.nanosPerByte() + 50_000_000L)
          .isLessThan(n[0] * BAUD_1200.nanosPerByte() + 50_000_000L + 1_000_000_000L);
    }
  }

  @Test
  void withoutRealTimeAnswersComeAtOnce() {
    InMemoryLine line = InMemoryLine.create();
    try (SerialMeterServer server =
            new SerialMeterServer(meter, line.meterSide(), LineTiming.immediate()).start();
        LineClient client = new LineClient(line.clientSide())) {
      int[] n = new int[1];

      long elapsed = timeAnswer(client, GetRegisterRequest.of(60, 80), n);

      assertThat(elapsed).isLessThan(n[0] * BAUD_1200.nanosPerByte());
    }
  }
}
