package org.camelkmp.kmp.message;

import java.util.Arrays;
import org.camelkmp.kmp.error.KmpMessageException;

/** A bounds-checked big-endian reader over application data; running short is a message error. */
final class ByteSource {
  private final byte[] bytes;
  private final int base;
  private final int end;
  private final String what;
  private int position;
  private byte[] scratch;

  /**
   * Reads {@code bytes[start .. end)} of a message that begins at {@code base} (its CID), which
   * messages count offsets from.
   */
  ByteSource(byte[] bytes, int base, int start, int end, String what) {
    this.bytes = bytes;
    this.base = base;
    this.position = start;
    this.end = end;
    this.what = what;
  }

  int u8() {
    need(1);
    return bytes[position++] & 0xFF;
  }

  int u16() {
    need(2);
    int value = ((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF);
    position += 2;
    return value;
  }

  long u32() {
    return ((long) u16() << 16) | u16();
  }

  byte[] take(int n) {
    need(n);
    byte[] out = Arrays.copyOfRange(bytes, position, position + n);
    position += n;
    return out;
  }

  /**
   * The next {@code n} bytes in a buffer the next call reuses: only for a caller that copies them
   * at once, as the constructor of {@link org.camelkmp.kmp.value.RegisterValue} does. Spares a
   * second copy of every register value decoded.
   */
  byte[] takeTransient(int n) {
    need(n);
    if (scratch == null || scratch.length != n) {
      scratch = new byte[n];
    }
    System.arraycopy(bytes, position, scratch, 0, n);
    position += n;
    return scratch;
  }

  int remaining() {
    return end - position;
  }

  /** The bytes not yet read, as a source of its own that names itself {@code otherWhat}. */
  ByteSource rest(String otherWhat) {
    return new ByteSource(bytes, base, position, end, otherWhat);
  }

  /** The whole message's length, CID included. */
  int messageLength() {
    return end - base;
  }

  /** The message's last byte, wherever reading stands. */
  int lastByte() {
    return bytes[end - 1] & 0xFF;
  }

  /** Reads past whatever is left. */
  void skipRest() {
    position = end;
  }

  int position() {
    return position;
  }

  void expectEnd() {
    if (remaining() != 0) {
      throw new KmpMessageException(what + " has " + remaining() + " unexpected trailing byte(s)");
    }
  }

  private void need(int n) {
    if (remaining() < n) {
      throw new KmpMessageException(
          what
              + " is too short: needs "
              + n
              + " more byte(s) at offset "
              + (position - base)
              + ", has "
              + remaining());
    }
  }
}
