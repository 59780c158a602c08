package org.camelkmp.component.kmp;

import java.util.EnumSet;
import java.util.Set;
import org.camelkmp.kmp.message.CommandId;
import org.camelkmp.kmp.message.KmpRequest;

/**
 * Which requests may go out without {@code allowWrites=true}: an allow-list of the commands known
 * to only read. Everything else, the known writes and any CID this library does not know (a vendor
 * family may well change the meter), needs the opt-in.
 */
final class KmpWritePolicy {
  private static final Set<CommandId> READ_ONLY =
      EnumSet.of(
          CommandId.GET_TYPE,
          CommandId.GET_SERIAL_NO,
          CommandId.GET_REGISTER,
          CommandId.GET_EVENT_STATUS,
          CommandId.GET_LOG_TIME_PRESENT,
          CommandId.GET_LOG_LAST_PRESENT,
          CommandId.GET_LOG_ID_PRESENT,
          CommandId.GET_LOG_TIME_PAST);

  private KmpWritePolicy() {}

  /** Whether the command is known to only read. */
  static boolean isReadOnly(CommandId command) {
    return READ_ONLY.contains(command);
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
