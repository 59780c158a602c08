package org.camelkmp.kmp.message;

import java.util.HexFormat;

/**
 * The four event status bytes ES0..ES3. Only ES2 has a known meaning: bit 0 the interval log has
 * unread records, bit 1 the RTC log has unread records. Also used as the masks of ClearEventStatus.
 */
public record EventStatus(int es0, int es1, int es2, int es3) {
  /** All bits clear. */
  public static final EventStatus NONE = new EventStatus(0, 0, 0, 0);

  public EventStatus {
    for (int b : new int[] {es0, es1, es2, es3}) {
      if (b < 0 || b > 255) {
        throw new IllegalArgumentException("event status byte " + b + " is out of range 0..255");
      }
    }
  }

  /** From four bytes ES0..ES3. */
  public static EventStatus of(byte[] bytes, int offset) {
    return new EventStatus(
        bytes[offset] & 0xFF,
        bytes[offset + 1] & 0xFF,
        bytes[offset + 2] & 0xFF,
        bytes[offset + 3] & 0xFF);
  }

  /** ES0..ES3 as bytes. */
  public byte[] toBytes() {
    return new byte[] {(byte) es0, (byte) es1, (byte) es2, (byte) es3};
  }

  /** ES2 bit 0: the interval (hourly) log holds records not yet read. */
  public boolean intervalLogUnread() {
    return (es2 & 0x01) != 0;
  }

  /** ES2 bit 1: the RTC log holds records not yet read. */
  public boolean rtcLogUnread() {
    return (es2 & 0x02) != 0;
  }

  @Override
  public String toString() {
    return "EventStatus[" + HexFormat.ofDelimiter(" ").formatHex(toBytes()) + "]";
  }
}
