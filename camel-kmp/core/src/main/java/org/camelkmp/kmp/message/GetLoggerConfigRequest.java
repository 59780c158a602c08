package org.camelkmp.kmp.message;

/**
 * GetLoggerConfig (CID 0xB8, sub-command 0x05): asks how one logger of a newer meter (MULTICAL
 * 303/403/603) is configured, that is which registers it records. 0xB8 is a vendor family of logger
 * commands with a sub-command byte; only this read of the configuration is modelled, the family's
 * other sub-commands stay {@link RawRequest}s. Known from a single reverse-engineering source, not
 * from the vendor: see {@link GetLoggerConfigResponse} for how the answer is read. Only reads.
 *
 * @param loggerType which logger: {@link #YEAR} 2, {@link #MONTH} 3, {@link #DAY} 4, {@link #HOUR}
 *     5, {@link #MINUTE} 6 and {@link #MINUTE_2} 7; any byte 0..255 goes on the wire
 */
public record GetLoggerConfigRequest(int loggerType) implements KmpRequest {
  /** The sub-command byte after the CID: get configuration. */
  public static final int SUB_COMMAND = 0x05;

  /** The yearly logger. */
  public static final int YEAR = 2;

  /** The monthly logger. */
  public static final int MONTH = 3;

  /** The daily logger. */
  public static final int DAY = 4;

  /** The hourly logger. */
  public static final int HOUR = 5;

  /** The first minute logger. */
  public static final int MINUTE = 6;

  /** The second minute logger. */
  public static final int MINUTE_2 = 7;

  private static final String[] TYPE_NAMES = {"year", "month", "day", "hour", "minute", "minute 2"};

  public GetLoggerConfigRequest {
    if (loggerType < 0 || loggerType > 255) {
      throw new IllegalArgumentException(
          "logger type " + loggerType + " is out of range 0..255 (known: 2..7, year to minute)");
    }
  }

  @Override
  public int cid() {
    return CommandId.GET_LOGGER_CONFIG.code();
  }

  /** Whether {@code type} is one of the known logger types 2..7. */
  public static boolean isKnownType(int type) {
    return type >= YEAR && type <= MINUTE_2;
  }

  /** {@code year}, {@code month}, {@code day}, {@code hour}, {@code minute}, {@code minute 2}. */
  public static String typeName(int type) {
    return isKnownType(type) ? TYPE_NAMES[type - YEAR] : "type " + type;
  }

  /**
   * A logger type by number (2..7, decimal or 0x hex) or by name ({@code hour}, {@code day}, …).
   *
   * @throws IllegalArgumentException naming the known types
   */
  public static int parseType(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
    for (int type = YEAR; type <= MINUTE_2; type++) {
      if (typeName(type).equals(t) || typeName(type).replace(" ", "").equals(t)) {
        return type;
      }
    }
    try {
      int type = t.startsWith("0x") ? Integer.parseInt(t.substring(2), 16) : Integer.parseInt(t);
      if (type >= 0 && type <= 255) {
        return type;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "logger type '"
            + text
            + "' is not known: give year, month, day, hour, minute, minute2 or a number 2..7");
  }
}
