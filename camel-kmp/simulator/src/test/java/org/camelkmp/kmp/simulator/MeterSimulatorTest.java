package org.camelkmp.kmp.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDateTime;
import org.camelkmp.kmp.error.KmpException;
import org.camelkmp.kmp.message.GetSerialNoRequest;
import org.camelkmp.kmp.message.GetSerialNoResponse;
import org.camelkmp.kmp.message.GetTypeRequest;
import org.camelkmp.kmp.message.SetClockRequest;
import org.camelkmp.kmp.testsupport.SocatPtyPair;
import org.camelkmp.kmp.transport.LineSettings;
import org.camelkmp.kmp.transport.SerialTransport;
import org.camelkmp.kmp.transport.TcpTransport;
import org.junit.jupiter.api.Test;

/** The entry point the command line uses. */
class MeterSimulatorTest {
  private static final long TIMEOUT = 2_000;
  private final MutableClock clock = MutableClock.standard();

  @Test
  void startsAConfiguredMeterOnAnEphemeralTcpPortAndClosesIt() throws IOException {
    int port;
    try (MeterSimulator sim =
        MeterSimulator.builder()
            .meter(MeterConfig.builder().serialNumber(42).hourlyLog(1, 0).dailyLog(1, 0).build())
            .clock(clock)
            .tcpPort(0)
            .start()) {
      port = sim.tcpPort();
      try (LineClient client = new LineClient(new TcpTransport("127.0.0.1", port, 2_000))) {
        GetSerialNoResponse serial =
            (GetSerialNoResponse) client.ask(new GetSerialNoRequest(), TIMEOUT).orElseThrow();
        assertThat(serial.serialNumber()).isEqualTo(42);
      }
      assertThat(sim.meter().config().serialNumber()).isEqualTo(42);
      assertThat(sim.tcpServer()).isPresent();
      assertThat(sim.serialServer()).isEmpty();
    }
    try (ServerSocket again = new ServerSocket()) {
      again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }
  }

  @Test
  void servesOneMeterOnTcpAndOnASerialDeviceAtOnce() {
    SimulatedMeter meter =
        new SimulatedMeter(MeterConfig.builder().hourlyLog(1, 0).dailyLog(1, 0).build(), clock);
    try (SocatPtyPair ptys = SocatPtyPair.start();
        MeterSimulator sim =
            MeterSimulator.builder()
                .meter(meter)
                .tcpPort(0)
                .bindAddress(InetAddress.getLoopbackAddress())
                .serialDevice(ptys.pathA())
                .lineSettings(LineSettings.KMP_DEFAULT)
                .realtime(false)
                .thinkTime(Duration.ZERO)
                .start();
        LineClient tcp = new LineClient(new TcpTransport("127.0.0.1", sim.tcpPort(), 2_000));
        LineClient serial =
            new LineClient(new SerialTransport(ptys.pathB(), LineSettings.KMP_DEFAULT))) {

      byte[] ack =
          tcp.receiveAfter(
              Wire.request(new SetClockRequest(LocalDateTime.of(2031, 2, 3, 4, 5, 6))), TIMEOUT);

      assertThat(ack).containsExactly(6);
      assertThat(serial.ask(new GetTypeRequest(), TIMEOUT)).isPresent();
      assertThat(sim.meter()).isSameAs(meter);
      assertThat(sim.serialServer()).isPresent();
      assertThat(meter.meterTime()).isEqualTo(LocalDateTime.of(2031, 2, 3, 4, 5, 6));
    }
  }

  @Test
  void needsSomethingToServeOn() {
    assertThatThrownBy(() -> MeterSimulator.builder().start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TCP port");
  }

  @Test
  void aSerialDeviceThatCannotBeOpenedStopsTheWholeStart() {
    MeterSimulator.Builder builder =
        MeterSimulator.builder().clock(clock).tcpPort(0).serialDevice("/dev/kmp-sim-nope");

    assertThatThrownBy(builder::start).isInstanceOf(KmpException.class);
  }

  @Test
  void withoutTcpThereIsNoTcpPort() {
    SimulatedMeter meter =
        new SimulatedMeter(MeterConfig.builder().hourlyLog(1, 0).dailyLog(1, 0).build(), clock);
    try (SocatPtyPair ptys = SocatPtyPair.start();
        MeterSimulator sim =
            MeterSimulator.builder()
                .meter(meter)
                .serialDevice(ptys.pathA())
                .realtime(true)
                .start()) {
      assertThatThrownBy(sim::tcpPort).isInstanceOf(IllegalStateException.class);
    }
  }
}
