package org.camelkmp.component.kmp;

import org.camelkmp.kmp.message.CommandId;

/**
 * The producer's commands, for the {@code command} option: Camel's tooling lists an option's values
 * only from a Java enum, so this enum repeats the names of the table, {@link CommandId}, and
 * nothing else; each constant is named exactly as its command's {@link CommandId#commandName()} and
 * finds its command there (a test fails when the two lists differ).
 */
public enum KmpCommand {
  GetType,
  GetSerialNo,
  GetRegister,
  SetClock,
  PutRegister,
  GetEventStatus,
  ClearEventStatus,
  GetLogTimePresent,
  GetLogLastPresent,
  GetLogIDPresent,
  GetLogTimePast,
  GetLoggerConfig;

  private final CommandId commandId = CommandId.byName(name());

  /** The protocol core's command. */
  public CommandId commandId() {
    return commandId;
  }

  /**
   * The command named {@code GetRegister}, {@code getregister} or {@code GET_REGISTER}.
   *
   * @throws IllegalArgumentException naming the known commands
   */
  public static KmpCommand byName(String name) {
    return of(CommandId.byName(name));
  }

  /** The command for a command of the core. */
  public static KmpCommand of(CommandId commandId) {
    return valueOf(commandId.commandName());
  }
}
