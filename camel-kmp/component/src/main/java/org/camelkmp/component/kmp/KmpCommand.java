package org.camelkmp.component.kmp;

import org.camelkmp.kmp.message.CommandId;

/**
 * The commands the producer builds from headers, by the protocol's names, so that Camel's tooling
 * lists them for the {@code command} option.
 */
public enum KmpCommand {
  GetType(CommandId.GET_TYPE),
  GetSerialNo(CommandId.GET_SERIAL_NO),
  GetRegister(CommandId.GET_REGISTER),
  SetClock(CommandId.SET_CLOCK),
  PutRegister(CommandId.PUT_REGISTER),
  GetEventStatus(CommandId.GET_EVENT_STATUS),
  ClearEventStatus(CommandId.CLEAR_EVENT_STATUS),
  GetLogTimePresent(CommandId.GET_LOG_TIME_PRESENT),
  GetLogLastPresent(CommandId.GET_LOG_LAST_PRESENT),
  GetLogIDPresent(CommandId.GET_LOG_ID_PRESENT),
  GetLogTimePast(CommandId.GET_LOG_TIME_PAST);

  private final CommandId commandId;

  KmpCommand(CommandId commandId) {
    this.commandId = commandId;
  }

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
    for (KmpCommand command : values()) {
      if (command.commandId == commandId) {
        return command;
      }
    }
    throw new IllegalArgumentException("no producer command for " + commandId);
  }
}
