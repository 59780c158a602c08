package org.camelkmp.kmp.client;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import org.camelkmp.kmp.error.KmpFramingException;
import org.camelkmp.kmp.error.KmpIncompleteFrameException;
import org.camelkmp.kmp.error.KmpNoAnswerException;
import org.camelkmp.kmp.error.KmpPortSilentException;
import org.camelkmp.kmp.error.KmpTransportException;
import org.camelkmp.kmp.frame.Direction;
import org.camelkmp.kmp.frame.FrameReceiver;
import org.camelkmp.kmp.frame.PhysicalLayer;
import org.camelkmp.kmp.transport.Transport;

/**
 * Reads one answer from a transport: skips everything before a response start byte (echo, stray
 * bytes, noise), then reads to the stop byte, and tells the three kinds of timeout apart.
 *
 * <p>The whole answer must be in by the first-byte deadline plus the time the longest frame takes
 * on the line: noise that keeps starting frames and never ends one is a framing error, not a wait
 * without end.
 */
final class ResponseReader {
  private final Transport transport;
  private final long interByteMillis;
  private final long maxFrameNanos;
  private final ByteArrayOutputStream trace;
  private long startedNanos;
  private long lastNanos;

  /**
   * @param maxFrameNanos how long the longest frame takes on the line, added to the first-byte
   *     deadline to bound the whole answer
   */
  ResponseReader(Transport transport, long interByteMillis, long maxFrameNanos, boolean keepTrace) {
    this.transport = transport;
    this.interByteMillis = interByteMillis;
    this.maxFrameNanos = maxFrameNanos;
    this.trace = keepTrace ? new ByteArrayOutputStream() : null;
  }

  /**
   * Reads until a whole response frame (or, when {@code acceptAck}, a lone ACK) has arrived.
   *
   * @param deadlineNanos by when (System.nanoTime) the answer must have started
   * @param timeoutMillis the timeout the deadline stands for, for messages
   * @return the physical frame bytes, start to stop, or the single ACK byte
   */
  byte[] read(long deadlineNanos, long timeoutMillis, boolean acceptAck) {
    FrameReceiver receiver = new FrameReceiver(Direction.RESPONSE, acceptAck);
    if (startedNanos == 0) {
      // the first read of an attempt fixes the bound; reading on past a bad frame keeps it
      startedNanos = System.nanoTime();
      lastNanos = deadlineNanos + TimeUnit.MILLISECONDS.toNanos(interByteMillis) + maxFrameNanos;
    }
    long started = startedNanos;
    while (true) {
      long now = System.nanoTime();
      if (now - lastNanos > 0) {
        throw noise(receiver, now - started);
      }
      // Past the deadline, bytes already there are still read (a wait of 0 takes only those): the
      // answer may have come in time while this thread ran late, and is the answer all the same.
      long waitMillis =
          receiver.inFrame()
              ? interByteMillis
              : Math.max(0, (deadlineNanos - now + 999_999) / 1_000_000);
      int b = readByte(receiver, waitMillis);
      if (b < 0) {
        throw timeout(receiver, timeoutMillis);
      }
      if (trace != null) {
        trace.write(b);
      }
      switch (receiver.accept(b)) {
        case FRAME:
          return receiver.frame();
        case ACK:
          return new byte[] {(byte) PhysicalLayer.ACK};
        default:
          break;
      }
    }
  }

  /** Reads a byte; when the port breaks, says whether it broke in the middle of the answer. */
  private int readByte(FrameReceiver receiver, long waitMillis) {
    try {
      return transport.read(waitMillis);
    } catch (KmpTransportException e) {
      if (!receiver.inFrame()) {
        throw e;
      }
      throw new KmpTransportException(
          e.getMessage()
              + " in the middle of the meter's answer, after "
              + receiver.partialLength()
              + " byte(s) of it",
          e);
    }
  }

  private KmpFramingException noise(FrameReceiver receiver, long elapsedNanos) {
    return new KmpFramingException(
        String.format(
            "line noise on %s: bytes kept coming for %d ms (%d byte(s)) without a complete"
                + " answer; check the optical head and the cable, and that nothing else talks on"
                + " the line",
            transport.name(), TimeUnit.NANOSECONDS.toMillis(elapsedNanos), receiver.received()));
  }

  private RuntimeException timeout(FrameReceiver receiver, long timeoutMillis) {
    if (receiver.inFrame()) {
      return new KmpIncompleteFrameException(
          transport.name(), receiver.partialLength(), interByteMillis);
    }
    if (receiver.received() == 0) {
      return new KmpPortSilentException(transport.name(), timeoutMillis);
    }
    return new KmpNoAnswerException(
        transport.name(), timeoutMillis, receiver.otherDirectionFrameSeen(), receiver.discarded());
  }

  /** Every byte read so far, when tracing. */
  byte[] trace() {
    return trace == null ? new byte[0] : trace.toByteArray();
  }
}
