package org.camelkmp.kmp.error;

/** A response came from another address than the one the request was sent to. */
public class KmpUnexpectedAddressException extends KmpException {
  private static final long serialVersionUID = 1L;

  public KmpUnexpectedAddressException(int expected, int actual) {
    super(
        String.format(
            "unexpected response: request went to address 0x%02X but the answer comes from 0x%02X",
            expected, actual));
  }
}
