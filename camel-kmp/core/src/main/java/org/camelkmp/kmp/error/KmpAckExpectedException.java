package org.camelkmp.kmp.error;

/**
 * A command that is answered with a lone ACK (SetClock, PutRegister) got a data frame or a
 * different byte instead.
 */
public class KmpAckExpectedException extends KmpException {
  private static final long serialVersionUID = 1L;

  public KmpAckExpectedException(String message) {
    super(message);
  }
}
