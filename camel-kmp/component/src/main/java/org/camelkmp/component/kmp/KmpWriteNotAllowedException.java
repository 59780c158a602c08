package org.camelkmp.component.kmp;

/**
 * A request that is not a known read-only command was sent through an endpoint without {@code
 * allowWrites=true}; nothing was sent. A refusal by the endpoint's policy, not a failure of the
 * line: it is deliberately not a {@link org.camelkmp.kmp.error.KmpException}, so a route that
 * retries {@code KmpException} does not retry it.
 */
public class KmpWriteNotAllowedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param command the command's name, {@code CID 0xNN} when unknown
   * @param known whether the command is a known one that changes the meter
   * @param port the endpoint's port
   */
  public KmpWriteNotAllowedException(String command, boolean known, String port) {
    super(
        known
            ? command
                + " changes the meter and is refused on "
                + port
                + ": set allowWrites=true on the endpoint to allow SetClock, PutRegister and"
                + " ClearEventStatus"
            : command
                + " is not a known read-only command and is refused on "
                + port
                + ": set allowWrites=true on the endpoint to send it");
  }
}
