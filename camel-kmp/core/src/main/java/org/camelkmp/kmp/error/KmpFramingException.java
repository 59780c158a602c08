package org.camelkmp.kmp.error;

/**
 * The bytes do not form a valid KMP frame: wrong start or stop byte, an invalid or truncated escape
 * sequence, a frame that is too short or longer than the maximum frame length. Usually line noise
 * or a reader talking to something that is not a KMP meter.
 */
public class KmpFramingException extends KmpException {
  private static final long serialVersionUID = 1L;

  public KmpFramingException(String message) {
    super(message);
  }
}
