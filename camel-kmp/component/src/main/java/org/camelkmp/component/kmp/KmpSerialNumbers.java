package org.camelkmp.component.kmp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camelkmp.kmp.client.KmpClient;

/**
 * The serial numbers a producer has read, per destination address, so that readSerialNumber costs
 * one GetSerialNo per connection rather than one per exchange. Forgotten when the connection is
 * found closed: the gateway may now lead to another meter.
 */
final class KmpSerialNumbers {
  private final Map<Integer, Long> known = new ConcurrentHashMap<>();

  /** The serial number of the meter at {@code address}, asked through {@code client} if unknown. */
  long of(KmpClient client, KmpConnection connection, int address) {
    if (!connection.isOpen()) {
      known.clear();
    }
    Long serial = known.get(address);
    if (serial == null) {
      serial = client.getSerialNumber();
      known.put(address, serial);
    }
    return serial;
  }

  /** Remembers a serial number the meter at {@code address} gave in a GetSerialNo answer. */
  void remember(int address, long serial) {
    known.put(address, serial);
  }
}
