package org.camelkmp.kmp.frame;

/**
 * CRC-16/XMODEM as KMP uses it: polynomial 0x1021, initial value 0, no reflection, no final XOR.
 * Computed over address, CID and data (unstuffed) and sent most significant byte first. Running it
 * over a frame including its two CRC bytes gives 0.
 */
public final class Crc16 {
  private static final int[] TABLE = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int crc = i << 8;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
      }
      TABLE[i] = crc & 0xFFFF;
    }
  }

  private Crc16() {}

  /** CRC of {@code length} bytes starting at {@code offset}. */
  public static int compute(byte[] bytes, int offset, int length) {
    int crc = 0;
    for (int i = offset; i < offset + length; i++) {
      crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ bytes[i]) & 0xFF]) & 0xFFFF;
    }
    return crc;
  }

  /** CRC of all bytes. */
  public static int compute(byte[] bytes) {
    return compute(bytes, 0, bytes.length);
  }
}
