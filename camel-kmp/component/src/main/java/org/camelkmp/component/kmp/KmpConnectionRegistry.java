package org.camelkmp.component.kmp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camelkmp.kmp.transport.LineSettings;
import org.camelkmp.kmp.transport.Transports;

/**
 * The component's connections, one per physical port however it is spelt ({@link KmpConnectionId}):
 * opened on first use, closed when the last consumer or producer on it stops. While a serial port
 * is in use its line settings are its first user's; an endpoint asking for others fails when its
 * consumer or producer starts, and once the last user is gone the port may be used with others.
 */
final class KmpConnectionRegistry {
  private final Map<KmpConnectionId, KmpConnection> connections = new HashMap<>();

  /**
   * The shared connection for a port, counting one more user. The first user's line settings hold
   * for the port until its last user releases it.
   *
   * @throws IllegalArgumentException when the serial port is in use with other line settings
   */
  synchronized KmpConnection acquire(String port, LineSettings settings) {
    KmpConnectionId id = KmpConnectionId.of(port);
    KmpConnection connection = connections.get(id);
    if (connection == null) {
      connection = new KmpConnection(id, port, settings, Transports.create(port, settings));
      connections.put(id, connection);
    } else if (!id.isGateway() && !connection.lineSettings().equals(settings)) {
      throw new IllegalArgumentException(
          "conflicting line settings for port "
              + port
              + ": it is in use with "
              + connection.lineSettings()
              + " and this endpoint asks for "
              + settings
              + "; every endpoint on one port must use the same baudRate, dataBits, stopBits and"
              + " parity");
    }
    synchronized (connection) {
      connection.users++;
    }
    return connection;
  }

  /** One user fewer; the last one closes the port. */
  synchronized void release(KmpConnection connection) {
    synchronized (connection) {
      connection.users--;
      if (connection.users > 0) {
        return;
      }
    }
    connections.remove(connection.id());
    connection.close();
  }

  /** The connections in use, for the dev console. */
  synchronized List<KmpConnection> connections() {
    return new ArrayList<>(connections.values());
  }

  synchronized void closeAll() {
    connections.values().forEach(KmpConnection::close);
    connections.clear();
  }
}
