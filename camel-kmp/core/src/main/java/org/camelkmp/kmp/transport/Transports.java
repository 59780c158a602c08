package org.camelkmp.kmp.transport;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the device string a user writes into a transport: {@code socket://host:port} is a ser2net
 * gateway ({@link TcpTransport}), anything else a serial port ({@link SerialTransport}). Common
 * slips such as {@code tcp://gw:2002} or a bare {@code gw:2002} are rejected with the spelling to
 * use instead, rather than failing later as a missing serial port.
 */
public final class Transports {

  private static final String SOCKET = "socket://";
  private static final Pattern HOST_AND_PORT = Pattern.compile("[A-Za-z0-9_.\\-\\[\\]:]+:[0-9]+");
  private static final Pattern SCHEME_LIKE = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]+:.*");

  private Transports() {}

  /**
   * Creates a transport for the device without opening it.
   *
   * @param device {@code socket://host:port}, a serial device path or a port name
   * @param settings line settings for a serial port; ignored for a gateway, where they are set in
   *     the gateway's configuration
   * @throws IllegalArgumentException for a blank or malformed device, naming the fix
   */
  public static Transport create(String device, LineSettings settings) {
    if (device == null || device.isBlank()) {
      throw new IllegalArgumentException(
          "device must be given: a serial port (/dev/ttyUSB0, COM3) or socket://host:port");
    }
    String text = device.strip();
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith(SOCKET)) {
      return TcpTransport.fromUri(text);
    }
    int separator = text.indexOf("://");
    if (separator > 0) {
      throw new IllegalArgumentException(
          "unsupported device '"
              + device
              + "': for a ser2net gateway write "
              + SOCKET
              + text.substring(separator + 3)
              + ", for a serial port give its path (/dev/ttyUSB0) or name (COM3)");
    }
    if (HOST_AND_PORT.matcher(text).matches() || lower.startsWith("socket:")) {
      String address =
          lower.startsWith("socket:") ? text.substring(7).replaceFirst("^/+", "") : text;
      throw new IllegalArgumentException(
          "device '" + device + "' looks like a network address: write " + SOCKET + address);
    }
    if (SCHEME_LIKE.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "unsupported device '"
              + device
              + "': use socket://host:port for a ser2net gateway, or a serial port path"
              + " (/dev/ttyUSB0) or name (COM3)");
    }
    if (settings == null) {
      throw new IllegalArgumentException("line settings must be given for serial port " + text);
    }
    return new SerialTransport(text, settings);
  }

  /**
   * Creates a transport for the device and opens it.
   *
   * @throws IllegalArgumentException for a blank or malformed device
   * @throws org.camelkmp.kmp.error.KmpTransportException when the port or gateway cannot be opened
   */
  public static Transport open(String device, LineSettings settings) {
    Transport transport = create(device, settings);
    transport.open();
    return transport;
  }
}
