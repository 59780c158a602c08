package org.camelkmp.component.kmp.support;

import org.camelkmp.kmp.simulator.LineTiming;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.SerialMeterServer;
import org.camelkmp.kmp.simulator.SimulatedMeter;
import org.camelkmp.kmp.testsupport.SocatPtyPair;

/**
 * A simulated meter on one end of a socat pty pair, answering at once: the serial device the
 * component's tests read through the other end, {@link #readerDevice()}.
 */
public final class SimulatedMeterOnPty implements AutoCloseable {
  private final SocatPtyPair pty;
  private final SerialMeterServer server;

  private SimulatedMeterOnPty(SocatPtyPair pty, SerialMeterServer server) {
    this.pty = pty;
    this.server = server;
  }

  /** Starts socat and a meter with {@code serialNumber} on side A. */
  public static SimulatedMeterOnPty start(long serialNumber) {
    SocatPtyPair pty = SocatPtyPair.start();
    SimulatedMeter meter =
        new SimulatedMeter(MeterConfig.builder().serialNumber(serialNumber).build());
    try {
      return new SimulatedMeterOnPty(
          pty, new SerialMeterServer(meter, pty.pathA(), LineTiming.immediate()).start());
    } catch (RuntimeException e) {
      pty.close();
      throw e;
    }
  }

  /** The device a reader opens: side B of the pair. */
  public String readerDevice() {
    return pty.pathB();
  }

  /** Stops the meter, then socat. */
  @Override
  public void close() {
    server.close();
    pty.close();
  }
}
