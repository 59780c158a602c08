package org.camelkmp.tool;

/** A frame given to {@code decode} did not decode; the cause tells why and sets the exit status. */
final class DecodeFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DecodeFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
