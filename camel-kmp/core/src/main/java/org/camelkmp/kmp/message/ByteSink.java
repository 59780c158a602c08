package org.camelkmp.kmp.message;

import java.util.Arrays;

/** A growing big-endian byte buffer for encoding application data. */
final class ByteSink {
  private byte[] bytes;
  private int length;

  ByteSink() {
    this(32);
  }

  /** A buffer for about {@code expected} bytes; it still grows when more come. */
  ByteSink(int expected) {
    bytes = new byte[Math.max(1, expected)];
  }

  ByteSink u8(int value) {
    if (length == bytes.length) {
      bytes = Arrays.copyOf(bytes, bytes.length * 2);
    }
    bytes[length++] = (byte) value;
    return this;
  }

  ByteSink u16(int value) {
    return u8(value >>> 8).u8(value);
  }

  ByteSink u32(long value) {
    return u16((int) (value >>> 16)).u16((int) value);
  }

  ByteSink bytes(byte[] values) {
    for (byte b : values) {
      u8(b);
    }
    return this;
  }

  /** The bytes written; the buffer itself when it is exactly full (the sink is done then). */
  byte[] toArray() {
    return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
  }
}
