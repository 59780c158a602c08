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

  /** What the caller's retries came to, appended to the message; null when not said. */
  private String attempts;

  /**
   * Says that this failure ended {@code attempts} attempts that took {@code elapsed} in all: the
   * message then ends with {@code (after 3 attempts in 11.2 s)}. The client calls this on the
   * failure it throws when every attempt failed.
   *
   * @return this exception
   */
  public KmpException afterAttempts(int attempts, java.time.Duration elapsed) {
    this.attempts =
        String.format(
            java.util.Locale.ROOT,
            " (after %d attempt%s in %.1f s)",
            attempts,
            attempts == 1 ? "" : "s",
            elapsed.toMillis() / 1000.0);
    return this;
  }

  @Override
  public String getMessage() {
    String message = super.getMessage();
    return attempts == null ? message : message + attempts;
  }
}
