package org.camelkmp.kmp.transport;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.camelkmp.kmp.error.KmpTransportException;

/**
 * A serial port, usually a USB optical head, through jSerialComm: a device path ({@code
 * /dev/ttyUSB0}, or a link such as one made by socat) or a Windows port name ({@code COM3}).
 *
 * <p>{@link #open()} applies the {@link LineSettings} with flow control off. {@link #write(byte[])}
 * returns once the bytes have left the driver (it drains the output), so a response timeout starts
 * after the request is on the wire. Reads go through a small buffer, so reading byte by byte costs
 * one native call per burst, not per byte.
 *
 * <p>Read timeouts are honoured to about a millisecond. POSIX ttys only time reads in tenths of a
 * second (and jSerialComm rounds other values to the nearest tenth, which can return early), so the
 * wait is done in whole tenths by the driver and the rest, under 100 ms, by checking for input
 * every millisecond.
 *
 * <p>When the device disappears, reads and writes throw {@link KmpTransportException}, the port is
 * released and {@link #isOpen()} turns false; {@link #open()} looks the device up again, so it
 * works after the head is plugged back in (or socat is restarted on the same link).
 *
 * <p>{@link #close()} may be called from another thread to abort a blocked {@link #read(long)}.
 */
public final class SerialTransport implements Transport {

  private static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

  /** The step of the driver's read timer: VTIME counts tenths of a second on POSIX. */
  private static final int TIMER_STEP_MILLIS = WINDOWS ? 1 : 100;

  /** VTIME is one byte of tenths: 25.5 s at most per native read. */
  private static final int MAX_NATIVE_TIMEOUT_MILLIS = 25_500;

  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final int TIMEOUT_MODE =
      SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING;

  private final String portName;
  private final LineSettings settings;
  private final Object lock = new Object();
  private final byte[] buffer = new byte[256];
  private int position;
  private int limit;
  private int nativeTimeoutMillis;
  private volatile SerialPort port;

  /**
   * A transport for the port; nothing is opened yet.
   *
   * @param portPathOrName a device path ({@code /dev/ttyUSB0}, {@code /tmp/kmp-a}) or a port name
   *     ({@code COM3}, {@code ttyUSB0})
   * @param settings baud rate, data bits, stop bits and parity
   */
  public SerialTransport(String portPathOrName, LineSettings settings) {
    if (portPathOrName == null || portPathOrName.isBlank()) {
      throw new IllegalArgumentException("serial port must be given, like /dev/ttyUSB0 or COM3");
    }
    if (settings == null) {
      throw new IllegalArgumentException("line settings must be given");
    }
    this.portName = portPathOrName.strip();
    this.settings = settings;
  }

  /** The port as given to the constructor. */
  @Override
  public String name() {
    return portName;
  }

  /** The line settings applied on open. */
  public LineSettings settings() {
    return settings;
  }

  @Override
  public void open() {
    synchronized (lock) {
      if (port != null) {
        return;
      }
      SerialPort p = lookUp();
      p.setComPortParameters(
          settings.baudRate(), settings.dataBits(), stopBits(settings), parity(settings));
      p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
      p.setComPortTimeouts(TIMEOUT_MODE, TIMER_STEP_MILLIS, 0);
      // no safety sleep: jSerialComm would otherwise wait 200 ms on every open
      if (!p.openPort(0)) {
        throw new KmpTransportException(
            "cannot open serial port " + portName + ": " + describeOpenFailure(p));
      }
      nativeTimeoutMillis = TIMER_STEP_MILLIS;
      position = 0;
      limit = 0;
      port = p;
    }
  }

  private SerialPort lookUp() {
    try {
      // looked up on every open: a link made by socat or udev may point elsewhere after a replug
      return SerialPort.getCommPort(portName);
    } catch (SerialPortInvalidPortException e) {
      throw new KmpTransportException(
          "cannot open serial port " + portName + ": no such device; is the head plugged in?", e);
    } catch (LinkageError e) {
      throw new KmpTransportException(
          "cannot open serial port "
              + portName
              + ": the jSerialComm native library failed to load ("
              + e
              + "); is the temporary directory writable and executable?",
          e);
    }
  }

