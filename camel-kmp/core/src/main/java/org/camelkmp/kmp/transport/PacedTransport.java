package org.camelkmp.kmp.transport;

import java.util.concurrent.locks.LockSupport;
import org.camelkmp.kmp.error.KmpTransportException;

/**
 * Gives a transport the timing of a real serial line: each written byte is handed on only when it
 * would have finished crossing the wire, {@link LineSettings#nanosPerByte()} after the previous one
 * (9.2 ms per byte at 1200 baud 8N2). A meter simulator uses it so that clients meet the delays of
 * a real meter over a pty or an in-memory line, which otherwise deliver instantly.
 *
 * <p>Deadlines are computed from the monotonic clock and the start of the write, so oversleeping
 * one byte does not delay the ones after it: the write does not drift. Reads are not paced.
 */
public final class PacedTransport implements Transport {

  private final Transport delegate;
  private final long nanosPerByte;

  /**
   * Paces writes on {@code delegate} as on a line with these settings.
   *
   * @param delegate the transport that carries the bytes
   * @param settings the line whose timing to imitate
   */
  public PacedTransport(Transport delegate, LineSettings settings) {
    if (delegate == null || settings == null) {
      throw new IllegalArgumentException("a paced transport needs a transport and line settings");
    }
    this.delegate = delegate;
    this.nanosPerByte = settings.nanosPerByte();
  }

  /** Time each byte takes, in nanoseconds. */
  public long nanosPerByte() {
    return nanosPerByte;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public void open() {
    delegate.open();
  }

  @Override
  public boolean isOpen() {
    return delegate.isOpen();
  }

  /** Writes the bytes one at a time, each when its last stop bit would have been sent. */
  @Override
  public void write(byte[] bytes) {
    long deadline = System.nanoTime();
    for (byte b : bytes) {
      deadline += nanosPerByte;
      parkUntil(deadline);
      delegate.write(new byte[] {b});
    }
  }

  private void parkUntil(long deadline) {
    long remaining;
    while ((remaining = deadline - System.nanoTime()) > 0) {
      if (Thread.currentThread().isInterrupted()) {
        throw new KmpTransportException("interrupted while writing to " + name());
      }
      LockSupport.parkNanos(remaining);
    }
  }

  @Override
  public int read(long timeoutMillis) {
    return delegate.read(timeoutMillis);
  }

  @Override
  public void discardInput() {
    delegate.discardInput();
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return delegate + " (paced)";
  }
}
