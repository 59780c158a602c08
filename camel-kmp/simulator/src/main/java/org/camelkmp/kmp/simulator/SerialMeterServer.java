package org.camelkmp.kmp.simulator;

import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import org.camelkmp.kmp.error.KmpException;
import org.camelkmp.kmp.transport.SerialTransport;
import org.camelkmp.kmp.transport.Transport;

/**
 * Serves a {@link SimulatedMeter} on a serial device, so a reader can talk to it through a real
 * tty: for example one end of a socat pty pair, with the reader on the other end. The device is
 * opened with the timing's {@link LineTiming#settings()}.
 *
 * <p>When the device goes away (socat stopped, adapter unplugged) the server keeps trying to open
 * it again every half second until stopped, as a meter that stays on the wall would; bytes that
 * were sent while it was away are discarded, not answered late. {@link #stop()} closes the device
 * and ends the thread.
 */
public final class SerialMeterServer implements AutoCloseable {
  private static final long REOPEN_NANOS = 500_000_000L;

  private final SimulatedMeter meter;
  private final Transport line;
  private final LineTiming timing;
  private volatile boolean stopped = true;
  private volatile MeterSession session;
  private Thread thread;

  /** A server on a serial device path or port name, such as {@code /dev/ttyUSB0}. */
  public SerialMeterServer(SimulatedMeter meter, String device, LineTiming timing) {
    this(meter, new SerialTransport(device, timing.settings()), timing);
  }

  /** A server on any transport standing for the meter's end of a line. */
  public SerialMeterServer(SimulatedMeter meter, Transport line, LineTiming timing) {
    this.meter = Objects.requireNonNull(meter, "meter");
    this.line = Objects.requireNonNull(line, "line");
    this.timing = Objects.requireNonNull(timing, "timing");
  }

  /**
   * Opens the device and starts serving; does nothing when already running.
   *
   * @throws KmpException when the device cannot be opened
   */
  public synchronized SerialMeterServer start() {
    if (thread != null) {
      return this;
    }
    line.open();
    stopped = false;
    thread = new Thread(this::serve, "kmp-sim-serial-" + line.name());
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  private void serve() {
    boolean reopened = false;
    while (!stopped) {
      try {
        line.open();
        if (reopened) {
          // what was sent while the device was away never reached the meter
          line.discardInput();
        }
        MeterSession current = new MeterSession(meter, line, timing);
        session = current;
        if (!stopped) {
          current.run();
        }
      } catch (KmpException e) {
        // the device is gone for now: try again shortly
      } finally {
        line.close();
      }
      if (!stopped) {
        reopened = true;
        LockSupport.parkNanos(this, REOPEN_NANOS);
      }
    }
  }

  /** The device served. */
  public String device() {
    return line.name();
  }

  /** Whether it is serving (or waiting for its device to come back). */
  public synchronized boolean isRunning() {
    return thread != null;
  }

  /** The meter served. */
  public SimulatedMeter meter() {
    return meter;
  }

  /** Closes the device and waits for the serving thread to end. */
  public synchronized void stop() {
    if (thread == null) {
      return;
    }
    stopped = true;
    MeterSession current = session;
    if (current != null) {
      current.stop();
    }
    line.close();
    LockSupport.unpark(thread);
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
    session = null;
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "SerialMeterServer[" + line.name() + "]";
  }
}
