package org.camelkmp.examples.dashboard;

/** The dashboard cannot start for a reason a user can fix; the message says how. */
public final class DashboardStartupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DashboardStartupException(String message) {
    super(message);
  }

  public DashboardStartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
