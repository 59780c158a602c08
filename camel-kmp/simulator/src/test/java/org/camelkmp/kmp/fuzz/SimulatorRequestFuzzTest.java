package org.camelkmp.kmp.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.camelkmp.kmp.client.ClientOptions;
import org.camelkmp.kmp.client.KmpClient;
import org.camelkmp.kmp.simulator.LineTiming;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.SerialMeterServer;
import org.camelkmp.kmp.simulator.SimulatedMeter;
import org.camelkmp.kmp.simulator.TcpMeterServer;
import org.camelkmp.kmp.testsupport.SocatPtyPair;
import org.camelkmp.kmp.transport.LineSettings;
import org.camelkmp.kmp.transport.SerialTransport;
import org.camelkmp.kmp.transport.TcpTransport;
import org.camelkmp.kmp.transport.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The simulator's request side under bad input: its request handling never throws, whatever frame
 * arrives, and garbage on its TCP port or its tty never kills it or stops it from answering the
 * next valid request.
 */
class SimulatorRequestFuzzTest {
  private static final long SERIAL = 77_001_234L;
  private static final ClientOptions CLIENT =
      ClientOptions.defaults()
          .withTimeout(Duration.ofMillis(500))
          // garbage may hold a valid request that the meter answers: like any reader, the client
          // then retries after a quiet line
          .withRetries(2)
          .withQuietTime(Duration.ofMillis(50));

  private static SimulatedMeter meter() {
    return new SimulatedMeter(
        MeterConfig.builder().serialNumber(SERIAL).password(4711).build(),
        Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void requestHandlingNeverThrowsWhateverFrameArrives() {
    SimulatedMeter meter = meter();
    long seed = FrameDecoderFuzzTest.seed();
    FuzzInputs generator = new FuzzInputs(seed);
    FuzzRun run =
        new FuzzRun(
            "SimulatedMeter.exchange",
            input -> meter.exchange(input).isSilent() ? "silence" : "answer");
    for (byte[] input : FrameDecoderFuzzTest.corpus()) {
      run.feed(input);
    }
    int count = FrameDecoderFuzzTest.inputs() / 2;
    for (int i = 0; i < count; i++) {
      byte[] request = generator.validRequestFrame();
      int kind = i % 4;
      run.feed(
          kind == 0
              ? request
              : kind == 1 ? FuzzInputs.repair(generator.mutate(request)) : generator.next());
    }
    FrameDecoderFuzzTest.figures("seed " + seed + ": " + run.report());

    assertThat(run.findings()).as("requests that made the meter throw").isEmpty();
    assertThat(run.maxNanos()).isLessThan(FrameDecoderFuzzTest.MAX_NANOS_PER_INPUT);
    // the meter still works
    assertThat(meter.respond(new byte[] {(byte) 0x80, 0x3F, 0x02, 0x35, (byte) 0xE9, 0x0D}))
        .isPresent();
  }

  @Test
  void garbageOnTheTcpPortNeverStopsTheNextValidRequest() throws Exception {
    SimulatedMeter meter = meter();
    try (TcpMeterServer server = new TcpMeterServer(meter, 0).start()) {
      SplittableRandom random = new SplittableRandom(FrameDecoderFuzzTest.DEFAULT_SEED);
      FuzzInputs garbage = new FuzzInputs(FrameDecoderFuzzTest.DEFAULT_SEED);
      int rounds = 40;
      int answered = 0;
      long garbageBytes = 0;
      try (Transport line = TcpTransport.fromUri("socket://127.0.0.1:" + server.port());
          KmpClient client = new KmpClient(line, CLIENT)) {
        line.open();
        for (int round = 0; round < rounds; round++) {
          byte[] junk = junk(garbage, random);
          garbageBytes += junk.length;
          line.write(junk);
          if (client.getSerialNumber() == SERIAL) {
            answered++;
          }
        }
      }
      // clients that send garbage and vanish, some in the middle of a frame
      for (int i = 0; i < 20; i++) {
        try (Socket rude = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
          OutputStream out = rude.getOutputStream();
          byte[] junk = junk(garbage, random);
          garbageBytes += junk.length;
          out.write(junk);
          out.write(new byte[] {(byte) 0x80, 0x3F, 0x10});
          out.flush();
        } catch (IOException e) {
          // the server may close first; that is fine
        }
      }
      try (KmpClient client =
          new KmpClient(TcpTransport.fromUri("socket://127.0.0.1:" + server.port()), CLIENT)) {
        client.transport().open();
        assertThat(client.getSerialNumber()).isEqualTo(SERIAL);
      }
      FrameDecoderFuzzTest.figures(
          String.format(
              "simulator over TCP: %d rounds of garbage (%,d bytes) each followed by a valid"
                  + " request: %d answered; 20 clients sent garbage and hung up%n",
              rounds, garbageBytes, answered));
      assertThat(answered).isEqualTo(rounds);
      assertThat(server.isRunning()).isTrue();
    }
  }

  @Test
  void garbageOnTheTtyNeverStopsTheNextValidRequest() {
    SimulatedMeter meter = meter();
    try (SocatPtyPair ptys = SocatPtyPair.start();
        SerialMeterServer server =
            new SerialMeterServer(meter, ptys.pathA(), LineTiming.immediate()).start();
        KmpClient client =
            new KmpClient(new SerialTransport(ptys.pathB(), LineSettings.KMP_DEFAULT), CLIENT)) {
      client.transport().open();
      SplittableRandom random = new SplittableRandom(FrameDecoderFuzzTest.DEFAULT_SEED + 1);
      FuzzInputs garbage = new FuzzInputs(FrameDecoderFuzzTest.DEFAULT_SEED + 1);
      int rounds = 30;
      int answered = 0;
      long garbageBytes = 0;
      for (int round = 0; round < rounds; round++) {
        byte[] junk = junk(garbage, random);
        garbageBytes += junk.length;
        client.transport().write(junk);
        if (client.getSerialNumber() == SERIAL) {
          answered++;
        }
      }
      FrameDecoderFuzzTest.figures(
          String.format(
              "simulator on a tty: %d rounds of garbage (%,d bytes) each followed by a valid"
                  + " request: %d answered%n",
              rounds, garbageBytes, answered));
      assertThat(answered).isEqualTo(rounds);
      assertThat(server.isRunning()).isTrue();
    }
  }

  /** Garbage: fuzz inputs, a flood of start bytes, an overlong frame, or half a request. */
  private static byte[] junk(FuzzInputs garbage, SplittableRandom random) {
    return switch (random.nextInt(5)) {
      case 0 -> filled(5000, 0x80);
      case 1 -> FuzzInputs.concat(new byte[] {(byte) 0x80}, garbage.randomBytes(3000));
      case 2 -> FuzzInputs.concat(garbage.next(), new byte[] {(byte) 0x80, 0x3F, 0x1B});
      default -> garbage.next();
    };
  }

  private static byte[] filled(int n, int value) {
    byte[] bytes = new byte[n];
    java.util.Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
