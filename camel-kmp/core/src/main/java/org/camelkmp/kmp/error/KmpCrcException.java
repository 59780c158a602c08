package org.camelkmp.kmp.error;

/** A frame arrived whole but its CRC-16 does not match its content: the line corrupted it. */
public class KmpCrcException extends KmpException {
  private static final long serialVersionUID = 1L;
  private final int expected;
  private final int actual;

  public KmpCrcException(int expected, int actual) {
    super(
        String.format(
            "CRC mismatch: frame carries 0x%04X but its content gives 0x%04X"
                + " (line noise or a loose optical head)",
            actual, expected));
    this.expected = expected;
    this.actual = actual;
  }

  /** The CRC computed over the received address, CID and data. */
  public int expected() {
    return expected;
  }

  /** The CRC the frame carried. */
  public int actual() {
    return actual;
  }
}
