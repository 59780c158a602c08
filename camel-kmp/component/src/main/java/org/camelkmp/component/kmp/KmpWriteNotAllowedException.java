package org.camelkmp.component.kmp;

import java.util.Arrays;
import java.util.List;
import org.camelkmp.kmp.message.CommandId;

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
                + ": set allowWrites=true on the endpoint to allow "
                + writes()
            : command
                + " is not a known read-only command and is refused on "
                + port
                + ": set allowWrites=true on the endpoint to send it");
  }

  /**
   * The commands of the table that change the meter: "SetClock, PutRegister and ClearEventStatus".
   */
  private static String writes() {
    List<String> names =
        Arrays.stream(CommandId.values())
            .filter(CommandId::changesMeter)
            .map(CommandId::commandName)
            .toList();
    return names.size() < 2
        ? String.join("", names)
        : String.join(", ", names.subList(0, names.size() - 1))
            + " and "
            + names.get(names.size() - 1);
  }
}
