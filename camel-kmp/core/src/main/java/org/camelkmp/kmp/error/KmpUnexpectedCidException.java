package org.camelkmp.kmp.error;

/** The meter answered with a command id other than the one it was asked. */
public class KmpUnexpectedCidException extends KmpException {
  private static final long serialVersionUID = 1L;
  private final int expectedCid;
  private final int actualCid;

  public KmpUnexpectedCidException(int expectedCid, int actualCid) {
    super(
        String.format(
            "unexpected response: asked with CID 0x%02X but the answer carries CID 0x%02X",
            expectedCid, actualCid));
    this.expectedCid = expectedCid;
    this.actualCid = actualCid;
  }

  public int expectedCid() {
    return expectedCid;
  }

  public int actualCid() {
    return actualCid;
  }
}