  /**
   * Explains a failed open. On POSIX jSerialComm reports errno, except for 2, which is its own code
   * for a port already open in this JVM (it keeps one native handle per device path); it takes an
   * exclusive flock on the device, so another process holding the port gives EWOULDBLOCK (11).
   */
  private String describeOpenFailure(SerialPort p) {
    int code = p.getLastErrorCode();
    if (WINDOWS) {
      return code == 2
          ? "no such device; is the head plugged in?"
          : "busy or no permission; is another program using it? (error " + code + ")";
    }
    if (!Files.exists(Path.of(p.getSystemPortPath()))) {
      return "no such device; is the head plugged in?";
    }
    return switch (code) {
      case 2 -> "busy: it is already open in this JVM (another route or transport?)";
      case 11 -> "busy: another program has it open (error 11)";
      case 1, 13 -> "no permission; add the user to the group owning the port (dialout or uucp)";
      case 25 -> "not a serial device";
      default -> "busy or no permission; is another program using it? (error " + code + ")";
    };
  }

  @Override
  public boolean isOpen() {
    SerialPort p = port;
    return p != null && p.isOpen();
  }

  @Override
  public void write(byte[] bytes) {
    SerialPort p = requireOpen();
    int offset = 0;
    while (offset < bytes.length) {
      int written = p.writeBytes(bytes, bytes.length - offset, offset);
      if (written <= 0) {
        throw broken(p, "writing");
      }
      offset += written;
    }
  }

  @Override
  public int read(long timeoutMillis) {
    SerialPort p = requireOpen();
    if (position < limit) {
      return buffer[position++] & 0xFF;
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, timeoutMillis));
    while (true) {
      long remainingNanos = deadline - System.nanoTime();
      long remainingMillis = TimeUnit.NANOSECONDS.toMillis(remainingNanos);
      int count;
      if (remainingMillis >= TIMER_STEP_MILLIS) {
        long wholeSteps = remainingMillis / TIMER_STEP_MILLIS * TIMER_STEP_MILLIS;
        setNativeTimeout(p, (int) Math.min(wholeSteps, MAX_NATIVE_TIMEOUT_MILLIS));
        count = p.readBytes(buffer, buffer.length);
      } else {
        int available = p.bytesAvailable();
        if (available < 0) {
          throw broken(p, "reading");
        }
        if (available == 0) {
          if (remainingNanos <= 0) {
            return -1;
          }
          if (Thread.currentThread().isInterrupted()) {
            throw new KmpTransportException("interrupted while waiting for a byte on " + portName);
          }
          LockSupport.parkNanos(Math.min(POLL_NANOS, remainingNanos));
          continue;
        }
        count = p.readBytes(buffer, Math.min(available, buffer.length));
      }
      if (count < 0) {
        throw broken(p, "reading");
      }
      if (count > 0) {
        position = 1;
        limit = count;
        return buffer[0] & 0xFF;
      }
    }
  }

  private void setNativeTimeout(SerialPort p, int millis) {
    if (millis != nativeTimeoutMillis) {
      p.setComPortTimeouts(TIMEOUT_MODE, millis, 0);
      nativeTimeoutMillis = millis;
    }
  }

  @Override
  public void discardInput() {
    position = 0;
    limit = 0;
    SerialPort p = port;
    if (p == null) {
      return;
    }
    int available;
    while ((available = p.bytesAvailable()) > 0) {
      if (p.readBytes(buffer, Math.min(available, buffer.length)) < 0) {
        break;
      }
    }
    if (available < 0) {
      throw broken(p, "discarding input");
    }
  }

  @Override
  public void close() {
    synchronized (lock) {
      SerialPort p = port;
      port = null;
      if (p != null) {
        p.closePort();
      }
    }
  }

  private SerialPort requireOpen() {
    SerialPort p = port;
    if (p == null) {
      throw new KmpTransportException("serial port " + portName + " is not open");
    }
    return p;
  }

  /** Releases a port that failed, unless close() got there first, and says what happened. */
  private KmpTransportException broken(SerialPort p, String doing) {
    synchronized (lock) {
      if (port != p) {
        return new KmpTransportException("serial port " + portName + " was closed");
      }
      int code = p.getLastErrorCode();
      port = null;
      p.closePort();
      return new KmpTransportException(
          "serial port "
              + portName
              + " failed while "
              + doing
              + " (error "
              + code
              + "): the device disappeared; is the head still plugged in?");
    }
  }

  private static int stopBits(LineSettings settings) {
    return settings.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
  }

  private static int parity(LineSettings settings) {
    return switch (settings.parity()) {
      case NONE -> SerialPort.NO_PARITY;
      case ODD -> SerialPort.ODD_PARITY;
      case EVEN -> SerialPort.EVEN_PARITY;
      case MARK -> SerialPort.MARK_PARITY;
      case SPACE -> SerialPort.SPACE_PARITY;
    };
  }

  @Override
  public String toString() {
    return portName + " " + settings;
  }
}
