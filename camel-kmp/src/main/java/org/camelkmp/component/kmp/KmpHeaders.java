package org.camelkmp.component.kmp;

import org.apache.camel.Message;
import org.camelkmp.kmp.client.RegisterReading;

/** Sets the reading headers shared by the consumer and the producer's GetRegister. */
final class KmpHeaders {
  private KmpHeaders() {}

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
}
