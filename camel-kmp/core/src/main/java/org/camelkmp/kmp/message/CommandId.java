package org.camelkmp.kmp.message;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The KMP commands known publicly, by command id (CID). */
public enum CommandId {
  GET_TYPE(0x01, "GetType", false),
  GET_SERIAL_NO(0x02, "GetSerialNo", false),
  SET_CLOCK(0x09, "SetClock", true),
  GET_REGISTER(0x10, "GetRegister", false),
  PUT_REGISTER(0x11, "PutRegister", true),
  GET_EVENT_STATUS(0x9B, "GetEventStatus", false),
  CLEAR_EVENT_STATUS(0x9C, "ClearEventStatus", true),
  GET_LOG_TIME_PRESENT(0xA0, "GetLogTimePresent", false),
  GET_LOG_LAST_PRESENT(0xA1, "GetLogLastPresent", false),
  GET_LOG_ID_PRESENT(0xA2, "GetLogIDPresent", false),
  GET_LOG_TIME_PAST(0xA3, "GetLogTimePast", false);

  private final int code;
  private final String commandName;
  private final boolean changesMeter;

  CommandId(int code, String commandName, boolean changesMeter) {
    this.code = code;
    this.commandName = commandName;
    this.changesMeter = changesMeter;
  }

  /** The CID byte. */
  public int code() {
    return code;
  }

  /** The protocol's name, such as {@code GetRegister}. */
  public String commandName() {
    return commandName;
  }

  /** Whether the command changes the meter's state (and so must never be sent by accident). */
  public boolean changesMeter() {
    return changesMeter;
  }

  /** The command with this CID, if known. */
  public static Optional<CommandId> of(int cid) {
    for (CommandId id : values()) {
      if (id.code == cid) {
        return Optional.of(id);
      }
    }
    return Optional.empty();
  }

  /**
   * The command named {@code GetRegister}, {@code getregister} or {@code GET_REGISTER}.
   *
   * @throws IllegalArgumentException naming the known commands
   */
  public static CommandId byName(String name) {
    String wanted = name == null ? "" : name.trim().replace("_", "").toLowerCase(Locale.ROOT);
    for (CommandId id : values()) {
      if (id.commandName.toLowerCase(Locale.ROOT).equals(wanted)) {
        return id;
      }
    }
    throw new IllegalArgumentException(
        "unknown KMP command '"
            + name
            + "': one of "
            + Arrays.stream(values())
                .map(CommandId::commandName)
                .collect(Collectors.joining(", ")));
  }
}
