package org.camelkmp.component.kmp;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Message;
import org.apache.camel.spi.Metadata;
import org.camelkmp.kmp.client.RegisterReading;

/**
 * The header rule shared by the consumer and the producer. Output headers describe the reading on
 * the message: written by the consumer and by the producer for its answer, never read. Input
 * headers steer the producer: only read, and removed once the producer has sent its request, so
 * that they never steer a later producer (Camel's override pattern, as camel-kafka's
 * OVERRIDE_TOPIC).
 */
final class KmpHeaders {
  /** Headers that describe a reading. */
  static final List<String> OUTPUTS =
      List.of(
          KmpConstants.METER_SERIAL,
          KmpConstants.DESTINATION_ADDRESS,
          KmpConstants.READ_TIMESTAMP,
          KmpConstants.MISSING_REGISTERS,
          KmpConstants.REQUEST_COUNT,
          KmpConstants.ROUND_TRIP_TIME);

  /**
   * Headers that steer the producer: every header {@link KmpConstants} documents as an input, so
   * that a command's new argument header is declared in one place, with its documentation.
   */
  static final List<String> INPUTS = inputs();

  private static List<String> inputs() {
    List<String> inputs = new ArrayList<>();
    for (Field field : KmpConstants.class.getFields()) {
      Metadata metadata = field.getAnnotation(Metadata.class);
      if (metadata != null && metadata.description().startsWith("Input")) {
        try {
          inputs.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("KmpConstants." + field.getName() + " is not public", e);
        }
      }
    }
    return List.copyOf(inputs);
  }

  private KmpHeaders() {}

  /** Sets the output headers of a register reading (the consumer's, on a new message). */
  static void set(Message message, int address, Long serial, RegisterReading reading) {
    if (serial != null) {
      message.setHeader(KmpConstants.METER_SERIAL, serial);
    }
    message.setHeader(KmpConstants.DESTINATION_ADDRESS, address);
    message.setHeader(KmpConstants.READ_TIMESTAMP, reading.readAt());
    message.setHeader(KmpConstants.MISSING_REGISTERS, reading.missing());
    message.setHeader(KmpConstants.REQUEST_COUNT, reading.requestCount());
    message.setHeader(KmpConstants.ROUND_TRIP_TIME, reading.duration().toMillis());
  }

  /** The producer's answer to GetRegister: earlier outputs and the inputs go, these come. */
  static void replace(Message message, int address, Long serial, RegisterReading reading) {
    OUTPUTS.forEach(message::removeHeader);
    INPUTS.forEach(message::removeHeader);
    set(message, address, serial, reading);
  }

  /** The producer's answer to any other request: earlier outputs and the inputs go. */
  static void replace(Message message, int address, Long serial, Instant readAt, long millis) {
    OUTPUTS.forEach(message::removeHeader);
    INPUTS.forEach(message::removeHeader);
    if (serial != null) {
      message.setHeader(KmpConstants.METER_SERIAL, serial);
    }
    message.setHeader(KmpConstants.DESTINATION_ADDRESS, address);
    message.setHeader(KmpConstants.READ_TIMESTAMP, readAt);
    message.setHeader(KmpConstants.REQUEST_COUNT, 1);
    message.setHeader(KmpConstants.ROUND_TRIP_TIME, millis);
  }

  /**
   * The destination address of this exchange: the override header when set, else the endpoint's.
   *
   * @throws IllegalArgumentException naming the header when its value is no address
   */
  static int overrideAddress(Message message, int endpointAddress) {
    Object value = message.getHeader(KmpConstants.OVERRIDE_DESTINATION_ADDRESS);
    if (value == null) {
      return endpointAddress;
    }
    int address;
    try {
      address = value instanceof Number n ? n.intValue() : Integer.decode(value.toString().trim());
    } catch (NumberFormatException e) {
      address = -1;
    }
    if (address < 0 || address > 255) {
      throw new IllegalArgumentException(
          "header "
              + KmpConstants.OVERRIDE_DESTINATION_ADDRESS
              + "="
              + value
              + " must be 0..255, decimal or 0x hex");
    }
    return address;
  }
}
