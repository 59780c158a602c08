package org.camelkmp.kmp.frame;

import java.util.Arrays;
import org.camelkmp.kmp.error.KmpFramingException;

/**
 * Finds frames in a byte stream, one byte at a time, so it works the same on a serial line, a TCP
 * stream or a test buffer.
 *
 * <p>Bytes before the start byte of the wanted direction are discarded: the echo of our own request
 * ({@code 0x80 … 0x0D}), the meter's stray {@code 0x00}, noise. A start byte inside a frame
 * restarts the frame (a reserved byte never appears unescaped inside a valid one). A frame longer
 * than {@link PhysicalLayer#MAX_FRAME_LENGTH} is a framing error, so no input makes the receiver
 * grow without bound. Not thread-safe.
 */
public final class FrameReceiver {

  /** What one byte completed. */
  public enum Event {
    /** Nothing yet: keep feeding. */
    NONE,
    /** A whole frame, start to stop: see {@link #frame()}. */
    FRAME,
    /** A lone ACK byte while hunting for a frame (only when ACKs are accepted). */
    ACK
  }

  private final Direction wanted;
  private final boolean acceptAck;
  private final byte[] buffer = new byte[PhysicalLayer.MAX_FRAME_LENGTH];
  private int length;
  private boolean inFrame;
  private boolean inOtherFrame;
  private boolean otherFrameSeen;
  private int discarded;
  private int received;
  private byte[] frame;

  /**
   * @param wanted the direction of frames to find ({@link Direction#RESPONSE} for a reader)
   * @param acceptAck whether a lone 0x06 outside a frame completes the exchange
   */
  public FrameReceiver(Direction wanted, boolean acceptAck) {
    this.wanted = wanted;
    this.acceptAck = acceptAck;
  }

  /**
   * Feeds one byte.
   *
   * @throws KmpFramingException when a frame exceeds the maximum length
   */
  public Event accept(int value) {
    int b = value & 0xFF;
    received++;
    if (b == wanted.startByte()) {
      if (inFrame) {
        discarded += length;
      }
      inFrame = true;
      inOtherFrame = false;
      buffer[0] = (byte) b;
      length = 1;
      return Event.NONE;
    }
    if (!inFrame) {
      return hunt(b);
    }
    if (length == buffer.length) {
      inFrame = false;
      discarded += length;
      length = 0;
      throw new KmpFramingException(
          "frame too long: no stop byte within " + PhysicalLayer.MAX_FRAME_LENGTH + " bytes");
    }
    buffer[length++] = (byte) b;
    if (b == PhysicalLayer.STOP) {
      inFrame = false;
      frame = Arrays.copyOf(buffer, length);
      length = 0;
      return Event.FRAME;
    }
    return Event.NONE;
  }

  private Event hunt(int b) {
    if (acceptAck && b == PhysicalLayer.ACK && !inOtherFrame) {
      return Event.ACK;
    }
    discarded++;
    Direction other = Direction.ofStartByte(b);
    if (other != null && other != wanted) {
      inOtherFrame = true;
    } else if (inOtherFrame && b == PhysicalLayer.STOP) {
      inOtherFrame = false;
      otherFrameSeen = true;
    }
    return Event.NONE;
  }

  /** The last complete frame, start to stop inclusive; null before the first. */
  public byte[] frame() {
    return frame == null ? null : frame.clone();
  }

  /** Whether a frame has started and not yet ended. */
  public boolean inFrame() {
    return inFrame;
  }

  /** Bytes of the frame under way. */
  public int partialLength() {
    return inFrame ? length : 0;
  }

  /** Bytes fed in total. */
  public int received() {
    return received;
  }

  /** Bytes thrown away while hunting for a start byte or resynchronising. */
  public int discarded() {
    return discarded;
  }

  /**
   * Whether a whole frame of the other direction went by: for a reader, the echo of its own request
   * from an echoing optical head.
   */
  public boolean otherDirectionFrameSeen() {
    return otherFrameSeen;
  }

  /** Forgets everything, ready for the next exchange. */
  public void reset() {
    length = 0;
    inFrame = false;
    inOtherFrame = false;
    otherFrameSeen = false;
    discarded = 0;
    received = 0;
    frame = null;
  }
}
