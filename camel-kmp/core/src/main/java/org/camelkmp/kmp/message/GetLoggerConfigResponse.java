package org.camelkmp.kmp.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Answer to GetLoggerConfig (0xB8 05): how a logger is configured. The vendor does not document
 * this answer's layout, so it is read conservatively and nothing of it is ever lost. When its data
 * start with the sub-command 0x05 and a known logger type (2..7), those two bytes are taken as the
 * request echoed; the rest is the configuration, kept verbatim, and read as register ids when it is
 * exactly a count {@code n} and {@code n} ids of two bytes ({@link #registerIds()}). Any other
 * answer with at least one byte is a valid answer whose configuration is not understood; encoding
 * gives back exactly the bytes decoded.
 *
 * @param subCommand the echoed sub-command, 0x05; -1 when the answer echoes nothing
 * @param loggerType the echoed logger type, 2..7; -1 when the answer echoes nothing
 * @param configuration the configuration bytes after the echo, verbatim
 */
public record GetLoggerConfigResponse(int subCommand, int loggerType, byte[] configuration)
    implements KmpResponse {

  public GetLoggerConfigResponse {
    configuration = configuration.clone();
    if (subCommand == -1) {
      if (loggerType != -1) {
        throw new IllegalArgumentException("a logger type is echoed only with sub-command 0x05");
      }
      if (configuration.length == 0) {
        throw new IllegalArgumentException("an answer without echo needs configuration bytes");
      }
      if (startsWithEcho(configuration)) {
        throw new IllegalArgumentException(
            "a configuration starting 05 and a logger type reads back as an echo: give it as one");
      }
    } else if (subCommand != GetLoggerConfigRequest.SUB_COMMAND
        || !GetLoggerConfigRequest.isKnownType(loggerType)) {
      throw new IllegalArgumentException(
          String.format(
              "echo %d %d must be sub-command 0x05 and a logger type 2..7",
              subCommand, loggerType));
    }
  }

  /** An answer echoing the request, with the configuration as a count and register ids. */
  public static GetLoggerConfigResponse ofRegisters(int loggerType, List<Integer> registerIds) {
    if (registerIds.size() > 255) {
      throw new IllegalArgumentException("a logger records at most 255 registers");
    }
    ByteSink out = new ByteSink(1 + 2 * registerIds.size());
    GetRegisterCodec.writeIds(registerIds, out);
    return new GetLoggerConfigResponse(
        GetLoggerConfigRequest.SUB_COMMAND, loggerType, out.toArray());
  }

  /** Whether data that follow the CID begin with an echo of sub-command 0x05 and a known type. */
  static boolean startsWithEcho(byte[] data) {
    return data.length >= 2
        && (data[0] & 0xFF) == GetLoggerConfigRequest.SUB_COMMAND
        && GetLoggerConfigRequest.isKnownType(data[1] & 0xFF);
  }

  @Override
  public int cid() {
    return CommandId.GET_LOGGER_CONFIG.code();
  }

  /** Whether the answer began with the request's sub-command and logger type. */
  public boolean echoed() {
    return subCommand >= 0;
  }

  @Override
  public byte[] configuration() {
    return configuration.clone();
  }

  /**
   * The registers the logger records, when the configuration is exactly a count {@code n} and
   * {@code n} two-byte ids; empty when it is laid out otherwise (then only {@link #configuration()}
   * says what the meter sent).
   */
  public Optional<List<Integer>> registerIds() {
    int n = configuration.length == 0 ? -1 : configuration[0] & 0xFF;
    if (configuration.length != 1 + 2 * n) {
      return Optional.empty();
    }
    List<Integer> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(((configuration[1 + 2 * i] & 0xFF) << 8) | (configuration[2 + 2 * i] & 0xFF));
    }
    return Optional.of(List.copyOf(ids));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GetLoggerConfigResponse r
        && r.subCommand == subCommand
        && r.loggerType == loggerType
        && Arrays.equals(r.configuration, configuration);
  }

  @Override
  public int hashCode() {
    return (subCommand * 31 + loggerType) * 31 + Arrays.hashCode(configuration);
  }

  @Override
  public String toString() {
    return "GetLoggerConfigResponse[subCommand="
        + subCommand
        + ", loggerType="
        + loggerType
        + ", configuration="
        + HexFormat.of().formatHex(configuration)
        + "]";
  }
}
