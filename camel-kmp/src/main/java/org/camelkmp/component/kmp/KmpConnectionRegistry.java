package org.camelkmp.component.kmp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camelkmp.kmp.transport.LineSettings;
import org.camelkmp.kmp.transport.Transports;

/**
 * The component's connections, one per physical port however it is spelt ({@link KmpConnectionId}):
 * opened on first use, closed when the last consumer or producer on it stops. Also remembers the
 * line settings each port was configured with, so that two endpoints asking one port for different
 * settings fail when the second is created.
 */
final class KmpConnectionRegistry {
  private final Map<KmpConnectionId, KmpConnection> connections = new HashMap<>();
  private final Map<KmpConnectionId, LineSettings> configured = new HashMap<>();

  /**
   * Records the line settings an endpoint wants for a port.
   *
   * @throws IllegalArgumentException when another endpoint configured the same port differently
   */
  synchronized void checkLineSettings(String port, LineSettings settings) {
    KmpConnectionId id = KmpConnectionId.of(port);
    if (id.isGateway()) {
      return;
    }
    LineSettings earlier = configured.putIfAbsent(id, settings);
    if (earlier != null && !earlier.equals(settings)) {
      throw new IllegalArgumentException(
          "conflicting line settings for port "
              + port
              + ": it is already used with "
              + earlier
              + " and this endpoint asks for "
              + settings
              + "; every endpoint on one port must use the same baudRate, dataBits, stopBits and"
              + " parity");
    }
  }

  /** The shared connection for a port, counting one more user. */
  synchronized KmpConnection acquire(String port, LineSettings settings) {
    KmpConnectionId id = KmpConnectionId.of(port);
    KmpConnection connection = connections.get(id);
    if (connection == null) {
      connection = new KmpConnection(id, port, settings, Transports.create(port, settings));
      connections.put(id, connection);
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
