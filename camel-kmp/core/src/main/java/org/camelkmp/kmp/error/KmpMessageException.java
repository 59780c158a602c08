package org.camelkmp.kmp.error;

/**
 * A frame was valid (framing and CRC) but its application data does not fit the command it names:
 * too short, too long or a field out of range.
 */
public class KmpMessageException extends KmpException {
  private static final long serialVersionUID = 1L;

  public KmpMessageException(String message) {
    super(message);
  }
}
