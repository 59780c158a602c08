package org.camelkmp.kmp.error;

/**
 * The port or connection itself failed: it cannot be opened, or it broke (USB head unplugged,
 * gateway closed the connection). The transport can be reopened once the cause is gone.
 */
public class KmpTransportException extends KmpException {
  private static final long serialVersionUID = 1L;

  public KmpTransportException(String message) {
    super(message);
  }

  public KmpTransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
