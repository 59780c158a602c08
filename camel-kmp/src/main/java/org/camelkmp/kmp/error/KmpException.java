package org.camelkmp.kmp.error;

/**
 * Root of every failure the KMP core reports. Each kind of failure has its own subclass so that
 * callers (and Camel routes) can react to exactly one kind, and each message says what happened in
 * terms a user can act on.
 *
 * <p>All KMP exceptions are unchecked: a failed exchange with a meter is an expected event that the
 * caller handles at the point where it can retry or report, not at every call site.
 */
public class KmpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KmpException(String message) {
    super(message);
  }

  public KmpException(String message, Throwable cause) {
    super(message, cause);
  }
}
