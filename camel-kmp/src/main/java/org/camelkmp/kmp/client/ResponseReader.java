package org.camelkmp.kmp.client;

import java.io.ByteArrayOutputStream;
import org.camelkmp.kmp.error.KmpIncompleteFrameException;
import org.camelkmp.kmp.error.KmpNoAnswerException;
import org.camelkmp.kmp.error.KmpPortSilentException;
import org.camelkmp.kmp.frame.Direction;
import org.camelkmp.kmp.frame.FrameReceiver;
import org.camelkmp.kmp.frame.PhysicalLayer;
import org.camelkmp.kmp.transport.Transport;

/**
 * Reads one answer from a transport: skips everything before a response start byte (echo, stray
 * bytes, noise), then reads to the stop byte, and tells the three kinds of timeout apart.
 */
final class ResponseReader {
  private final Transport transport;
  private final long interByteMillis;
  private final ByteArrayOutputStream trace;

  ResponseReader(Transport transport, long interByteMillis, boolean keepTrace) {
    this.transport = transport;
    this.interByteMillis = interByteMillis;
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
    while (true) {
      long waitMillis =
          receiver.inFrame()
              ? interByteMillis
              : Math.max(0, (deadlineNanos - System.nanoTime() + 999_999) / 1_000_000);
      int b = waitMillis == 0 ? -1 : transport.read(waitMillis);
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
