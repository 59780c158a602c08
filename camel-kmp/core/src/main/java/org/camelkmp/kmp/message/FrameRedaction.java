package org.camelkmp.kmp.message;

import java.util.StringJoiner;
import org.camelkmp.kmp.frame.Direction;
import org.camelkmp.kmp.frame.PhysicalLayer;

/**
 * Frames as they may appear in logs and traces: a PutRegister request carries the meter's write
 * password in its bytes 2 and 3 after the start byte (after address and CID), and those are shown
 * as {@code **}. Every other frame is shown as it is.
 */
public final class FrameRedaction {
  private static final int PASSWORD_FIRST = 2;
  private static final int PASSWORD_LAST = 3;

  private FrameRedaction() {}

  /** Whether a physical frame is a request that carries a secret (a PutRegister). */
  public static boolean carriesSecret(byte[] frame) {
    return frame.length > 3
        && (frame[0] & 0xFF) == Direction.REQUEST.startByte()
        && logicalByte(frame, 1) == CommandId.PUT_REGISTER.code();
  }

  /** Space-separated hex of a physical frame with any password bytes replaced by {@code **}. */
  public static String hex(byte[] frame) {
    boolean secret = carriesSecret(frame);
    StringJoiner out = new StringJoiner(" ");
    int last = frame.length - 1;
    int logical = 0;
    for (int i = 0; i < frame.length; i++) {
      if (i == 0 || i == last) {
        out.add(String.format("%02X", frame[i]));
        continue;
      }
      int width = (frame[i] & 0xFF) == PhysicalLayer.ESCAPE && i + 1 < last ? 2 : 1;
      boolean hidden = secret && logical >= PASSWORD_FIRST && logical <= PASSWORD_LAST;
      for (int k = 0; k < width; k++) {
        out.add(hidden ? "**" : String.format("%02X", frame[i + k]));
      }
      i += width - 1;
      logical++;
    }
    return out.toString();
  }

  /**
   * Space-separated hex of bytes read in answer to {@code request}: where they hold the echo of a
   * request that carries a secret (an echoing optical head), that echo is redacted like the request
   * itself.
   */
  public static String received(byte[] bytes, byte[] request) {
    if (!carriesSecret(request)) {
      return spaced(bytes, 0, bytes.length);
    }
    StringJoiner out = new StringJoiner(" ");
    int i = 0;
    while (i < bytes.length) {
      if (startsWith(bytes, i, request)) {
        out.add(hex(request));
        i += request.length;
      } else {
        out.add(String.format("%02X", bytes[i++]));
      }
    }
    return out.toString();
  }

  private static boolean startsWith(byte[] bytes, int from, byte[] prefix) {
    if (bytes.length - from < prefix.length) {
      return false;
    }
    for (int k = 0; k < prefix.length; k++) {
      if (bytes[from + k] != prefix[k]) {
        return false;
      }
    }
    return true;
  }

  private static String spaced(byte[] bytes, int from, int to) {
    StringJoiner out = new StringJoiner(" ");
    for (int i = from; i < to; i++) {
      out.add(String.format("%02X", bytes[i]));
    }
    return out.toString();
  }

  /** The {@code index}-th destuffed byte after the start byte, or -1. */
  private static int logicalByte(byte[] frame, int index) {
    int logical = -1;
    for (int i = 1; i < frame.length - 1; i++) {
      int b = frame[i] & 0xFF;
      int value = b;
      if (b == PhysicalLayer.ESCAPE && i + 1 < frame.length - 1) {
        value = ~frame[++i] & 0xFF;
      }
      if (++logical == index) {
        return value;
      }
    }
    return -1;
  }
}
