package org.camelkmp.kmp.transport;

/**
 * Serial line settings. The vendor specifies 1200 baud, 8 data bits, no parity, 2 stop bits (8N2);
 * newer meters also accept 2400 baud and some readers use one stop bit.
 *
 * @param baudRate bits per second, 300..115200
 * @param dataBits 5..8
 * @param stopBits 1 or 2
 * @param parity parity
 */
public record LineSettings(int baudRate, int dataBits, int stopBits, Parity parity) {

  /** 1200 baud 8N2, what KMP meters expect. */
  public static final LineSettings KMP_DEFAULT = new LineSettings(1200, 8, 2, Parity.NONE);

  public LineSettings {
    if (baudRate < 300 || baudRate > 115_200) {
      throw new IllegalArgumentException(
          "baud rate " + baudRate + " is out of range 300..115200 (KMP meters use 1200 or 2400)");
    }
    if (dataBits < 5 || dataBits > 8) {
      throw new IllegalArgumentException("data bits " + dataBits + " is out of range 5..8");
    }
    if (stopBits != 1 && stopBits != 2) {
      throw new IllegalArgumentException("stop bits " + stopBits + " must be 1 or 2");
    }
    if (parity == null) {
      throw new IllegalArgumentException("parity must be given");
    }
  }

  /** The same settings at another baud rate. */
  public LineSettings withBaudRate(int newBaudRate) {
    return new LineSettings(newBaudRate, dataBits, stopBits, parity);
  }

  /** Bits on the wire per byte: start bit, data bits, parity bit if any, stop bits. */
  public int bitsPerByte() {
    return 1 + dataBits + (parity == Parity.NONE ? 0 : 1) + stopBits;
  }

  /** Time one byte takes on the wire, in nanoseconds. */
  public long nanosPerByte() {
    return 1_000_000_000L * bitsPerByte() / baudRate;
  }

  @Override
  public String toString() {
    return baudRate + " " + dataBits + parity.name().charAt(0) + stopBits;
  }
}
