package org.camelkmp.kmp.simulator;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.camelkmp.kmp.transport.LineSettings;

/**
 * A running simulated meter, served on TCP, on a serial device or both: the entry point the command
 * line uses.
 *
 * <pre>{@code
 * try (MeterSimulator sim = MeterSimulator.builder()
 *     .meter(MeterConfig.load(Path.of("meter.properties")))
 *     .tcpPort(0)
 *     .realtime(true)
 *     .start()) {
 *   int port = sim.tcpPort(); // socket://localhost:port
 * }
 * }</pre>
 */
public final class MeterSimulator implements AutoCloseable {
  private final SimulatedMeter meter;
  private final TcpMeterServer tcp;
  private final SerialMeterServer serial;

  private MeterSimulator(SimulatedMeter meter, TcpMeterServer tcp, SerialMeterServer serial) {
    this.meter = meter;
    this.tcp = tcp;
    this.serial = serial;
  }

  /** A builder: a default MULTICAL 403, nothing served until a port or device is given. */
  public static Builder builder() {
    return new Builder();
  }

  /** The meter being served; use it to inspect state or inject faults. */
  public SimulatedMeter meter() {
    return meter;
  }

  /**
   * The TCP port clients connect to.
   *
   * @throws IllegalStateException when not served on TCP
   */
  public int tcpPort() {
    if (tcp == null) {
      throw new IllegalStateException("the simulator is not served on TCP");
    }
    return tcp.port();
  }

  /** The TCP server, when served on TCP. */
  public Optional<TcpMeterServer> tcpServer() {
    return Optional.ofNullable(tcp);
  }

  /** The serial server, when served on a device. */
  public Optional<SerialMeterServer> serialServer() {
    return Optional.ofNullable(serial);
  }

  /** Stops every server. */
  @Override
  public void close() {
    if (tcp != null) {
      tcp.stop();
    }
    if (serial != null) {
      serial.stop();
    }
  }

  /** Builds and starts a {@link MeterSimulator}. Not thread-safe. */
  public static final class Builder {
    private SimulatedMeter meter;
    private MeterConfig config = MeterConfig.defaults();
    private Clock clock = Clock.systemDefaultZone();
    private Integer tcpPort;
    private InetAddress bindAddress = InetAddress.getLoopbackAddress();
    private String serialDevice;
    private LineSettings lineSettings = LineSettings.KMP_DEFAULT;
    private boolean realtime;
    private Duration thinkTime;

    private Builder() {}

    /** Serve this meter (for example one shared with a test). */
    public Builder meter(SimulatedMeter value) {
      meter = Objects.requireNonNull(value, "meter");
      return this;
    }

    /** Serve a new meter with this configuration. */
    public Builder meter(MeterConfig value) {
      config = Objects.requireNonNull(value, "config");
      meter = null;
      return this;
    }

    /** The clock of a new meter; the system clock unless given. */
    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** Serve on this TCP port; 0 for an ephemeral one. */
    public Builder tcpPort(int port) {
      tcpPort = port;
      return this;
    }

    /** The interface the TCP server listens on; loopback unless given. */
    public Builder bindAddress(InetAddress value) {
      bindAddress = Objects.requireNonNull(value, "bindAddress");
      return this;
    }

    /** Serve on this serial device, such as one end of a socat pty pair. */
    public Builder serialDevice(String device) {
      serialDevice = Objects.requireNonNull(device, "device");
      return this;
    }

    /** Line settings: the serial device's, and the pace in real time. 1200 8N2 unless given. */
    public Builder lineSettings(LineSettings value) {
      lineSettings = Objects.requireNonNull(value, "lineSettings");
      return this;
    }

    /**
     * Whether bytes cross the line at its speed, both ways (see {@link LineTiming}); off unless
     * set.
     */
    public Builder realtime(boolean value) {
      realtime = value;
      return this;
    }

    /** Pause before each answer; 50 ms in real time and 0 otherwise unless given. */
    public Builder thinkTime(Duration value) {
      thinkTime = Objects.requireNonNull(value, "thinkTime");
      return this;
    }

    /**
     * Starts the servers.
     *
     * @throws IllegalStateException when neither a TCP port nor a serial device was given
     * @throws java.io.UncheckedIOException when the TCP port cannot be bound
     * @throws org.camelkmp.kmp.error.KmpException when the serial device cannot be opened
     */
    public MeterSimulator start() {
      if (tcpPort == null && serialDevice == null) {
        throw new IllegalStateException("give a TCP port, a serial device or both to serve on");
      }
      SimulatedMeter served = meter != null ? meter : new SimulatedMeter(config, clock);
      Duration think =
          thinkTime != null ? thinkTime : realtime ? LineTiming.REALTIME_THINK_TIME : Duration.ZERO;
      LineTiming timing = new LineTiming(lineSettings, realtime, think);
      TcpMeterServer tcp = null;
      SerialMeterServer serial = null;
      try {
        if (tcpPort != null) {
          tcp = new TcpMeterServer(served, bindAddress, tcpPort, timing).start();
        }
        if (serialDevice != null) {
          serial = new SerialMeterServer(served, serialDevice, timing).start();
        }
      } catch (RuntimeException e) {
        if (tcp != null) {
          tcp.stop();
        }
        throw e;
      }
      return new MeterSimulator(served, tcp, serial);
    }
  }
}
