package org.camelkmp.kmp.frame;

import java.util.Arrays;
import org.camelkmp.kmp.error.KmpFramingException;

/**
 * The physical layer: start byte, byte stuffing, stop byte, and the lone ACK.
 *
 * <p>The reserved bytes 0x80, 0x40, 0x0D, 0x06 and 0x1B are sent between start and stop as 0x1B
 * followed by the byte XOR 0xFF. Destuffing is a single left-to-right pass and strict: an escape
 * followed by a byte whose inverse is not reserved, or an escape as the last byte, is a framing
 * error.
 */
public final class PhysicalLayer {
  /** End of every frame. */
  public static final int STOP = 0x0D;

  /** Acknowledgement: a lone byte, no start, address, CRC or stop. */
  public static final int ACK = 0x06;

  /** Escape byte of the stuffing scheme. */
  public static final int ESCAPE = 0x1B;

  /**
   * Largest unstuffed data-link frame (address, CID, data, CRC) accepted. Real frames are far
   * smaller; the bound keeps any input from making a reader allocate without limit.
   */
  public static final int MAX_DATA_LINK_LENGTH = 1024;

  /** Largest physical frame: start, every data-link byte escaped, stop. */
  public static final int MAX_FRAME_LENGTH = 2 + 2 * MAX_DATA_LINK_LENGTH;

  private PhysicalLayer() {}

  /** Whether a byte must be escaped between start and stop. */
  public static boolean isReserved(int b) {
    return switch (b & 0xFF) {
      case 0x80, 0x40, 0x0D, 0x06, 0x1B -> true;
      default -> false;
    };
  }

  /** Wraps a data-link frame: start byte for the direction, stuffed content, stop byte. */
  public static byte[] encode(Direction direction, byte[] dataLink) {
    if (dataLink.length > MAX_DATA_LINK_LENGTH) {
      throw new IllegalArgumentException(
          "frame of " + dataLink.length + " bytes exceeds the maximum of " + MAX_DATA_LINK_LENGTH);
    }
    int reserved = 0;
    for (byte b : dataLink) {
      if (isReserved(b)) {
        reserved++;
      }
    }
    byte[] out = new byte[2 + dataLink.length + reserved];
    int n = 0;
    out[n++] = (byte) direction.startByte();
    for (byte b : dataLink) {
      if (isReserved(b)) {
        out[n++] = (byte) ESCAPE;
        out[n++] = (byte) ~b;
      } else {
        out[n++] = b;
      }
    }
    out[n] = (byte) STOP;
    return out;
  }

  /**
   * Unwraps a physical frame: checks start and stop, destuffs in one pass.
   *
   * @throws KmpFramingException for a missing start or stop byte, an invalid or truncated escape, a
   *     reserved byte inside the frame, or a frame longer than {@link #MAX_FRAME_LENGTH}
   */
  public static PhysicalFrame decode(byte[] frame) {
    if (frame.length == 1 && (frame[0] & 0xFF) == ACK) {
      return PhysicalFrame.ACK_FRAME;
    }
    byte[] dataLink = unwrap(frame);
    return new PhysicalFrame(Direction.ofStartByte(frame[0]), dataLink);
  }

  /**
   * The destuffed data-link bytes of a frame that is not a lone ACK, checked as {@link
   * #decode(byte[])} checks them; the frame's direction is {@link Direction#ofStartByte(byte)} of
   * its first byte. For readers that decode on by themselves: it spares the copies a {@link
   * PhysicalFrame} makes.
   *
   * @throws KmpFramingException as {@link #decode(byte[])} does; a lone ACK is too short
   */
  public static byte[] unwrap(byte[] frame) {
    if (frame.length < 2) {
      throw new KmpFramingException(
          "frame too short: " + frame.length + " byte(s), a frame has at least start and stop");
    }
    if (frame.length > MAX_FRAME_LENGTH) {
      throw new KmpFramingException(
          "frame too long: " + frame.length + " bytes, the maximum is " + MAX_FRAME_LENGTH);
    }
    if (Direction.ofStartByte(frame[0]) == null) {
      throw new KmpFramingException(
          String.format(
              "bad start byte 0x%02X: expected 0x80 (request) or 0x40 (response)", frame[0]));
    }
    if ((frame[frame.length - 1] & 0xFF) != STOP) {
      throw new KmpFramingException(
          String.format("bad stop byte 0x%02X: expected 0x0D", frame[frame.length - 1]));
    }
    return destuff(frame, 1, frame.length - 2);
  }

  /** Destuffs {@code length} bytes from {@code offset} in one left-to-right pass. */
  public static byte[] destuff(byte[] bytes, int offset, int length) {
    int end = offset + length;
    int escapes = 0;
    for (int i = offset; i < end; i++) {
      if ((bytes[i] & 0xFF) == ESCAPE) {
        escapes++;
      }
    }
    // every 0x1B starts an escape (an escaped byte is never 0x1B) or the pass below throws
    byte[] out = new byte[length - escapes];
    int n = 0;
    for (int i = offset; i < end; i++) {
      int b = bytes[i] & 0xFF;
      if (b == ESCAPE) {
        if (i + 1 >= end) {
          throw new KmpFramingException("truncated escape: 0x1B is the last byte of the frame");
        }
        int unescaped = ~bytes[++i] & 0xFF;
        if (!isReserved(unescaped)) {
          throw new KmpFramingException(
              String.format(
                  "invalid escape 1B %02X at offset %d: 0x%02X is not a reserved byte",
                  bytes[i] & 0xFF, i - 1 - offset, unescaped));
        }
        out[n++] = (byte) unescaped;
      } else if (isReserved(b)) {
        throw new KmpFramingException(
            String.format(
                "unescaped reserved byte 0x%02X at offset %d inside the frame", b, i - offset));
      } else {
        out[n++] = (byte) b;
      }
    }
    return out;
  }

  /** Stuffs bytes: every reserved byte becomes 0x1B, byte XOR 0xFF. */
  public static byte[] stuff(byte[] bytes) {
    byte[] out = new byte[2 * bytes.length];
    int n = 0;
    for (byte b : bytes) {
      if (isReserved(b)) {
        out[n++] = (byte) ESCAPE;
        out[n++] = (byte) ~b;
      } else {
        out[n++] = b;
      }
    }
    return Arrays.copyOf(out, n);
  }
}
