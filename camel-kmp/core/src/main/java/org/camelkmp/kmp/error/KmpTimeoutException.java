package org.camelkmp.kmp.error;

/**
 * No complete answer arrived in time. The subclasses tell apart the three situations a user must
 * handle differently: nothing at all on the line, only our own echo or noise, and an answer that
 * started but stopped.
 */
public class KmpTimeoutException extends KmpException {
  private static final long serialVersionUID = 1L;

  public KmpTimeoutException(String message) {
    super(message);
  }
}
