package org.camelkmp.kmp.message;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The KMP commands this library knows, by command id (CID): the one table of commands. Each
 * constant names its CID, its protocol name, whether it changes the meter, and its codec, which
 * holds its request and response encoding and how its request is built from named arguments; the
 * application layer, the Camel producer's command list and kmp-tool all go by this table. To add a
 * command, add a constant here with its codec and records.
 */
public enum CommandId {
  GET_TYPE(0x01, "GetType", false, new GetTypeCodec()),
  GET_SERIAL_NO(0x02, "GetSerialNo", false, new GetSerialNoCodec()),
  SET_CLOCK(0x09, "SetClock", true, new SetClockCodec()),
  GET_REGISTER(0x10, "GetRegister", false, new GetRegisterCodec()),
  PUT_REGISTER(0x11, "PutRegister", true, new PutRegisterCodec()),
  GET_EVENT_STATUS(0x9B, "GetEventStatus", false, new GetEventStatusCodec()),
  CLEAR_EVENT_STATUS(0x9C, "ClearEventStatus", true, new ClearEventStatusCodec()),
  GET_LOG_TIME_PRESENT(0xA0, "GetLogTimePresent", false, new GetLogTimePresentCodec()),
  GET_LOG_LAST_PRESENT(0xA1, "GetLogLastPresent", false, new GetLogLastPresentCodec()),
  GET_LOG_ID_PRESENT(0xA2, "GetLogIDPresent", false, new GetLogIdPresentCodec()),
  GET_LOG_TIME_PAST(0xA3, "GetLogTimePast", false, new GetLogTimePastCodec()),
  GET_LOGGER_CONFIG(0xB8, "GetLoggerConfig", false, new GetLoggerConfigCodec());

  private static final CommandId[] BY_CID = new CommandId[256];

  static {
    for (CommandId id : values()) {
      if (BY_CID[id.code] != null) {
        throw new ExceptionInInitializerError("two commands with CID " + id.code);
      }
      BY_CID[id.code] = id;
    }
  }

  private final int code;
  private final String commandName;
  private final boolean changesMeter;
  private final CommandCodec<?, ?> codec;

  CommandId(int code, String commandName, boolean changesMeter, CommandCodec<?, ?> codec) {
    this.code = code;
    this.commandName = commandName;
    this.changesMeter = changesMeter;
    this.codec = codec;
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

  /** Whether the meter accepts the command with a lone ACK instead of a response frame. */
  public boolean answeredByAck() {
    return codec.answeredByAck();
  }

  /**
   * The command's request built from named arguments, as every caller that is not a program
   * building records (a Camel route, a command line) gives them; see {@link CommandArguments} for
   * the names.
   *
   * @throws IllegalArgumentException naming a missing or bad argument
   */
  public KmpRequest request(CommandArguments arguments) {
    return codec.request(arguments);
  }

  CommandCodec<?, ?> codec() {
    return codec;
  }

  /** The command with this CID, if known. */
  public static Optional<CommandId> of(int cid) {
    return Optional.ofNullable(orNull(cid));
  }

  /** The command with this CID, null when unknown: for the decoders, which run per frame. */
  static CommandId orNull(int cid) {
    return cid >= 0 && cid < BY_CID.length ? BY_CID[cid] : null;
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
