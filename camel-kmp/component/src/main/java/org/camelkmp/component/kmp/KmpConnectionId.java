package org.camelkmp.component.kmp;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import org.camelkmp.kmp.transport.TcpTransport;

/**
 * Which physical port an endpoint's port string names, so that equivalent spellings share one
 * connection (as camel-iec60870's ConnectionId): a gateway by its host in lower case and its port
 * number ({@code socket://GW:2002} and {@code socket://gw:2002/} are one); a Windows port name in
 * upper case ({@code com3} is {@code COM3}); a serial device path normalised and, when it exists,
 * with its links resolved ({@code /dev/serial/by-id/…} is the {@code /dev/ttyUSB0} it points to).
 *
 * @param value the normalised port
 */
record KmpConnectionId(String value) {
  private static final String SOCKET = "socket://";

  /** The identity of an endpoint's port; the port has been checked by the endpoint. */
  static KmpConnectionId of(String port) {
    String text = port.strip();
    if (text.regionMatches(true, 0, SOCKET, 0, SOCKET.length())) {
      return new KmpConnectionId(TcpTransport.fromUri(text).name().toLowerCase(Locale.ROOT));
    }
    if (text.matches("(?i)com[0-9]+")) {
      return new KmpConnectionId(text.toUpperCase(Locale.ROOT));
    }
    if (text.startsWith("/")) {
      return new KmpConnectionId(realPath(text));
    }
    return new KmpConnectionId(text);
  }

  /** Whether the port is a ser2net gateway, whose line settings are made on the gateway. */
  boolean isGateway() {
    return value.startsWith(SOCKET);
  }

  private static String realPath(String text) {
    try {
      Path path = Path.of(text).normalize();
      try {
        return path.toRealPath().toString();
      } catch (IOException e) {
        return path.toString(); // absent for now: the device may be plugged in later
      }
    } catch (InvalidPathException e) {
      return text;
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
