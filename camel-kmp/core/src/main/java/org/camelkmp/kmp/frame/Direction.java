package org.camelkmp.kmp.frame;

/**
 * Which way a frame travels; the start byte tells them apart, so an echoed request is not an
 * answer.
 */
public enum Direction {
  /** From the reader to the meter: start byte 0x80. */
  REQUEST(0x80),
  /** From the meter to the reader: start byte 0x40. */
  RESPONSE(0x40);

  private final int startByte;

  Direction(int startByte) {
    this.startByte = startByte;
  }

  /** The start byte of frames in this direction. */
  public int startByte() {
    return startByte;
  }

  /** The direction whose start byte this is, or null. */
  public static Direction ofStartByte(int b) {
    return switch (b & 0xFF) {
      case 0x80 -> REQUEST;
      case 0x40 -> RESPONSE;
      default -> null;
    };
  }
}
