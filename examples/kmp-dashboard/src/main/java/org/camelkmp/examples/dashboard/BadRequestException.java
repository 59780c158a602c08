package org.camelkmp.examples.dashboard;

/** A request the API refuses with HTTP 400, naming the parameter at fault. */
public final class BadRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String parameter;

  public BadRequestException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /** The query parameter at fault. */
  public String parameter() {
    return parameter;
  }
}
