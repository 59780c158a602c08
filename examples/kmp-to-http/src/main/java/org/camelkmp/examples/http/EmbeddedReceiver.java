package org.camelkmp.examples.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.support.service.ServiceSupport;
import org.camelkmp.examples.support.ExampleStartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A demo receiver, so that the example runs out of the box: it starts when, and only when, {@code
 * http.url} points at {@code http://localhost:<http.receiver.port>/…} (default port 20480), and
 * logs each reading it accepts. It honours the {@code Idempotency-Key} header as a receiver should:
 * a key it has seen is answered 200 again but not taken twice.
 */
public final class EmbeddedReceiver extends MainListenerSupport {
  /** Port the demo receiver listens on unless {@code http.receiver.port} says otherwise. */
  public static final int DEFAULT_PORT = 20480;

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedReceiver.class);
  private static final int REMEMBERED_KEYS = 100_000;

  private final Set<String> keys =
      Collections.synchronizedSet(
          Collections.newSetFromMap(
              new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                  return size() > REMEMBERED_KEYS;
                }
              }));
  private HttpServer server;

  @Override
  public void beforeConfigure(BaseMainSupport main) {
    String url = property(main, "http.url").orElse("");
    int port = property(main, "http.receiver.port").map(Integer::parseInt).orElse(DEFAULT_PORT);
    if (!targetsLocalPort(url, port)) {
      LOG.info("http.url={} is not the demo receiver: posting readings there", url);
      return;
    }
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new ExampleStartupException(
          "cannot start the demo receiver on port "
              + port
              + ": "
              + e.getMessage()
              + " (another example?); set http.receiver.port to a free port and http.url to the"
              + " same port, e.g. http.receiver.port="
              + (port + 1)
              + " and http.url=http://localhost:"
              + (port + 1)
              + path(url),
          e);
    }
    String path = URI.create(url).getPath();
    server.createContext(path == null || path.isEmpty() ? "/" : path, this::handle);
    server.start();
    try {
      main.getCamelContext()
          .addService(
              new ServiceSupport() {
                @Override
                protected void doStop() {
                  stopServer();
                }
              },
              true,
              true);
    } catch (Exception e) {
      stopServer();
      throw new IllegalStateException("cannot tie the demo receiver to the Camel context", e);
    }
    LOG.info("demo receiver on {}; set http.url to post the readings elsewhere", url);
  }

  /** Whether the demo receiver is running. */
  public synchronized boolean isRunning() {
    return server != null;
  }

  /** How many distinct readings it has taken. */
  public int received() {
    return keys.size();
  }

  private synchronized void stopServer() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        respond(exchange, 405, "POST a reading");
        return;
      }
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      if (key == null || key.isBlank()) {
        respond(exchange, 400, "an Idempotency-Key header is required");
      } else if (keys.add(key)) {
        LOG.info("received reading {} ({} bytes of JSON)", key, body.length);
        respond(exchange, 200, "stored");
      } else {
        LOG.info("received reading {} again: already stored, not taken twice", key);
        respond(exchange, 200, "already stored");
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static boolean targetsLocalPort(String url, int port) {
    try {
      URI uri = URI.create(url);
      String host = uri.getHost();
      return "http".equals(uri.getScheme())
          && uri.getPort() == port
          && host != null
          && (host.equals("localhost") || host.equals("127.0.0.1"));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String path(String url) {
    String path = URI.create(url).getPath();
    return path == null ? "" : path;
  }

  private static Optional<String> property(BaseMainSupport main, String key) {
    return main.getCamelContext().getPropertiesComponent().resolveProperty(key);
  }
}
