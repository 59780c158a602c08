package org.camelkmp.kmp.transport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.camelkmp.kmp.error.KmpTransportException;

/**
 * A TCP connection to a serial-to-network gateway such as ser2net in raw mode, addressed as {@code
 * socket://host:port}. The line settings (1200 8N2) are configured on the gateway, not here.
 *
 * <p>It can also wrap a socket that is already connected, such as a client accepted by a meter
 * simulator; such a transport cannot be reopened once closed.
 *
 * <p>{@link #close()} may be called from another thread to abort a blocked {@link #read(long)}.
 */
public final class TcpTransport implements Transport {

  /** Connect timeout used when none is given. */
  public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 5_000;

  private static final String SCHEME = "socket://";
  private static final Pattern HOST_NAME =
      Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]*)(\\.[A-Za-z0-9_][A-Za-z0-9_-]*)*\\.?");

  private final String host;
  private final int port;
  private final int connectTimeoutMillis;
  private final String name;
  private final boolean accepted;
  private final Object lock = new Object();

  private volatile Socket socket;
  private InputStream in;
  private OutputStream out;
  private int soTimeout = -1;

  /** The last bytes received on this connection, read or discarded: a gateway's last words. */
  private final byte[] recent = new byte[80];

  private int recentCount;

  /**
   * A transport that connects to {@code host:port} on {@link #open()}.
   *
   * @param host gateway host name or IP address
   * @param port gateway TCP port, 1..65535
   * @param connectTimeoutMillis how long to wait for the gateway to accept, more than 0
   */
  public TcpTransport(String host, int port, int connectTimeoutMillis) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("gateway host must be given");
    }
    checkPort(port, host + ":" + port);
    if (connectTimeoutMillis <= 0) {
      throw new IllegalArgumentException(
          "connect timeout must be more than 0 ms, got " + connectTimeoutMillis);
    }
    this.host = host;
    this.port = port;
    this.connectTimeoutMillis = connectTimeoutMillis;
    this.name = SCHEME + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    this.accepted = false;
  }

  /**
   * Wraps a socket that is already connected, for example one accepted by a simulator's server
   * socket. The transport is open at once; {@link #name()} is the remote address.
   *
   * @throws KmpTransportException when the socket is not connected or cannot be set up
   */
  public TcpTransport(Socket connected) {
    if (connected == null || !connected.isConnected() || connected.isClosed()) {
      throw new KmpTransportException("cannot wrap a socket that is not connected: " + connected);
    }
    this.host = connected.getInetAddress().getHostAddress();
    this.port = connected.getPort();
    this.connectTimeoutMillis = 0;
    this.name = connected.getInetAddress().getHostAddress() + ":" + connected.getPort();
    this.accepted = true;
    try {
      attach(connected);
    } catch (IOException e) {
      closeQuietly(connected);
      throw new KmpTransportException("cannot use the connection from " + name + ": " + e, e);
    }
  }

  /**
   * Parses {@code socket://host:port} (IPv6 as {@code socket://[::1]:2002}) with the default
   * connect timeout.
   *
   * @throws IllegalArgumentException naming what is wrong: scheme, host or port
   */
  public static TcpTransport fromUri(String uri) {
    return fromUri(uri, DEFAULT_CONNECT_TIMEOUT_MILLIS);
  }

  /**
   * Parses {@code socket://host:port} (IPv6 as {@code socket://[::1]:2002}).
   *
   * @throws IllegalArgumentException naming what is wrong: scheme, host or port
   */
  public static TcpTransport fromUri(String uri, int connectTimeoutMillis) {
    if (uri == null || uri.isBlank()) {
      throw new IllegalArgumentException("gateway address must be given as socket://host:port");
    }
    String text = uri.strip();
    if (!text.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      throw new IllegalArgumentException(
          "'" + uri + "' is not a gateway address: expected socket://host:port");
    }
    String authority = text.substring(SCHEME.length());
    if (authority.matches(".*[/?#@\\s].*")) {
      throw new IllegalArgumentException(
          "'" + uri + "' must be only socket://host:port, without path, user, query or spaces");
    }
    String hostPart;
    String portPart;
    if (authority.startsWith("[")) {
      int end = authority.indexOf(']');
      if (end < 0) {
        throw new IllegalArgumentException("'" + uri + "': IPv6 address lacks its closing ']'");
      }
      hostPart = authority.substring(1, end);
      String rest = authority.substring(end + 1);
      portPart = rest.startsWith(":") ? rest.substring(1) : "";
      if (!rest.isEmpty() && !rest.startsWith(":")) {
        throw new IllegalArgumentException(
            "'" + uri + "': expected ':port' after the IPv6 address");
      }
    } else {
      int colon = authority.indexOf(':');
      if (colon >= 0 && authority.indexOf(':', colon + 1) >= 0) {
        throw new IllegalArgumentException(
            "'" + uri + "': write an IPv6 address in brackets, like socket://[::1]:2002");
      }
      hostPart = colon < 0 ? authority : authority.substring(0, colon);
      portPart = colon < 0 ? "" : authority.substring(colon + 1);
      if (!hostPart.isEmpty() && !HOST_NAME.matcher(hostPart).matches()) {
        throw new IllegalArgumentException(
            "'" + uri + "': '" + hostPart + "' is not a valid host name or IP address");
      }
    }
    if (hostPart.isEmpty()) {
      throw new IllegalArgumentException(
          "'" + uri + "' has no host: expected socket://host:port, like socket://gw:2002");
    }
    if (portPart.isEmpty()) {
      throw new IllegalArgumentException(
          "'" + uri + "' has no port: expected socket://host:port, like socket://gw:2002");
    }
    if (!portPart.matches("[0-9]{1,5}")) {
      throw new IllegalArgumentException("'" + uri + "': port '" + portPart + "' is not a number");
    }
    int port = Integer.parseInt(portPart);
    checkPort(port, uri);
    return new TcpTransport(hostPart, port, connectTimeoutMillis);
  }

  private static void checkPort(int port, String where) {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException(
          "'" + where + "': port " + port + " is out of range 1..65535");
    }
  }

  /** {@code socket://host:port}, or the remote address for a wrapped socket. */
  @Override
  public String name() {
    return name;
  }

  @Override
  public void open() {
    synchronized (lock) {
      if (socket != null) {
        return;
      }
      if (accepted) {
        throw new KmpTransportException(
            "cannot reopen the connection from "
                + name
                + ": it was accepted from a client, so only the client can connect again");
      }
      Socket s = new Socket();
      try {
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
        attach(s);
      } catch (UnknownHostException e) {
        closeQuietly(s);
        throw new KmpTransportException(
            "cannot connect to " + name + ": unknown host " + host + "; check the gateway name", e);
      } catch (ConnectException e) {
        closeQuietly(s);
        throw new KmpTransportException(
            "cannot connect to "
                + name
                + ": connection refused; is ser2net running and listening on port "
                + port
                + "?",
            e);
      } catch (SocketTimeoutException e) {
        closeQuietly(s);
        throw new KmpTransportException(
            "cannot connect to "
                + name
                + ": no answer within "
                + connectTimeoutMillis
                + " ms; check the address and the network",
            e);
      } catch (IOException e) {
        closeQuietly(s);
        throw new KmpTransportException("cannot connect to " + name + ": " + e, e);
      }
    }
  }

  private void attach(Socket s) throws IOException {
    s.setTcpNoDelay(true);
    in = new BufferedInputStream(s.getInputStream());
    out = s.getOutputStream();
    soTimeout = -1;
    recentCount = 0;
    socket = s;
  }

  @Override
  public boolean isOpen() {
    Socket s = socket;
    return s != null && !s.isClosed();
  }

  @Override
  public void write(byte[] bytes) {
    Socket s = requireOpen();
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      throw broken(s, "writing failed: " + e.getMessage(), e);
    }
  }

  @Override
  public int read(long timeoutMillis) {
    Socket s = requireOpen();
    try {
      if (timeoutMillis <= 0) {
        return in.available() > 0 ? in.read() : -1;
      }
      int timeout = (int) Math.min(timeoutMillis, Integer.MAX_VALUE);
      if (timeout != soTimeout) {
        s.setSoTimeout(timeout);
        soTimeout = timeout;
      }
      int b = in.read();
      if (b < 0) {
        throw broken(
            s,
            accepted
                ? "connection closed by client " + name
                : "connection closed by gateway "
                    + name
                    + " (gateway restarted or idle timeout?)"
                    + gatewaySaid(),
            null);
      }
      remember(b);
      return b;
    } catch (SocketTimeoutException e) {
      return -1;
    } catch (IOException e) {
      throw broken(s, "reading failed: " + e.getMessage() + gatewaySaid(), e);
    }
  }

  @Override
  public void discardInput() {
    Socket s = socket;
    if (s == null) {
      return;
    }
    try {
      int available;
      byte[] dropped = new byte[256];
      while ((available = in.available()) > 0) {
        int n = in.read(dropped, 0, Math.min(available, dropped.length));
        for (int i = 0; i < n; i++) {
          remember(dropped[i]);
        }
      }
    } catch (IOException e) {
      throw broken(s, "discarding input failed: " + e.getMessage(), e);
    }
  }

  private void remember(int b) {
    if (recentCount == recent.length) {
      System.arraycopy(recent, 1, recent, 0, recent.length - 1);
      recentCount--;
    }
    recent[recentCount++] = (byte) b;
  }

  /**
   * What the gateway wrote last, when it is text (ser2net says "Device open failure: …" when its
   * serial device is gone), as {@code ; it said: "…"}; otherwise "".
   */
  private String gatewaySaid() {
    int end = recentCount;
    while (end > 0 && (recent[end - 1] == '\r' || recent[end - 1] == '\n')) {
      end--;
    }
    int start = end;
    while (start > 0 && recent[start - 1] >= 0x20 && recent[start - 1] < 0x7F) {
      start--;
    }
    if (end - start < 8) {
      return "";
    }
    return "; it said: \""
        + new String(recent, start, end - start, java.nio.charset.StandardCharsets.US_ASCII).strip()
        + "\"";
  }

  @Override
  public void close() {
    synchronized (lock) {
      Socket s = socket;
      if (s != null) {
        socket = null;
        closeQuietly(s);
      }
    }
  }

  private Socket requireOpen() {
    Socket s = socket;
    if (s == null) {
      throw new KmpTransportException(name + " is not open");
    }
    return s;
  }

  private KmpTransportException broken(Socket s, String what, IOException cause) {
    synchronized (lock) {
      if (socket != s) {
        return new KmpTransportException(name + " was closed", cause);
      }
      socket = null;
      closeQuietly(s);
    }
    String message = what.startsWith("connection closed") ? what : name + ": " + what;
    return new KmpTransportException(message, cause);
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // nothing to do: the socket is being dropped
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
