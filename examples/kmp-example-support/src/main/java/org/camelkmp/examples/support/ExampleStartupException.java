package org.camelkmp.examples.support;

/**
 * An example cannot start for a reason its user can fix: a bad setting, a busy port, a database
 * that refuses the connection. The message is one line that names the setting and the fix; {@link
 * ExampleMain} prints it alone and exits with status 2.
 */
public class ExampleStartupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ExampleStartupException(String message) {
    super(message);
  }

  public ExampleStartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
