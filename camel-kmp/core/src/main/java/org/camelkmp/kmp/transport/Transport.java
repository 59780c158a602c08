package org.camelkmp.kmp.transport;

import org.camelkmp.kmp.error.KmpTransportException;

/**
 * A byte pipe to one meter line: a serial port, a TCP connection to a ser2net gateway, or an
 * in-memory line for tests. It knows bytes only, nothing of frames.
 *
 * <p>A transport is used by one transaction at a time; it is not required to be thread-safe except
 * that {@link #close()} may be called from another thread to abort a blocked {@link #read(long)}.
 * When the underlying port breaks, operations throw {@link KmpTransportException} and the transport
 * reports {@link #isOpen()} false; calling {@link #open()} again reopens it.
 */
public interface Transport extends AutoCloseable {

  /**
   * What this transport talks to, as the user named it: {@code /dev/ttyUSB0}, {@code
   * socket://gw:2002}.
   */
  String name();

  /**
   * Opens the port or connection. Does nothing when already open.
   *
   * @throws KmpTransportException when the port does not exist, is busy or the gateway refuses
   */
  void open();

  /** Whether the transport is open and, as far as is known, not broken. */
  boolean isOpen();

  /**
   * Writes all bytes in one burst (the meter requires request bytes no more than 27 ms apart).
   *
   * @throws KmpTransportException when the transport is not open or breaks while writing
   */
  void write(byte[] bytes);

  /**
   * Reads the next byte, waiting at most {@code timeoutMillis}; with 0, takes only a byte that is
   * already there, without waiting.
   *
   * @return the byte as 0..255, or -1 when no byte arrived within the timeout
   * @throws KmpTransportException when the transport is not open or breaks (end of stream)
   */
  int read(long timeoutMillis);

  /** Drops every byte received so far and not yet read. */
  void discardInput();

  /** Closes the port or connection; safe to call more than once. */
  @Override
  void close();
}
