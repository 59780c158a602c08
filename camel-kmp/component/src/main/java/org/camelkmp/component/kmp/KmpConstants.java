package org.camelkmp.component.kmp;

import org.apache.camel.spi.Metadata;

/**
 * Names of the message headers of the {@code kmp} component. One rule: an <em>output</em> header
 * describes the reading on the message; the consumer sets it, the producer replaces it with its own
 * answer's, and nothing ever reads it. An <em>input</em> header steers the producer; only the
 * producer reads it, and removes it once the answer has arrived, so it never steers a later one.
 */
public final class KmpConstants {

  @Metadata(
      label = "consumer,producer",
      description =
          "Output: the serial number of the meter the reading came from, when known"
              + " (readSerialNumber=true or a GetSerialNo answer); absent otherwise",
      javaType = "Long")
  public static final String METER_SERIAL = "CamelKmpMeterSerial";

  @Metadata(
      label = "consumer,producer",
      description =
          "Output: the destination address the reading came from. Never read: to send one"
              + " exchange elsewhere use CamelKmpOverrideDestinationAddress",
      javaType = "Integer")
  public static final String DESTINATION_ADDRESS = "CamelKmpDestinationAddress";

  @Metadata(
      label = "producer",
      description =
          "Input: the destination address for this exchange instead of the endpoint's"
              + " destinationAddress (0..255, a number or decimal or 0x hex text). Removed once the"
              + " producer has used it, so it never steers a later producer",
      javaType = "Integer")
  public static final String OVERRIDE_DESTINATION_ADDRESS = "CamelKmpOverrideDestinationAddress";

  @Metadata(
      label = "consumer,producer",
      description = "Output: when the answer was read",
      javaType = "java.time.Instant")
  public static final String READ_TIMESTAMP = "CamelKmpReadTimestamp";

  @Metadata(
      label = "consumer,producer",
      description = "Output: ids of registers asked for that the meter does not have (GetRegister)",
      javaType = "java.util.List<Integer>")
  public static final String MISSING_REGISTERS = "CamelKmpMissingRegisters";

  @Metadata(
      label = "consumer,producer",
      description = "Output: number of KMP requests the reading took (retries not counted)",
      javaType = "Integer")
  public static final String REQUEST_COUNT = "CamelKmpRequestCount";

  @Metadata(
      label = "consumer,producer",
      description =
          "Output: milliseconds from the first request to the last answer, retries included",
      javaType = "Long")
  public static final String ROUND_TRIP_TIME = "CamelKmpRoundTripTime";

  @Metadata(
      label = "producer",
      description =
          "Input: the command to send instead of the endpoint's command: GetType, GetSerialNo,"
              + " GetRegister, SetClock, PutRegister, GetEventStatus, ClearEventStatus,"
              + " GetLogTimePresent, GetLogLastPresent, GetLogIDPresent, GetLogTimePast or"
              + " GetLoggerConfig",
      javaType = "String")
  public static final String COMMAND = "CamelKmpCommand";

  @Metadata(
      label = "producer",
      description =
          "Input: registers for GetRegister, PutRegister and the log reads instead of the"
              + " endpoint's: ids or catalogue names, as a comma-separated String or a Collection",
      javaType = "String")
  public static final String REGISTERS = "CamelKmpRegisters";

  @Metadata(
      label = "producer",
      description =
          "Input, SetClock: the meter's new local date and time; the JVM's clock when absent",
      javaType = "java.time.LocalDateTime")
  public static final String CLOCK = "CamelKmpClock";

  @Metadata(
      label = "producer",
      description = "Input, PutRegister: the value to write (a number or its text)",
      javaType = "java.math.BigDecimal")
  public static final String VALUE = "CamelKmpValue";

  @Metadata(
      label = "producer",
      description = "Input, PutRegister: the unit code or symbol of the value to write",
      javaType = "String")
  public static final String UNIT = "CamelKmpUnit";

  @Metadata(
      label = "producer",
      description =
          "Input, ClearEventStatus: bits cleared only once the newest log record was read,"
              + " ES0..ES3 as a 32-bit number",
      javaType = "Long")
  public static final String CONDITIONAL_MASK = "CamelKmpConditionalMask";

  @Metadata(
      label = "producer",
      description = "Input, ClearEventStatus: bits always cleared, ES0..ES3 as a 32-bit number",
      javaType = "Long")
  public static final String UNCONDITIONAL_MASK = "CamelKmpUnconditionalMask";

  @Metadata(
      label = "producer",
      description = "Input, log reads: the log id (1 = interval log)",
      javaType = "Integer")
  public static final String LOG_ID = "CamelKmpLogId";

  @Metadata(
      label = "producer",
      description = "Input, log reads: how many records to read, 1..255",
      javaType = "Integer")
  public static final String LOG_RECORDS = "CamelKmpLogRecords";

  @Metadata(
      label = "producer",
      description = "Input, GetLogTimePresent and GetLogTimePast: the time to start from",
      javaType = "java.time.LocalDateTime")
  public static final String LOG_FROM = "CamelKmpLogFrom";

  @Metadata(
      label = "producer",
      description = "Input, GetLogIDPresent: the record id to start from",
      javaType = "Integer")
  public static final String LOG_RECORD_ID = "CamelKmpLogRecordId";

  @Metadata(
      label = "producer",
      description = "Input, GetLogTimePast: how many records to move back",
      javaType = "Integer")
  public static final String LOG_OFFSET = "CamelKmpLogOffset";

  @Metadata(
      label = "producer",
      description =
          "Input, GetLoggerConfig (required): the logger type, 2 year, 3 month, 4 day, 5 hour,"
              + " 6 and 7 minute",
      javaType = "Integer")
  public static final String LOGGER_TYPE = "CamelKmpLoggerType";

  private KmpConstants() {}
}
