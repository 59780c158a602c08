package org.camelkmp.component.kmp;

import org.camelkmp.kmp.message.CommandId;
import org.camelkmp.kmp.message.KmpRequest;

/**
 * Which requests may go out without {@code allowWrites=true}: the commands of the table known to
 * only read ({@link CommandId#changesMeter()} false). Everything else, the known writes and any
 * request this library does not know (an unknown CID, or a sub-command of a CID family it does not
 * model: a vendor family may well change the meter), needs the opt-in.
 */
final class KmpWritePolicy {
  private KmpWritePolicy() {}

  /** Whether the command is known to only read. */
  static boolean isReadOnly(CommandId command) {
    return !command.changesMeter();
  }

  /**
   * Refuses a request that is not known to be read-only unless writes are allowed.
   *
   * @throws KmpWriteNotAllowedException when refused; nothing has been sent
   */
  static void check(KmpRequest request, boolean allowWrites, String port) {
    if (!allowWrites && !request.command().map(KmpWritePolicy::isReadOnly).orElse(false)) {
      throw new KmpWriteNotAllowedException(
          request.commandName(), request.command().isPresent(), port);
    }
  }

  /**
   * Refuses a command that is not known to be read-only unless writes are allowed.
   *
   * @throws KmpWriteNotAllowedException when refused; nothing has been sent
   */
  static void check(CommandId command, boolean allowWrites, String port) {
    if (!allowWrites && !isReadOnly(command)) {
      throw new KmpWriteNotAllowedException(command.commandName(), true, port);
    }
  }
}
