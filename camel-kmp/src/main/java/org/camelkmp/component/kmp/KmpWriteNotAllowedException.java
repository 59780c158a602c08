package org.camelkmp.component.kmp;

import org.camelkmp.kmp.error.KmpException;

/**
 * A command that changes the meter was sent through an endpoint without {@code allowWrites=true}.
 */
public class KmpWriteNotAllowedException extends KmpException {
  private static final long serialVersionUID = 1L;

  public KmpWriteNotAllowedException(String command, String port) {
    super(
        command
            + " changes the meter and is refused on "
            + port
            + ": set allowWrites=true on the endpoint to allow SetClock, PutRegister and"
            + " ClearEventStatus");
  }
}
